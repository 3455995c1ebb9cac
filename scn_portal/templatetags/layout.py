"""The site's header and footer, rendered once per process and language.

The layout is the same for every page of a section and every visitor: its links, labels and
the search box depend on the URL configuration, the language and the section, nothing else.
Rendering it anew costs more than the rest of a small page, so `site_brand`, `nav_links`
and `static_include` keep what they rendered, keyed by exactly what it depends on. Whatever is
personal (the account links, the sign-out form and its CSRF token) stays in the template and
is rendered on every request. Off with DEBUG, so edited templates show at once.
"""

from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

register = template.Library()

# The main navigation: (URL name, how the current page is matched). A section is current on
# every page under its address; About only on its own page.
NAV = [
    ("cities:list", "prefix"),
    ("practices:list", "prefix"),
    ("cities:organisations", "prefix"),
    ("cities:practitioners", "prefix"),
    ("practices:mine", "prefix"),
    ("about", "exact"),
]


@lru_cache(maxsize=512)
def _render(template_name, language, script_prefix, values):
    return render_to_string(template_name, dict(values))


def _rendered(template_name, values):
    values = tuple(sorted(values.items()))
    if settings.DEBUG:
        return render_to_string(template_name, dict(values))
    return _render(template_name, get_language(), get_script_prefix(), values)


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
def site_brand(context):
    """The header's brand and search box (includes/site_brand.html), the search box holding
    the page's query."""
    # At most 200 characters (the field's limit); the LRU keeps the map small.
    query = str(context.get("search_query") or "")[:200]
    return _rendered("includes/site_brand.html", {"search_query": query})


@register.simple_tag(takes_context=True)
def nav_links(context):
    """The main navigation's links (includes/nav_links.html), the current section marked."""
    request = context.get("request")
    current = current_section(request.path) if request else ""
    return _rendered("includes/nav_links.html", {"current": current})


@register.simple_tag
def static_include(template_name):
    """`template_name` rendered with no context at all: for parts of the layout that depend
    on nothing but the language, such as the footer."""
    return _rendered(template_name, {})
