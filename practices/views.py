"""Pages of the public practice library."""

from django.contrib.syndication.views import Feed

from scn_portal.views import _pending

practice_list = practice_detail = download_attachment = _pending  # PLACEHOLDER (browsing)


class LatestPracticeFeed(Feed):  # PLACEHOLDER (browsing)
    title = "placeholder"
    link = "/"

    def items(self):
        return []
