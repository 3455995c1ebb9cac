"""Pages of the public practice library: the filtered list, a practice's page, its
attachments, and the Atom feed of newly published practice.

Each page reads a fixed number of SQL queries whatever the amount of data (at most four for
a visitor); see practices/filters.py for how the facet counts fit in one.
"""

import re
from pathlib import PurePath

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from practices.cards import cards_html
from practices.filters import Library, LibraryFilterForm
from practices.models import Attachment, Practice
from scn_portal.page_cache import cached_data, cached_row_or_404, public_page

PER_PAGE = 20
RELATED_COUNT = 3
FEED_ITEMS = 30


@public_page
def practice_list(request):
    form = LibraryFilterForm(request.GET)
    library = Library(form.filters())
    facets = library.count_facets()
    for facet in facets:
        facet.errors = form[facet.param].errors
    # The counting query already knows the total: no separate COUNT(*).
    paginator = Paginator((), PER_PAGE)
    paginator.count = library.total
    page_obj = paginator.get_page(request.GET.get("page"))
    start = (page_obj.number - 1) * PER_PAGE
    # The page's cards are the same for everyone until content changes: kept in the cache
    # as the HTML of each card (in the current language), cheaper to keep than the rows;
    # the query that reads them is not even built until they are missing. Read only when
    # the page's content is drawn, not when it comes from the cache ({% fragment %}).
    page_obj.object_list = SimpleLazyObject(
        lambda: cached_data(
            "library-cards",
            lambda: cards_html(library.results()[start : start + PER_PAGE]),
            library.cache_key(),
            page_obj.number,
            get_language(),
        )
    )
    context = {
        "form": form,
        "facets": facets,
        "page_obj": page_obj,
        "cards": page_obj.object_list,
        "total": library.total,
        "active_filters": library.active_filters(request.GET),
        # The content is the same for everyone who asks the same question: drawn once per
        # query string and language until content changes.
        "fragment_key": sorted(request.GET.lists()),
    }
    return render(request, "practices/list.html", context)


def _linked(queryset, kind, key, label, num):
    return (
        queryset.order_by()
        # Prefixed names: "kind" or "key" may be fields of the model itself.
        .annotate(
            link_kind=Value(kind, output_field=CharField()),
            link_key=key,
            link_label=label,
            link_num=num,
        )
        .values("link_kind", "link_key", "link_label", "link_num")
    )


def linked_items(practice):
    """Everything a practice's page links to, in ONE query: themes, forms of extremism,
    other cities, partner organisations, attachments, and the published practice it adapts
    or that adapts it. Returns {kind: [row, ...]}, each list in display order."""
    zero = Value(0, output_field=IntegerField())
    branches = [
        _linked(practice.themes.all(), "theme", F("slug"), F("name"), F("pk")),
        _linked(practice.extremism_forms.all(), "form", F("slug"), F("name"), F("order")),
        _linked(practice.other_cities.all(), "city", F("slug"), F("name"), zero),
        _linked(practice.organisations.all(), "organisation", F("slug"), F("name"), zero),
        _linked(
            practice.attachments.all(),
            "attachment",
            Cast("pk", CharField()),
            F("title"),
            F("size"),
        ),
        _linked(practice.adapted_from.published(), "adapted_from", F("slug"), F("title"), zero),
        _linked(practice.adaptations.published(), "adaptation", F("slug"), F("title"), zero),
    ]
    items = {}
    for row in branches[0].union(*branches[1:], all=True):
        items.setdefault(row["link_kind"], []).append(
            {"key": row["link_key"], "label": row["link_label"], "num": row["link_num"]}
        )
    for kind, rows in items.items():
        if kind == "attachment":
            rows.sort(key=lambda row: int(row["key"]))
        elif kind == "form":
            rows.sort(key=lambda row: (row["num"], row["label"]))
        else:
            rows.sort(key=lambda row: row["label"].lower())
    return items


def practice_page_context(request, practice):
    """What a practice's page shows: shared by the public page and the author's preview, so
    that the preview looks exactly as the public page will."""

    def linked_and_related():
        items = linked_items(practice)
        theme_ids = [row["num"] for row in items.get("theme", [])]
        related = Practice.objects.related_to(practice, theme_ids, RELATED_COUNT)
        return items, cards_html(related)

    if practice.is_published:
        # The same for everyone until content changes: kept in the cache (the related
        # practice as cards in the visitor's language).
        items, related = cached_data(
            "practice-links", linked_and_related, practice.pk, get_language()
        )
    else:
        items, related = linked_and_related()
    contact = practice.contact_practitioner
    if contact and not (contact.is_public or request.user.is_authenticated):
        contact = None
    return {
        "practice": practice,
        "themes": items.get("theme", []),
        "forms": items.get("form", []),
        "other_cities": items.get("city", []),
        "organisations": items.get("organisation", []),
        "attachments": items.get("attachment", []),
        "adapted_from": items.get("adapted_from", []),
        "adaptations": items.get("adaptation", []),
        "related": related,
        "contact": contact,
        "library_url": reverse("practices:list"),
    }


@public_page
def practice_detail(request, slug):
    try:
        # Published practice is the same for everyone: its row is kept in the cache.
        practice = cached_row_or_404(
            "practice-row", lambda: Practice.objects.published().with_page_data(), slug
        )
    except Http404:
        if not request.user.is_authenticated:
            raise
        # Its author or a moderator may see it unpublished.
        practice = get_object_or_404(
            Practice.objects.visible_to(request.user).with_page_data(), slug=slug
        )
    context = practice_page_context(request, practice)
    if practice.is_published:
        # What the content depends on (the contact is shown to members, or when public): it
        # is drawn once per audience and language. An unpublished page is never kept.
        context["fragment_key"] = (practice.pk, request.user.is_authenticated)
    response = render(request, "practices/detail.html", context)
    if not practice.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


def safe_download_name(attachment):
    """A file name any browser and file system accepts: letters, digits, - _ . and spaces."""
    stem = PurePath(attachment.download_name).stem
    stem = re.sub(r"[^\w\- ]+", "-", stem).strip(" .-")[:100] or "attachment"
    return f"{stem}.pdf"


def download_attachment(request, slug, pk):
    attachment = get_object_or_404(
        Attachment.objects.visible_to(request.user).select_related("practice"),
        practice__slug=slug,
        pk=pk,
    )
    # Streamed by the portal from whichever storage holds it, never a redirect to a signed
    # address in the bucket: the bucket stays hidden (no CSP or CORS opening for it, no
    # address that works for anyone it is passed on to), withdrawing a practice takes effect
    # at once, and the safe name and cache headers below are ours on every storage. The
    # cost, a file of at most 10 MB passing through the worker, is the filesystem's too.
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404(_("This file is no longer available.")) from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_download_name(attachment),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not attachment.practice.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


class LatestPracticeFeed(Feed):
    """Atom feed of the most recently published practice."""

    feed_type = Atom1Feed
    title = _("Strong Cities Network: newly published practice")
    subtitle = _("Local practice against violent extremism, shared by member cities.")
    author_name = _("Strong Cities Network")

    def link(self):
        return reverse("practices:list")

    def items(self):
        return (
            Practice.objects.published()
            .with_list_data()
            .order_by("-published_at", "-pk")[:FEED_ITEMS]
        )

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
        return [theme.name for theme in item.themes.all()]
