"""Rows of the city directory and of the organisations list, written in Python rather than
as template loops: a page shows twenty-four, and the template tags per row cost more than
the rest of the page. Each row is the markup the list templates had:

    <li class="card city-card">
      <h3 class="card-title"><a href="URL">NAME</a></h3>
      <p class="card-meta">COUNTRY · REGION · joined YEAR · N published practices</p>
      <p>PROFILE</p>
    </li>
"""

from html import escape

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

ORGANISATION_WORDS = 40


def city_row_html(city):
    """A member city's row (from `with_practice_count(City.objects.with_list_data())`)."""
    joined = gettext("joined %(year)s") % {"year": city.year_joined}
    practice = ngettext(
        "%(counter)s published practice", "%(counter)s published practices", city.practice_count
    ) % {"counter": city.practice_count}
    region = city.region.name if city.region_id else ""
    return mark_safe(  # noqa: S308 (every value is escaped)
        '<li class="card city-card">\n'
        f'  <h3 class="card-title"><a href="{escape(reverse("cities:detail", args=[city.slug]))}">'
        f"{escape(city.name)}</a></h3>\n"
        '  <p class="card-meta">\n'
        f"    {escape(str(city.country.name))} · {escape(region)}\n"
        f"    · {escape(joined)}\n"
        f"    · {escape(practice)}\n"
        "  </p>\n"
        f"  <p>{escape(city.profile)}</p>\n"
        "</li>"
    )


def organisation_row_html(organisation):
    """A partner organisation's row (from `PartnerOrganisation.objects.with_list_data()`)."""
    url = reverse("cities:organisation", args=[organisation.slug])
    meta = escape(str(organisation.get_kind_display()))
    regions = [region.name for region in organisation.regions.all()]
    if regions:
        meta += " · " + escape(", ".join(regions))
    cities = ngettext(
        "works with %(counter)s member city",
        "works with %(counter)s member cities",
        organisation.city_count,
    ) % {"counter": organisation.city_count}
    meta += f"\n    · {escape(cities)}"
    description = ""
    if organisation.description:
        text = Truncator(organisation.description).words(ORGANISATION_WORDS, truncate=" …")
        description = f"\n  <p>{escape(text)}</p>"
    return mark_safe(  # noqa: S308 (every value is escaped)
        '<li class="card">\n'
        f'  <h3 class="card-title"><a href="{escape(url)}">{escape(organisation.name)}</a></h3>\n'
        f'  <p class="card-meta">\n    {meta}\n  </p>{description}\n'
        "</li>"
    )
