"""The section of the site a page belongs to, which the main navigation marks
(templates/includes/nav_links.html)."""

from functools import cache, lru_cache

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi

from scn_portal import languages
from scn_portal.richtext import render as richtext_html

register = template.Library()

# The main navigation: (URL name, how the current page is matched). A section is current on
# every page under its address; About only on its own page.
NAV = [
    ("cities:list", "prefix"),
    ("cities:regions", "prefix"),
    ("practices:list", "prefix"),
    ("resources:list", "prefix"),
    ("news:list", "prefix"),
    ("events:list", "prefix"),
    ("cities:organisations", "prefix"),
    ("cities:practitioners", "prefix"),
    ("practices:mine", "prefix"),
    ("about", "exact"),
]


@lru_cache(maxsize=64)
def _nav_urls(language, script_prefix):
    return [(name, reverse(name), match) for name, match in NAV]


def current_section(path):
    """The URL name of the navigation entry the page at `path` belongs to (the longest
    address that matches, so /practices/mine/ is Contribute, not the library), or ""."""
    matches = [
        (len(url), name)
        for name, url, match in _nav_urls(get_language(), get_script_prefix())
        if path == url or (match == "prefix" and path.startswith(url))
    ]
    return max(matches)[1] if matches else ""


@register.simple_tag(takes_context=True)
def section(context):
    """`{% section as current %}`: the URL name of the section of the page being drawn, for
    includes/nav_links.html, which marks it."""
    request = context.get("request")
    return current_section(request.path) if request else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """`{% language_links as languages %}`: this page in each of the portal's languages, for
    the switcher (includes/language_switch.html) and the head's hreflang alternates."""
    request = context.get("request")
    return languages.language_links(request) if request else []


@register.filter(is_safe=True)
def isolate(value):
    """`{{ name|isolate }}`: a name or title from the database, set inside a sentence of a
    right-to-left page, keeps its own direction (Unicode's first-strong isolate), so that a
    Latin name next to punctuation reads "Paris." in an Arabic sentence, not ".Paris". Plain
    characters, not markup: it works in a <title> and an email too. Unchanged elsewhere."""
    if value in (None, "") or not get_language_bidi():
        return value
    return f"\u2068{value}\u2069"


@register.filter
def tag_name(name):
    """`{{ theme|tag_name }}`: a theme's or focus area's name in the page's language, where
    staff gave one (scn_portal.models.TagName), else as it was typed."""
    return languages.tag_name(name)


@register.filter
def richtext(text):
    """Staff's formatted text (a small Markdown subset) as clean HTML: scn_portal.richtext."""
    return mark_safe(richtext_html(text))  # noqa: S308 (cleaned by nh3)


@cache
def _choice_labels(model, name):
    # The labels stay lazy: each is translated when drawn, in the page's language.
    return dict(model._meta.get_field(name).flatchoices)


@register.filter
def choice_label(instance, name):
    """What `instance.get_<name>_display` says, read from the field's choices as one dict kept
    per field: Django's own rebuilds that dict and translates every label of the field on
    each call, which a list of twenty cards pays forty times."""
    value = getattr(instance, name)
    return _choice_labels(instance._meta.model, name).get(value, value)
