"""Joining the network, and writing to a practitioner through the relay."""

from scn_portal.views import _pending

contact_practitioner = join = join_thanks = _pending  # PLACEHOLDER (contact)
