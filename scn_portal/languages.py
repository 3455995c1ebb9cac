"""The portal's languages: the address of a page in another language, the switch between
them, and a member's choice kept on their account.

Every page has an address per language (scn_portal/urls.py): the address alone says the
language, so nothing here sets a cookie or reads the browser's preference. A signed-out
visitor switches by following a link to the same page in the other language; a signed-in
member switches with a form, which also keeps the choice on their account: their emails are
written in it, and signing in takes them to their pages in it.
"""

from functools import cache, lru_cache, partial
from threading import local

from django.conf import settings
from django.core.signals import request_started
from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponseRedirect
from django.urls import (
    NoReverseMatch,
    Resolver404,
    get_script_prefix,
    resolve,
    reverse,
    translate_url,
)
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_from_path, get_language_info
from django.utils.translation import override as language_override
from django.views.decorators.http import require_POST

from scn_portal.page_cache import kept_in_worker
from scn_portal.rows import Row

CODES = {code for code, _name in settings.LANGUAGES}


def page_language():
    """The language of the page being drawn, one of the portal's."""
    language = get_language()
    return language if language in CODES else settings.LANGUAGE_CODE


def localized(path):
    """A field staff give a text per language (see each app's translation.py), by its path
    ("name", "region__name"), in the page's language, or in English where it has none.

    For values() and annotations: django-modeltranslation gives a model's own fields in the
    page's language, but not a related model's ("region__name" would read the English)."""
    english = F(f"{path}_{settings.LANGUAGE_CODE}")
    language = page_language()
    if language == settings.LANGUAGE_CODE:
        return english
    text = CharField()
    own = NullIf(F(f"{path}_{language}"), Value(""), output_field=text)
    return Coalesce(own, english, output_field=text)


# The tag names read during the request being served, per language: one read however many
# cards and facets a page draws; forgotten when a request starts.
_tag_names = local()
request_started.connect(
    lambda **kwargs: _tag_names.__dict__.clear(), weak=False, dispatch_uid="tag-names-per-request"
)


def tag_names():
    """{tag's name: its name in the page's language} for the themes and focus areas staff
    named in it (scn_portal.models.TagName); empty on an English page, where a tag shows its
    own name. Kept with the data cache, and read once a request."""
    language = page_language()
    if language == settings.LANGUAGE_CODE:
        return {}
    names = _tag_names.__dict__.get(language)
    if names is None:
        names = kept_in_worker(
            "tag-names", partial(_read_tag_names, language), language, shared=True
        )
        _tag_names.__dict__[language] = names
    return names


def _read_tag_names(language):
    from scn_portal.models import TagName

    field = f"name_{language}"
    named = TagName.objects.rewrite(False).exclude(**{f"{field}__isnull": True})
    return dict(named.exclude(**{field: ""}).values_list("tag__name", field))


def tag_name(name):
    """A tag's name as the page shows it: in the page's language where staff gave one."""
    return tag_names().get(str(name), name)


def localized_names(names):
    """From {code: text} (all the texts of one value), the page language's, else English."""
    return names.get(page_language()) or names.get(settings.LANGUAGE_CODE) or ""


def address_in(path, language):
    """`path` (with its query string) as the same page in `language`; unchanged when it is
    not a page of the portal."""
    with language_override(get_language_from_path(path) or settings.LANGUAGE_CODE):
        return translate_url(path, language)


def language_links(request):
    """One row per language for the switcher and the page head's alternates: its code, its
    name in itself, the address of this page in it (`path`, as the canonical address has
    it; `url`, with the query string, so that a filtered list stays filtered), and whether it
    is the page's."""
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    rows = []
    for code, path in _addresses(request.path_info, get_script_prefix(), current):
        name, bidi = _name_and_direction(code)
        url = f"{path}?{query}" if query else path
        rows.append(
            Row(code=code, name=name, bidi=bidi, path=path, url=url, current=code == current)
        )
    return rows


@cache
def _name_and_direction(code):
    info = get_language_info(code)
    return info["name_local"], info["bidi"]


@lru_cache(maxsize=4096)
def _addresses(path_info, script_prefix, current):
    """((code, the page at `path_info` in that language), ...): the address resolved once
    and reversed in each language; each language's home page for an address that is not a
    page (a 404)."""
    try:
        match = resolve(path_info)
    except Resolver404:
        match = None
    addresses = []
    for code, _name in settings.LANGUAGES:
        with language_override(code):
            try:
                if match is None:
                    raise NoReverseMatch
                address = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                address = reverse("home")
        addresses.append((code, address))
    return tuple(addresses)


def next_address(request, fallback="/"):
    """The posted `next`, when it is an address on this site; else `fallback`."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_POST
def choose_language(request):
    """The switcher's form, for signed-in members: show `next` in the chosen language and
    keep the choice on the account. A visitor who is not signed in follows links instead,
    and an unknown language or a `next` elsewhere leads to the home page unchanged."""
    language = request.POST.get("language", "")
    target = next_address(request)
    if language not in CODES:
        return HttpResponseRedirect(target)
    user = request.user
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return HttpResponseRedirect(address_in(target, language))
