"""Pages of the membership side: member cities, organisations, practitioners."""

from scn_portal.views import _pending

city_list = city_detail = _pending  # PLACEHOLDER (browsing)
organisation_list = organisation_detail = _pending  # PLACEHOLDER (browsing)
practitioner_list = practitioner_detail = _pending  # PLACEHOLDER (browsing)
