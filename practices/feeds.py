"""The Atom feed of newly published practice, narrowed by the library's filters.

`/practices/feed/?theme=…&region=…&q=…` holds the practice the library shows for the same
query string, in the library's order: both read the filters with `LibraryFilterForm` and
select with `Library`, so the feed and the page cannot disagree. A value the form rejects
is ignored, as the library ignores it; the valid ones still apply.

The feed is served like every public page (`public_page`): kept per address (query string
included) and content version, so a newly published practice shows at once.
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practices.filters import Library, LibraryFilterForm, without
from scn_portal.page_cache import public_page

FEED_ITEMS = 30
FEED_TITLE = _("Strong Cities Network: newly published practice")


def results_query(query_dict):
    """The library's query string without its page number: what the feed, and any other
    form of the same results, is asked with."""
    return without(query_dict, "page").removeprefix("?")


def with_query(url, query):
    return f"{url}?{query}" if query else url


@dataclass
class FeedSelection:
    """What one request asks the feed for: the library its filters select, the labels of
    the filters that apply (as the library's chips name them) and its query string."""

    library: Library
    labels: list
    query: str


class LatestPracticeFeed(Feed):
    """Atom feed of the most recently published practice the library's filters select."""

    feed_type = Atom1Feed
    subtitle = _("Local practice against violent extremism, shared by member cities.")
    author_name = _("Strong Cities Network")

    def get_object(self, request, *args, **kwargs):
        library = Library(LibraryFilterForm(request.GET).filters())
        labels = [label for label, _remove in library.active_filters(request.GET)]
        return FeedSelection(library, labels, results_query(request.GET) if labels else "")

    def title(self, obj):
        if not obj.labels:
            return str(FEED_TITLE)
        # Translators: what separates two filters in a feed's title ("Theme: Youth; …").
        separator = gettext("; ")
        # Translators: a feed's title, then the filters that narrow it ("Theme: Youth").
        return gettext("%(title)s — %(filters)s") % {
            "title": FEED_TITLE,
            "filters": separator.join(obj.labels),
        }

    def link(self, obj):
        return with_query(reverse("practices:list"), obj.query)

    def feed_url(self, obj):
        return with_query(reverse("practices:feed"), obj.query)

    def items(self, obj):
        return obj.library.page(0, FEED_ITEMS)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom sends the summary as HTML (type="html") and feed readers render it so; the
        # member wrote plain text, escaped here as on the practice's page, line breaks kept.
        return linebreaksbr(item.summary, autoescape=True)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.city.name if item.city else None

    def item_categories(self, item):
        return item.theme_names


practice_feed = public_page(LatestPracticeFeed())
