"""Writing to the network: the contact form and its confirmation."""

from scn_portal.views import _pending

contact = contact_thanks = _pending  # PLACEHOLDER (contact)
