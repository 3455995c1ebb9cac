"""The portal in other languages, in a real browser: a visitor reads it in French and keeps
their place when switching; a member chooses Arabic, reads right to left, and finds Arabic
again when they next sign in."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, _new_page, sign_in
from tests.factories import DEFAULT_PASSWORD, CityFactory, PracticeFactory, UserFactory, region

pytestmark = pytest.mark.django_db(transaction=True)


def switch(page):
    return page.get_by_role("navigation", name=re.compile("^(Language|Langue|اللغة|Idioma)$"))


def test_a_visitor_reads_the_library_in_french_and_keeps_their_place_in_spanish(page):
    dakar = CityFactory(name="Dakar", country="SN", region=region("africa"))
    PracticeFactory(
        title="Des médiateurs dans les quartiers", slug="mediateurs", city=dakar, language="fr"
    )
    PracticeFactory(title="Mediators in the neighbourhood", city=dakar, language="en")

    page.goto(page.base_url + "/")
    switch(page).get_by_role("link", name="Français").click()

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert page.url == page.base_url + "/fr/"
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Bibliothèque de pratiques"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bibliothèque de pratiques")
    # The library filtered by the language a case study is written in, without JavaScript's
    # help: the form is sent as it is.
    page.get_by_role("group", name=re.compile("Langue de rédaction")).get_by_label(
        re.compile("^Français")
    ).check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    titles = page.locator(".library-results .card-title")
    expect(titles).to_have_text(["Des médiateurs dans les quartiers"])
    expect(titles.first).to_have_attribute("lang", "fr")

    titles.first.get_by_role("link").click()
    assert page.url == page.base_url + "/fr/practices/mediateurs/"
    switch(page).get_by_role("link", name="Español").click()

    assert page.url == page.base_url + "/es/practices/mediateurs/"
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Des médiateurs dans les quartiers")
    expect(page.get_by_text("Idioma de redacción")).to_be_visible()


def test_a_member_chooses_arabic_reads_right_to_left_and_finds_it_again(browser, live_server):
    UserFactory(email="salma@example.org", first_name="Salma")
    city = CityFactory(name="Amman", country="JO", region=region("middle-east-north-africa"))
    PracticeFactory(title="Youth mentors", city=city)
    context, page = _new_page(browser, PHONE)
    page.base_url = live_server.url

    sign_in(page, "salma@example.org", DEFAULT_PASSWORD)
    page.goto(page.base_url + "/cities/")
    page.get_by_text("Menu", exact=True).click()  # on a phone the switch is in the menu
    switch(page).get_by_role("button", name="العربيّة").click()

    assert page.url == page.base_url + "/ar/cities/"
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_have_text("المدن الأعضاء")
    # Right to left: the portal's name starts at the right edge, the menu button at the left.
    brand = page.locator(".brand").bounding_box()
    menu = page.locator(".menu-button").bounding_box()
    assert brand["x"] > menu["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Names in Latin letters keep their own direction inside Arabic text.
    expect(page.get_by_role("heading", name="Amman")).to_be_visible()

    page.get_by_text("القائمة", exact=True).click()
    page.get_by_role("button", name="تسجيل الخروج").click()
    page.goto(page.base_url + "/accounts/login/?next=/practices/")
    page.get_by_label("Email").fill("salma@example.org")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    assert page.url == page.base_url + "/ar/practices/"
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    context.close()
