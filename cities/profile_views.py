"""A member's own practitioner profile: create, edit, or claim an existing one."""

from scn_portal.views import _pending

claim_practitioner = profile = _pending  # PLACEHOLDER (contributing)
