"""Open data in the pages: the schema.org description of a page (scn_portal.structured_data)
written as JSON-LD, and the pieces of a practice's citation (templates/practices/includes/
citation.html): its permanent address and text made safe for BibTeX.

    {% load structured_data %}
    {% practice_ld practice themes adapted_from as data %}
    <script type="application/ld+json">{{ data|ld_json }}</script>
"""

import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from scn_portal import structured_data

register = template.Library()


@register.filter
def ld_json(data):
    """`data` as JSON to stand inside a <script> element: <, > and & are written as \\u
    escapes (as Django's json_script does), so text from a title such as "</script>" can
    never close the element, and the JSON parses back to the same values."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_json_script_escapes))  # noqa: S308 (escaped above)


@register.simple_tag
def practice_ld(practice, themes=(), adapted_from=()):
    return structured_data.practice_data(practice, themes, adapted_from)


@register.simple_tag
def city_ld(city):
    return structured_data.city_data(city)


@register.simple_tag
def organisation_ld(organisation):
    return structured_data.organisation_data(organisation)


@register.simple_tag
def story_ld(story, themes=()):
    return structured_data.story_data(story, themes)


@register.simple_tag
def event_ld(event):
    return structured_data.event_data(event)


@register.simple_tag
def permanent_address(practice):
    """`{% permanent_address practice as address %}`: the practice's absolute address that
    never changes (practices:permalink)."""
    return structured_data.practice_permanent_address(practice)


@register.simple_tag
def licence_url():
    """`{% licence_url as licence %}`: the address of the licence content is published under."""
    return structured_data.LICENCE_URL


# BibTeX's special characters, each written so that it prints as itself.
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
BIBTEX_SPECIAL = re.compile("|".join(re.escape(char) for char in BIBTEX_ESCAPES))


@register.filter
def bibtex(value):
    """`{{ practice.title|bibtex }}`: a text as a BibTeX field's value, in braces, with
    BibTeX's special characters escaped, so that "Sport & play: 100% local" stays one field
    and prints as typed. The result is still escaped for HTML where it is shown."""
    return "{" + BIBTEX_SPECIAL.sub(lambda found: BIBTEX_ESCAPES[found[0]], str(value)) + "}"
