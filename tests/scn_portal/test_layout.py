"""The site's header and footer as a person sees them, page after page: the current section
marked in the navigation, the search box holding this page's query, the account links of
whoever is signed in, the footer's links, and the page's language: nothing one page or one
person saw may show on another's page, also where parts of pages are kept ({% cache %})."""

import re
from html import unescape

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="site-nav"[^>]*>(.*?)</nav>', re.DOTALL)
NAV_LINK = re.compile(r"<a ([^>]*)>([^<]*)</a>")
HEADER = re.compile(r'<header class="site-header">.*?</header>', re.DOTALL)
HEADER_SEARCH = re.compile(r'<input id="header-search-q"[^>]*>')
VALUE = re.compile(r'\bvalue="([^"]*)"')
FOOTER = re.compile(r'<footer class="site-footer">.*?</footer>', re.DOTALL)
HTML_LANG = re.compile(r'<html lang="([^"]*)" dir="([^"]*)"')


@pytest.fixture(autouse=True)
def kept_layout(settings, parts_kept):
    """Parts of pages kept in the cache, as in production."""
    settings.DEBUG = False


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.text


def current_links(html):
    """The labels of the main navigation's links marked as the current page."""
    (nav,) = NAV.findall(html)
    return [label for attrs, label in NAV_LINK.findall(nav) if 'aria-current="page"' in attrs]


def header(html):
    (found,) = HEADER.findall(html)
    return found


def header_search_value(html):
    (field,) = HEADER_SEARCH.findall(header(html))
    (value,) = VALUE.findall(field)
    return value


# --- the current section in the main navigation ---


def test_the_navigation_marks_the_section_of_each_page_and_only_that(client, member, site):
    client.force_login(member)
    pages = [
        (reverse("cities:list"), ["Member cities"]),
        (reverse("cities:detail", args=[site["city"].slug]), ["Member cities"]),
        (reverse("practices:list"), ["Practice library"]),
        (reverse("practices:list") + "?region=europe", ["Practice library"]),
        (reverse("practices:detail", args=[site["practice"].slug]), ["Practice library"]),
        (reverse("cities:organisations"), ["Partners"]),
        (reverse("cities:organisation", args=[site["organisation"].slug]), ["Partners"]),
        (reverse("cities:practitioners"), ["Practitioners"]),
        (reverse("practices:mine"), ["Contribute"]),
        (reverse("practices:create"), ["Contribute"]),
        (reverse("about"), ["About"]),
        (reverse("home"), []),
        (reverse("faq"), []),
        (reverse("search") + "?q=budget", []),
    ]
    # Forwards, then backwards: each page's marking is rendered once and then comes from
    # the memo, and no page's marking shows on the page visited after it.
    for url, expected in pages + pages[::-1]:
        assert current_links(page(client, url)) == expected, url


def test_a_visitor_sees_the_same_marking_as_a_member(client, member, site):
    client.force_login(member)
    for_member = current_links(page(client, reverse("practices:list")))
    client.logout()
    assert current_links(page(client, reverse("practices:list"))) == for_member
    assert current_links(page(client, reverse("home"))) == []


# --- the search box ---


def test_the_header_search_box_holds_the_query_of_the_search_page_escaped(client, site):
    query = 'budget "><script>alert(1)</script>'
    html = page(client, reverse("search"), data={"q": query})
    raw = header_search_value(html)
    assert unescape(raw) == query
    assert "<script>alert(1)" not in header(html)
    assert '"><script>' not in html


def test_the_header_search_box_never_shows_another_pages_query(client, site):
    search = reverse("search")
    assert unescape(header_search_value(page(client, search + "?q=budget"))) == "budget"
    assert unescape(header_search_value(page(client, search + "?q=youth"))) == "youth"
    # A page without a query has an empty box: neither of the queries searched before.
    assert header_search_value(page(client, reverse("about"))) == ""
    assert header_search_value(page(client, reverse("home"))) == ""
    assert header_search_value(page(client, search)) == ""
    assert header_search_value(page(client, reverse("practices:list") + "?q=budget")) == ""
    # And the first query, searched again, is still its own.
    assert unescape(header_search_value(page(client, search + "?q=budget"))) == "budget"


# --- the account links ---


def test_a_members_header_offers_their_profile_and_a_sign_out_form(client, member):
    client.force_login(member)
    top = header(page(client, reverse("home")))
    assert "My profile" in top
    assert f'href="{reverse("cities:profile")}"' in top
    assert "Sign out" in top
    assert f'action="{reverse("account_logout")}"' in top
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', top)
    assert token, "the sign-out form needs its CSRF token"
    assert "Sign in" not in top


def test_a_visitors_header_offers_sign_in_and_carries_no_token(client, db):
    html = page(client, reverse("home"))
    top = header(html)
    assert "Sign in" in top
    assert f'href="{reverse("account_login")}"' in top
    assert "Join the network" in top
    assert "Sign out" not in top
    assert "My profile" not in top
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize("name", ["home", "about", "practices:list", "cities:list"])
def test_a_visitor_after_a_member_gets_no_trace_of_the_member(client, member, name):
    url = reverse(name)
    client.force_login(member)
    member_html = page(client, url)
    assert "Sign out" in header(member_html)
    client.logout()
    html = page(client, url)
    top = header(html)
    assert "Sign out" not in top
    assert "My profile" not in top
    assert f'action="{reverse("account_logout")}"' not in html
    assert "csrfmiddlewaretoken" not in html
    assert "Sign in" in top
    assert member.email not in html
    assert member.first_name not in html


# --- the footer ---


@pytest.mark.parametrize("name", ["home", "about", "practices:list"])
def test_every_page_ends_with_the_footer_links(client, db, name):
    (footer,) = FOOTER.findall(page(client, reverse(name)))
    for target, label in [
        ("about", "About the network"),
        ("faq", "Frequently asked questions"),
        ("contact", "Contact us"),
        ("cities:join", "Apply to join"),
        ("practices:feed", "Feed of new practice"),
    ]:
        assert f'<a href="{reverse(target)}">{label}</a>' in footer


def test_the_footer_kept_in_the_worker_is_in_the_language_of_each_page(client, db):
    for path, about in [
        ("/", "About the network"),
        ("/fr/", "À propos du réseau"),
        ("/", "About the network"),
        ("/es/", "Acerca de la red"),
    ]:
        (footer,) = FOOTER.findall(page(client, path))
        assert f">{about}</a>" in footer, path


# --- the language ---


def test_the_header_is_in_the_language_of_the_page(client, db):
    """The address says the language; each page's header matches its <html lang>, whatever
    the browser asks for."""

    def search_button(html):
        return re.search(r"<button type=\"submit\">([^<]*)</button>", header(html)).group(1)

    for path, language, button in [
        ("/fr/", "fr", "Rechercher"),
        ("/", "en", "Search"),
        ("/es/", "es", "Buscar"),
        ("/fr/", "fr", "Rechercher"),
    ]:
        html = page(client, path, HTTP_ACCEPT_LANGUAGE="ar")
        assert HTML_LANG.search(html).groups() == (language, "ltr")
        assert search_button(html) == button, language

    html = page(client, "/ar/", HTTP_ACCEPT_LANGUAGE="en")
    assert HTML_LANG.search(html).groups() == ("ar", "rtl")
