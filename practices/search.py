"""Text search over practice: one entry point, `search_practices`, used by the library and
the site-wide search page. The engine is chosen here and nowhere else."""

import re

from django.db.models import Case, IntegerField, Q, Value, When

# Fields a practice is found by, most telling first.
TEXT_FIELDS = ["title", "summary", "problem", "approach", "target_audience", "outcomes", "lessons"]
MAX_TERMS = 12


def terms(query):
    """The words of a query a person typed, lower-cased, at most MAX_TERMS of them."""
    words = re.findall(r"\w+", (query or "").lower())
    return [w for w in words if len(w) > 1][:MAX_TERMS]


def search_practices(queryset, query):
    """`queryset` narrowed to practice containing every word of `query` in its title, text,
    themes or city, with title matches first. An empty query returns `queryset` unchanged."""
    words = terms(query)
    if not words:
        return queryset
    for word in words:
        match = Q(city__name__icontains=word) | Q(themes__name__icontains=word)
        for field in TEXT_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(pk__in=queryset.model.objects.filter(match).values("pk"))
    title_match = Q()
    for word in words:
        title_match &= Q(title__icontains=word)
    return queryset.annotate(
        title_rank=Case(
            When(title_match, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    ).order_by("-title_rank", "-published_at", "pk")
