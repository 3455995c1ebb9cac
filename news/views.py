"""Pages of the news: the list of published stories (by region and theme), a story's page,
its image, and the Atom feed.

A signed-out visitor's page reads at most three queries whatever the amount of data, and
only when it is drawn (its parts are kept per address and content version in the
template): the list reads the filter choices with their counts (once per worker and
content version), the count and one page of cards; a story's page reads the story and, in
one more query, everything it links to.
"""

from functools import cache
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from news.forms import StoryFilterForm, filter_stories
from news.models import Story
from scn_portal.languages import localized, page_language
from scn_portal.page_cache import kept_in_worker, public_page
from scn_portal.rows import by_label, rows_of, union_of

PER_PAGE = 12
FEED_ITEMS = 30
# A story's image address changes with the image (Story.image_url): browsers keep it long.
# Not a year: a story withdrawn (someone in the picture asked) should not live on in shared
# caches for as long.
IMAGE_CACHE_SECONDS = 30 * 24 * 3600


def story_facets():
    """The regions and themes of published stories with their counts, as a directory's
    choices are kept: in each worker's memory per language, until a story is published,
    changed or its time comes (the first worker to count them leaves them in the data
    cache for the others). Every request of the list needs them, and counting them took
    as long as the rest of the list's queries together (5 ms for 2,000 stories)."""
    return kept_in_worker(
        "news-facets",
        lambda: Story.objects.published().facet_counts(),
        page_language(),
        shared=True,
    )


@public_page
def story_list(request):
    form = SimpleLazyObject(lambda: StoryFilterForm(request.GET, cache(story_facets)))

    def page():
        stories = form.apply(Story.objects.published()).for_cards().newest_first()
        return Paginator(stories, PER_PAGE).get_page(request.GET.get("page"))

    page_obj = SimpleLazyObject(page)
    context = {
        "form": form,
        "page_obj": page_obj,
        "total": SimpleLazyObject(lambda: page_obj.paginator.count),
        "feed_query": SimpleLazyObject(lambda: form.query),
    }
    return render(request, "news/list.html", context)


def linked_items(story):
    """What a story's page links to, in ONE query: {kind: [(slug, label, info, more, num)]},
    each list by label. Only published practice is linked."""
    lists = union_of(
        rows_of(story.cities.all(), "city"),
        rows_of(story.regions.all(), "region", label=localized("name")),
        rows_of(story.themes.all(), "theme"),
        rows_of(story.practices.published(), "practice", label="title", info=F("city__name")),
    )
    return {kind: by_label(rows) for kind, rows in lists.items()}


def story_page_context(story, slug, public):
    items = cache(lambda: linked_items(story))

    def linked(kind):
        return SimpleLazyObject(lambda: items().get(kind, []))

    return {
        "story": story,
        "slug": slug,
        "cities": linked("city"),
        "regions": linked("region"),
        "themes": linked("theme"),
        "practices": linked("practice"),
        # A story not public is drawn for staff alone: never kept.
        **({} if public else {"cache_seconds": 0}),
    }


@public_page
def story_detail(request, slug):
    """For a visitor, the story is read only when the page is drawn (its parts are kept per
    slug), so a slug that is not public gives 404 as the page is drawn. Staff who may
    change stories also see drafts and scheduled stories, never kept in any cache."""
    if not request.user.is_authenticated:
        story = SimpleLazyObject(lambda: get_object_or_404(Story.objects.published(), slug=slug))
        return render(request, "news/detail.html", story_page_context(story, slug, True))
    story = get_object_or_404(Story.objects.visible_to(request.user), slug=slug)
    context = story_page_context(story, slug, story.is_public)
    context["can_edit"] = request.user.is_staff and request.user.has_perm("news.change_story")
    response = render(request, "news/detail.html", context)
    if not story.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response


def story_image(request, slug):
    """The story's image, streamed from whichever storage holds it (as practice attachments
    are: the bucket stays hidden, and withdrawing a story hides its image at once)."""
    story = get_object_or_404(
        Story.objects.visible_to(request.user).only("slug", "status", "publish_at", "image"),
        slug=slug,
    )
    if not story.image:
        raise Http404(_("This story has no image."))
    try:
        handle = story.image.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404(_("This image is no longer available.")) from missing
    response = FileResponse(handle, filename=f"{story.slug}.jpg", content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    if story.is_public:
        patch_cache_control(response, public=True, max_age=IMAGE_CACHE_SECONDS)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


class LatestStoriesFeed(Feed):
    """Atom feed of the newest published stories; ?region= and ?theme= narrow it as they
    narrow the list."""

    feed_type = Atom1Feed
    title = _("Strong Cities Network: news")
    subtitle = _("Stories from the network's cities, regions and partners.")
    author_name = _("Strong Cities Network")

    def get_object(self, request, *args, **kwargs):
        # The list's own form: a value that is not a region or theme of a published story
        # is ignored, as the list ignores it (and never reaches the database).
        if not any(request.GET.get(name) for name in ("region", "theme")):
            return {}
        return StoryFilterForm(request.GET, story_facets).chosen

    def link(self, obj):
        query = urlencode({name: value for name, value in obj.items() if value})
        return reverse("news:list") + (f"?{query}" if query else "")

    def items(self, obj):
        stories = filter_stories(Story.objects.published(), **obj)
        return stories.for_cards().newest_first()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom sends the summary as HTML; staff wrote the standfirst as plain text.
        return linebreaksbr(item.standfirst, autoescape=True)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [theme["name"] for theme in item.theme_chips]


story_feed = public_page(LatestStoriesFeed())
