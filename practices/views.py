"""Pages of the public practice library: the filtered list, a practice's page and its
attachments (the Atom feed of the same filters is in practices/feeds.py).

Each page reads a fixed number of SQL queries whatever the amount of data (at most four for
a visitor); see practices/filters.py for how the facet counts fit in one.
"""

import re
from functools import cache
from pathlib import PurePath

from django.core.paginator import Paginator
from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast, ExtractDay, ExtractMonth, ExtractYear
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from cities.models import MEMBERS, audience
from practices import facets
from practices.feeds import results_query
from practices.filters import Library, LibraryFilterForm
from practices.models import Attachment, Practice
from scn_portal.languages import localized
from scn_portal.page_cache import public_page

PER_PAGE = 20
RELATED_COUNT = 3


@public_page
def practice_list(request):
    """One query for a page of practice (with its themes), and one more for a text query;
    the counts come from the facet index (practices/facets.py). Nothing is read or counted
    until the page is drawn: its head and content are kept per address (template
    fragments), so a kept page costs no work here."""
    form = SimpleLazyObject(lambda: LibraryFilterForm(request.GET))

    @cache
    def library():
        errors = {name: form[name].errors for name in form.errors}
        return Library(form.filters(), errors=errors)

    def page():
        paginator = Paginator((), PER_PAGE)
        paginator.count = library().total
        found = paginator.get_page(request.GET.get("page"))
        start = (found.number - 1) * PER_PAGE
        found.object_list = SimpleLazyObject(lambda: library().page(start, PER_PAGE))
        return found

    context = {
        "form": form,
        "facets": SimpleLazyObject(lambda: library().facets),
        "page_obj": SimpleLazyObject(page),
        "total": SimpleLazyObject(lambda: library().total),
        "active_filters": SimpleLazyObject(lambda: library().active_filters(request.GET)),
        # For the feed (and other forms) of these results: practices/includes/result_links.html.
        "results_query": results_query(request.GET),
    }
    return render(request, "practices/list.html", context)


def _linked(queryset, kind, key, label, num):
    if hasattr(queryset, "rewrite"):
        # Texts per language (modeltranslation): columns kept in order for the UNION.
        queryset = queryset.rewrite(False)
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
    other cities, partner organisations, attachments, the published practice it adapts or
    that adapts it, and the news stories that name it. Returns {kind: [row, ...]}, each
    list in display order."""
    zero = Value(0, output_field=IntegerField())
    branches = [
        _linked(practice.themes.all(), "theme", F("slug"), F("name"), F("pk")),
        _linked(practice.extremism_forms.all(), "form", F("slug"), localized("name"), F("order")),
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
        # News stories that name it, newest first (the day as a number: 20270512).
        _linked(
            practice.stories.published(),
            "story",
            F("slug"),
            F("title"),
            ExtractYear("publish_at") * 10000
            + ExtractMonth("publish_at") * 100
            + ExtractDay("publish_at"),
        ),
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
        elif kind == "story":
            rows.sort(key=lambda row: -row["num"])
        else:
            rows.sort(key=lambda row: row["label"].lower())
    return items


def practice_page_context(request, practice, slug, published):
    """What a practice's page shows: shared by the public page and the author's preview, so
    that the preview looks exactly as the public page will. `practice` may be lazy (read
    when first drawn): nothing here reads it. What it links to and related practice are read
    only when the page's content is drawn (it is kept in the template, under `slug`)."""
    items = SimpleLazyObject(lambda: linked_items(practice))

    def linked(kind):
        return SimpleLazyObject(lambda: items.get(kind, []))

    def related():
        # Picked from the facet index's sets of themes and regions, then read as cards.
        themes = [row["key"] for row in items.get("theme", [])]
        region = practice.city.region.slug if practice.city else None
        ids = facets.current().related(themes, region, exclude=practice.pk, limit=RELATED_COUNT)
        cards = Practice.objects.published().for_cards().in_bulk(ids)
        return [cards[pk] for pk in ids if pk in cards]

    @cache
    def contact():
        found = practice.contact_practitioner
        if found and not (found.is_public or audience(request.user) == MEMBERS):
            return None
        return found

    return {
        "practice": practice,
        "slug": slug,
        "themes": linked("theme"),
        "forms": linked("form"),
        "other_cities": linked("city"),
        "organisations": linked("organisation"),
        "attachments": linked("attachment"),
        "adapted_from": linked("adapted_from"),
        "adaptations": linked("adaptation"),
        "stories": linked("story"),
        "related": SimpleLazyObject(related),
        "contact": contact,
        "library_url": reverse("practices:list"),
        # Unpublished practice is drawn for its author or a moderator alone: never kept.
        **({} if published else {"cache_seconds": 0}),
    }


@public_page
def practice_detail(request, slug):
    """For a visitor, the practice is read only when the page is drawn, with everything it
    links to and its related practice (three queries): the page's parts are kept per slug
    and content version (template fragments), so a kept page reads nothing, and a slug that
    is not published gives 404 as the page is drawn. A signed-in author or moderator may
    also see it unpublished."""
    if not request.user.is_authenticated:
        practice = SimpleLazyObject(
            lambda: get_object_or_404(Practice.objects.published().with_page_data(), slug=slug)
        )
        return render(
            request, "practices/detail.html", practice_page_context(request, practice, slug, True)
        )
    # Published, or else one the person may see unpublished (their own, or as moderator).
    pages = Practice.objects.with_page_data()
    practice = pages.published().filter(slug=slug).first() or get_object_or_404(
        pages.visible_to(request.user), slug=slug
    )
    context = practice_page_context(request, practice, slug, practice.is_published)
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
