"""The site-wide search page: published practice first, then member cities, partner
organisations, the practitioners the person may see, news stories, events and resources,
each group with a highlighted snippet of why it matched. `kind` narrows the page to one
group, paginated."""

from functools import lru_cache, partial
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Cast, RowNumber
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.models import City, PartnerOrganisation, Practitioner, Region
from events.models import Event
from news.models import Story
from practices import search as practice_search
from practices.search import (
    MAX_QUERY_LENGTH,
    clean_query,
    correct,
    first_match,
    highlight,
    parse,
    ranked_page,
)
from resources.models import Resource
from scn_portal import briefs
from scn_portal.languages import localized
from scn_portal.page_cache import public_page
from scn_portal.searchable import holding_all

PRACTICES_PER_PAGE = 10
# Beyond any real result list: larger page numbers are read as this one (then the last page).
MAX_PAGE = 100_000
# On the page of all groups, each other group shows its first few and links to the rest.
OTHERS_PREVIEW = 5
OTHERS_PER_PAGE = 20


class QueryField(forms.CharField):
    """What was typed, made searchable rather than refused: control characters (NUL too)
    become spaces and longer input is cut, so whatever was typed gets an answer."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(label=_("Search the portal"), required=False)
    kind = forms.CharField(required=False)

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        return kind if kind in KINDS else ""


class Group:
    """One kind of result: the rows it searches (matched by their `search_text`, which
    names the fields searched: scn_portal/searchable.py), the columns a result shows
    (`columns`: the same names in every group, so that the groups are read in one UNION ALL
    query) and how each row explains its match. Those whose `name_field` holds every term
    come first, then by that name."""

    # The columns every group selects, in this order.
    COLUMNS = ["name", "slug", "meta_a", "meta_b", "meta_c", "text_a", "text_b"]

    def __init__(self, kind, heading, name_field, snippet_fields):
        self.kind = kind
        self.heading = heading
        self.name_field = name_field
        self.snippet_fields = snippet_fields

    def queryset(self, user):
        raise NotImplementedError

    def columns(self):
        """Expressions for COLUMNS; those a group has no use for are NULL."""
        raise NotImplementedError

    def build(self, pk, name, slug, meta_a, meta_b, meta_c, text_a, text_b):
        """An unsaved instance carrying what a result shows, from a row of COLUMNS."""
        raise NotImplementedError

    def search(self, user, parsed):
        found = holding_all(self.queryset(user), parsed)
        in_name = Q()
        for term in parsed.terms:
            in_name &= Q(**{f"{self.name_field}__icontains": term})
        return found.annotate(
            in_name=Case(
                When(in_name, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        ).order_by("-in_name", self.name_field, "pk")

    def rows_sql(self, user, parsed, offset, limit):
        """SQL and parameters for this group's matches from `offset` (at most `limit`),
        each row with the group's kind, its position and the number of all matches; the
        first match always comes too, so that the count is known for any page."""
        found = self.search(user, parsed)
        columns = {
            name: expression if expression is not None else Value(None, CharField())
            for name, expression in zip(self.COLUMNS, self.columns(), strict=True)
        }
        ordered = found.annotate(
            result_kind=Value(self.kind, CharField()),
            found=Window(Count("pk")),
            position=Window(
                RowNumber(),
                order_by=[F("in_name").desc(), F(self.name_field).asc(), F("pk").asc()],
            ),
            **{f"result_{name}": expression for name, expression in columns.items()},
        ).values("result_kind", "pk", "found", "position", *(f"result_{n}" for n in columns))
        sql, params = ordered.order_by().query.sql_with_params()
        return (
            f"SELECT * FROM ({sql}) AS {self.kind}_rows "  # noqa: S608 - compiled by Django
            "WHERE (position > %s AND position <= %s) OR position = 1",
            [*params, offset, offset + limit],
        )

    def explain(self, rows, parsed):
        rows = list(rows)
        for row in rows:
            row.title_marked = highlight(str(row), parsed, words=10_000)
            row.snippet = first_match([getattr(row, f) for f in self.snippet_fields], parsed)
        return rows


class CityGroup(Group):
    def queryset(self, user):
        return City.objects.members()

    def columns(self):
        region = localized("region__name")
        return [F("name"), F("slug"), F("country"), region, None, F("profile"), None]

    def build(self, pk, name, slug, meta_a, meta_b, meta_c, text_a, text_b):
        region = Region(name=meta_b)
        return City(pk=pk, name=name, slug=slug, country=meta_a, region=region, profile=text_a)


class OrganisationGroup(Group):
    def queryset(self, user):
        return PartnerOrganisation.objects.all()

    def columns(self):
        return [F("name"), F("slug"), F("kind"), None, None, F("description"), None]

    def build(self, pk, name, slug, meta_a, meta_b, meta_c, text_a, text_b):
        return PartnerOrganisation(pk=pk, name=name, slug=slug, kind=meta_a, description=text_a)


class PractitionerGroup(Group):
    def queryset(self, user):
        # Who sees which profile is decided in one place, as in the directory.
        return Practitioner.objects.visible_to(user)

    def columns(self):
        return [
            F("full_name"),
            F("slug"),
            F("role_title"),
            F("organisation__name"),
            F("city__name"),
            F("bio"),
            None,
        ]

    def build(self, pk, name, slug, meta_a, meta_b, meta_c, text_a, text_b):
        practitioner = Practitioner(pk=pk, full_name=name, slug=slug, role_title=meta_a, bio=text_a)
        practitioner.organisation = PartnerOrganisation(name=meta_b) if meta_b else None
        practitioner.city = City(name=meta_c) if meta_c else None
        return practitioner


def _text(field):
    return Cast(field, output_field=CharField())


class StoryGroup(Group):
    def queryset(self, user):
        return Story.objects.published()

    def columns(self):
        return [
            F("title"),
            F("slug"),
            _text("publish_at"),
            F("language"),
            None,
            F("standfirst"),
            None,
        ]

    def build(self, pk, name, slug, meta_a, meta_b, meta_c, text_a, text_b):
        return Story(
            pk=pk,
            title=name,
            slug=slug,
            publish_at=briefs.moment(meta_a),
            language=meta_b,
            standfirst=text_a,
        )


class EventGroup(Group):
    def queryset(self, user):
        return Event.objects.published()

    def columns(self):
        return [
            F("title"),
            F("slug"),
            _text("starts_at"),
            F("time_zone"),
            F("kind"),
            F("summary"),
            None,
        ]

    def build(self, pk, name, slug, meta_a, meta_b, meta_c, text_a, text_b):
        event = Event(
            pk=pk,
            title=name,
            slug=slug,
            time_zone=meta_b,
            kind=meta_c,
            summary=text_a,
        )
        event.starts_at = briefs.moment(meta_a).astimezone(event.zone)
        return event


class ResourceGroup(Group):
    def queryset(self, user):
        return Resource.objects.published()

    def columns(self):
        return [F("title"), F("slug"), F("kind"), _text("year"), F("language"), F("summary"), None]

    def build(self, pk, name, slug, meta_a, meta_b, meta_c, text_a, text_b):
        return Resource(
            pk=pk, title=name, slug=slug, kind=meta_a, year=meta_b, language=meta_c, summary=text_a
        )


GROUPS = [
    CityGroup("city", _("Member cities"), "name", ["profile"]),
    OrganisationGroup("organisation", _("Partner organisations"), "name", ["description"]),
    PractitionerGroup("practitioner", _("Practitioners"), "full_name", ["role_title", "bio"]),
    StoryGroup("story", _("News"), "title", ["standfirst", "body"]),
    EventGroup("event", _("Events and training"), "title", ["summary"]),
    ResourceGroup("resource", _("Resources"), "title", ["summary"]),
]
KINDS = {"practice", *(group.kind for group in GROUPS)}


def _page_number(value):
    """The page asked for, at least 1 and at most MAX_PAGE: a page past the end shows the
    last one, and an offset computed from a larger number would overflow the database's
    integers (a 500, not a page)."""
    try:
        return min(max(1, int(value)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def _page_obj(rows, found, per_page, number, cap=None):
    """A page of `rows` (already fetched) out of `found`, for the pagination template."""
    paginator = Paginator([], per_page)
    paginator.count = min(found, cap) if cap else found
    page_obj = Page(rows, number, paginator)
    page_obj.more_than_counted = bool(cap) and found > cap
    return page_obj


def _last_page(found, per_page, cap=None):
    found = min(found, cap) if cap else found
    return max(1, -(-found // per_page))


def _practice_page(query, number):
    """The page `number` of ranked practice for `query`: one query, a second one when the
    page is past the end (then the last page is shown). The newest RANKED_MATCHES matches
    (practices/search.py) are ranked, counted and paged; more show as "1,000+" (a common word
    can match a third of the library; nobody pages that far)."""
    cap = practice_search.RANKED_MATCHES
    number = min(number, _last_page(cap, PRACTICES_PER_PAGE))
    found, rows = ranked_page(query, (number - 1) * PRACTICES_PER_PAGE, PRACTICES_PER_PAGE)
    last = _last_page(found, PRACTICES_PER_PAGE, cap)
    if not rows and found and number > last:
        number = last
        found, rows = ranked_page(query, (number - 1) * PRACTICES_PER_PAGE, PRACTICES_PER_PAGE)
    # The one match past the cap is there only to tell "more than".
    rows = rows[: max(0, cap - (number - 1) * PRACTICES_PER_PAGE)]
    return _page_obj(rows, found, PRACTICES_PER_PAGE, number, cap)


def _group_pages(user, parsed, groups, per_page, number):
    """A page of each of `groups`, all in one UNION ALL query (a second one when a single
    group's page is past its end): {kind: page_obj}."""

    def fetch(number):
        offset = (number - 1) * per_page
        parts = [group.rows_sql(user, parsed, offset, per_page) for group in groups]
        sql = " UNION ALL ".join(part for part, _params in parts)
        params = [param for _part, part_params in parts for param in part_params]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            records = cursor.fetchall()
        pages = {}
        for group in groups:
            mine = [r for r in records if r[0] == group.kind]
            found = mine[0][2] if mine else 0
            rows = [
                group.build(pk, *columns)
                for _kind, pk, _found, position, *columns in sorted(mine, key=lambda r: r[3])
                if position > offset
            ]
            pages[group.kind] = (found, rows)
        return pages

    pages = fetch(number)
    if len(groups) == 1:
        found, rows = pages[groups[0].kind]
        if not rows and found and number > _last_page(found, per_page):
            number = _last_page(found, per_page)
            pages = fetch(number)
    result = {}
    for group in groups:
        found, rows = pages[group.kind]
        page_obj = _page_obj(rows, found, per_page, number)
        page_obj.object_list = group.explain(rows, parsed)
        result[group.kind] = page_obj
    return result


@public_page
def search(request):
    """At most four queries for any search: the practice page (with its count, snippets
    and themes), a corrected search when nothing matched (two: the correction, then the
    page) or the last page when the page asked for is past the end, and the other groups
    together."""
    form = SearchForm(request.GET)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    kind = form.cleaned_data.get("kind", "")
    parsed = parse(query)
    context = {"form": form, "search_query": query, "kind": kind, "max_length": MAX_QUERY_LENGTH}
    if not parsed:
        return render(request, "scn_portal/search.html", context)

    number = _page_number(request.GET.get("page"))

    @lru_cache(maxsize=1)
    def found():
        # Run only when the page's content is drawn (it is kept per audience and query in
        # the template).
        results = []
        corrected = None
        if kind in ("", "practice"):
            page_obj = _practice_page(query, number)
            if not page_obj.paginator.count:
                corrected = correct(query)
                if corrected:
                    page_obj = _practice_page(corrected, 1)
            results.append(
                {"kind": "practice", "heading": _("Practice"), "page_obj": page_obj, "paged": True}
            )
        groups = [group for group in GROUPS if kind in ("", group.kind)]
        if groups:
            per_page, group_number = (OTHERS_PER_PAGE, number) if kind else (OTHERS_PREVIEW, 1)
            pages = _group_pages(request.user, parsed, groups, per_page, group_number)
            for group in groups:
                results.append(
                    {
                        "kind": group.kind,
                        "heading": group.heading,
                        "page_obj": pages[group.kind],
                        "paged": kind,
                    }
                )
        return {
            "results": results,
            "corrected": corrected,
            "corrected_url": (
                f"{reverse('search')}?{urlencode({'q': corrected})}" if corrected else ""
            ),
            "total": sum(result["page_obj"].paginator.count for result in results),
            "more_than_total": any(result["page_obj"].more_than_counted for result in results),
        }

    for name in ("results", "corrected", "corrected_url", "total", "more_than_total"):
        context[name] = partial(lambda name: found()[name], name)
    return render(request, "scn_portal/search.html", context)
