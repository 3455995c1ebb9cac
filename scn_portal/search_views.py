"""The site-wide search page."""

from scn_portal.views import _pending

search = _pending  # PLACEHOLDER (search)
