"""The site-wide search page: published practice first, then member cities, partner
organisations and the practitioners the person may see, each group with a highlighted
snippet of why it matched. `kind` narrows the page to one group, paginated."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, Value, When, Window
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from cities.models import City, PartnerOrganisation, Practitioner
from practices.models import Practice
from practices.search import (
    MAX_QUERY_LENGTH,
    add_snippets,
    clean_query,
    contains_all,
    correct,
    first_match,
    highlight,
    parse,
    search_practices,
)

PRACTICES_PER_PAGE = 10
# Practice matches are counted (and paged) up to this many; more show as "1,000+".
COUNT_LIMIT = 1000
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
    """One kind of result: how it is searched and how each row explains its match."""

    def __init__(self, kind, heading, fields, snippet_fields):
        self.kind = kind
        self.heading = heading
        self.fields = fields
        self.snippet_fields = snippet_fields

    def queryset(self, user):
        raise NotImplementedError

    def search(self, user, parsed):
        found = contains_all(self.queryset(user), parsed, self.fields)
        # Those whose name (`fields[0]`) holds every term first, then by name.
        in_name = Q()
        for term in parsed.terms:
            in_name &= Q(**{f"{self.fields[0]}__icontains": term})
        return found.annotate(
            in_name=Case(
                When(in_name, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        ).order_by("-in_name", self.fields[0], "pk")

    def explain(self, rows, parsed):
        rows = list(rows)
        for row in rows:
            row.title_marked = highlight(str(row), parsed, words=10_000)
            row.snippet = first_match([getattr(row, f) for f in self.snippet_fields], parsed)
        return rows


class CityGroup(Group):
    def queryset(self, user):
        return City.objects.members().select_related("region")


class OrganisationGroup(Group):
    def queryset(self, user):
        return PartnerOrganisation.objects.all()


class PractitionerGroup(Group):
    def queryset(self, user):
        # Who sees which profile is decided in one place, as in the directory.
        return Practitioner.objects.visible_to(user).select_related("city", "organisation")


GROUPS = [
    CityGroup("city", _("Member cities"), ["name", "profile", "description"], ["profile"]),
    OrganisationGroup(
        "organisation", _("Partner organisations"), ["name", "description"], ["description"]
    ),
    PractitionerGroup(
        "practitioner",
        _("Practitioners"),
        ["full_name", "role_title", "bio"],
        ["role_title", "bio"],
    ),
]
KINDS = {"practice", *(group.kind for group in GROUPS)}


def _page(request, queryset, per_page, number):
    return Paginator(queryset, per_page).get_page(number)


def _preview(queryset, size):
    """The first page of `queryset` and the number of all its rows, in one query."""
    rows = list(queryset.annotate(found=Window(Count("pk")))[:size])
    paginator = Paginator(queryset, size)
    paginator.count = rows[0].found if rows else 0
    page_obj = paginator.page(1)
    page_obj.object_list = rows
    return page_obj


def _ranked_page(queryset, per_page, number):
    """The page `number` of ranked practice: the matches are counted up to COUNT_LIMIT
    (a common word can match a third of the library; nobody pages that far) and ranked on
    their id and document alone; only the page's rows are then fetched whole."""
    found = queryset.order_by().values("pk")[: COUNT_LIMIT + 1].count()
    paginator = Paginator(queryset.values_list("pk", flat=True), per_page)
    paginator.count = min(found, COUNT_LIMIT)
    page_obj = paginator.get_page(number)
    page_obj.more_than_counted = found > COUNT_LIMIT
    order = {pk: index for index, pk in enumerate(page_obj.object_list)}
    rows = queryset.model.objects.filter(pk__in=order).with_list_data() if order else []
    page_obj.object_list = sorted(rows, key=lambda row: order[row.pk])
    return page_obj


def search(request):
    form = SearchForm(request.GET)
    form.is_valid()
    query = form.cleaned_data.get("q", "")
    kind = form.cleaned_data.get("kind", "")
    parsed = parse(query)
    context = {"form": form, "search_query": query, "kind": kind, "max_length": MAX_QUERY_LENGTH}
    if not parsed:
        return render(request, "scn_portal/search.html", context)

    page_number = request.GET.get("page")
    results = []
    corrected = None
    if kind in ("", "practice"):
        practices = search_practices(Practice.objects.published(), query)
        page_obj = _ranked_page(practices, PRACTICES_PER_PAGE, page_number)
        if not page_obj.paginator.count:
            corrected = correct(query)
            if corrected:
                practices = search_practices(Practice.objects.published(), corrected)
                page_obj = _ranked_page(practices, PRACTICES_PER_PAGE, page_number)
        page_obj.object_list = add_snippets(page_obj.object_list, corrected or query)
        results.append(
            {"kind": "practice", "heading": _("Practice"), "page_obj": page_obj, "paged": True}
        )
    for group in GROUPS:
        if kind not in ("", group.kind):
            continue
        found = group.search(request.user, parsed)
        if kind:
            page_obj = _page(request, found, OTHERS_PER_PAGE, page_number)
        else:
            page_obj = _preview(found, OTHERS_PREVIEW)
        page_obj.object_list = group.explain(page_obj.object_list, parsed)
        results.append(
            {"kind": group.kind, "heading": group.heading, "page_obj": page_obj, "paged": kind}
        )
    context.update(
        results=results,
        corrected=corrected,
        total=sum(result["page_obj"].paginator.count for result in results),
        more_than_total=any(
            getattr(result["page_obj"], "more_than_counted", False) for result in results
        ),
    )
    return render(request, "scn_portal/search.html", context)
