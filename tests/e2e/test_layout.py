"""The layout on a phone and a desktop, in Chromium: content first on a phone (the header is
one row, navigation and filters folded behind buttons that work without JavaScript), and no
layout shift anywhere, because the server renders the folded state and the map's height
follows from its width."""

import pytest

from tests.e2e.conftest import DESKTOP, PHONE
from tests.factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Each layout shift the page makes, added up as Chromium reports them (cumulative layout
# shift, without the windowing Lighthouse applies, so never less than its figure).
RECORD_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) { window.layoutShift += entry.value; }
    }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture
def content():
    for n in range(12):
        city = CityFactory(
            name=f"City {n}", latitude=str(-40 + 7 * n), longitude=str(-120 + 20 * n)
        )
        PracticeFactory(title=f"Practice {n}", city=city, themes=["youth"])


def open_page(browser, live_server, path, viewport, **options):
    context = browser.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    return context, page


@pytest.mark.parametrize("path", ["/", "/cities/", "/practices/"])
def test_on_a_phone_the_header_is_one_row_and_the_menu_opens_without_javascript(
    browser, live_server, content, path
):
    context, page = open_page(browser, live_server, path, PHONE, java_script_enabled=False)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 80
    nav = page.get_by_role("navigation", name="Main")
    assert not nav.is_visible()

    page.get_by_text("Menu", exact=True).click()

    assert nav.get_by_role("link", name="Practice library").is_visible()
    assert page.get_by_role("search").first.is_visible()
    context.close()


def test_on_a_desktop_the_navigation_and_search_show_without_a_menu_button(
    browser, live_server, content
):
    context, page = open_page(browser, live_server, "/", DESKTOP)
    assert not page.get_by_text("Menu", exact=True).is_visible()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Member cities").is_visible()
    assert page.locator("#header-search-q").is_visible()
    context.close()


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/cities/", "12 member cities"), ("/practices/", "12 practices found")],
)
def test_on_a_phone_results_come_first_and_the_filters_fold_without_javascript(
    browser, live_server, content, path, heading
):
    context, page = open_page(browser, live_server, path, PHONE, java_script_enabled=False)
    results = page.get_by_role("heading", name=heading).bounding_box()
    assert results["y"] < PHONE["height"] / 2
    summary = page.locator(".filters-panel > summary")
    form = page.locator(".filters-panel form")
    assert not form.is_visible()

    summary.click()

    assert form.is_visible()
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["/", "/cities/", "/practices/", "/cities/city-3/"])
def test_nothing_moves_as_a_page_draws(browser, live_server, content, path, viewport):
    context, page = open_page(browser, live_server, path, viewport)
    page.wait_for_timeout(300)
    assert page.evaluate("window.layoutShift") == 0
    context.close()


def test_a_filter_needing_correction_keeps_the_panel_open_on_a_phone(browser, live_server, content):
    context, page = open_page(browser, live_server, "/practices/?year_from=abc", PHONE)
    assert page.locator(".filters-panel form").is_visible()
    context.close()


def test_the_typeface_comes_from_the_portal_and_is_used(browser, live_server, content):
    context, page = open_page(browser, live_server, "/", DESKTOP)
    fonts = []
    page.on("response", lambda response: ".woff2" in response.url and fonts.append(response))
    page.reload()
    page.wait_for_load_state("networkidle")
    loaded = page.evaluate(
        """async () => (await document.fonts.load('700 1rem "Noto Sans"')).length"""
    )
    assert loaded == 1
    assert fonts and all(response.url.startswith(live_server.url) for response in fonts)
    assert all(response.status == 200 for response in fonts)
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans"')
    context.close()
