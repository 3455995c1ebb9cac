"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live_server.

Never downloads a browser. Where no Chromium exists the tests are skipped with a reason that
says how to enable them; in CI (CI=true) a missing Chromium is an error instead, so the
journeys cannot silently stop running.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def reference_data_migrations():
    """Data migrations whose rows every page relies on (regions, forms of extremism, groups).
    Transactional tests flush the database after each test, so these are re-applied."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    # In this order: scn_portal's makes the Moderators group that the others add to.
    order = ["scn_portal", "cities", "practices", "privacy"]
    migrations = sorted(
        (key for key in loader.disk_migrations if key[0] in order),
        key=lambda key: (order.index(key[0]), key[1]),
    )
    for key in migrations:
        migration = loader.disk_migrations[key]
        for operation in migration.operations:
            if operation.__class__.__name__ == "RunPython":
                yield operation.code


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    from django.apps import apps

    for code in reference_data_migrations():
        code(apps, None)


def chromium_available():
    return Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    if chromium_available():
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI must run the browser tests, but no Chromium at {CHROMIUM}")
    skip = pytest.mark.skip(
        reason=f"no Chromium at {CHROMIUM}: install it (apt-get install chromium) "
        "or set CHROMIUM_PATH to run the browser tests"
    )
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


def pytest_itemcollected(item):
    if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
        item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
    # make between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, viewport, **options):
    context = browser.new_context(viewport=viewport, locale="en-GB", **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    return context, page


@pytest.fixture
def page(browser, live_server):
    """A desktop-sized page under the site's real content security policy."""
    context, page = _new_page(browser, DESKTOP)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def audit_page(request, browser, live_server):
    """A page for accessibility audits, at desktop and phone widths. It bypasses the CSP only
    so that axe-core can be injected; the journeys run under the real policy."""
    context, page = _new_page(browser, request.param, bypass_csp=True)
    page.base_url = live_server.url
    yield page
    context.close()


def sign_in(page, email, password):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def axe_violations(page):
    """Run axe-core on the current page for WCAG 2.1 A and AA; return its violations."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })"""
    )
    return result["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        targets = [json.dumps(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    at {target}" for target in targets)
    return "\n".join(lines)


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe-core found on {page.url}:\n" + describe_violations(violations)


REFLOW_WIDTH = 320  # WCAG 2.1 1.4.10 Reflow: content fits 320 CSS pixels without sideways scrolling


def assert_reflows(page):
    """At 320px wide, the page does not scroll sideways; names the elements that stick out
    (a data table may scroll inside its own box, which does not count)."""
    size = page.viewport_size
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": size["height"]})
    try:
        overflow = page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                const inScroller = el => {
                    for (let p = el.parentElement; p; p = p.parentElement) {
                        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX))
                            return true;
                    }
                    return false;
                };
                return [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > width + 1 && !inScroller(el))
                    .slice(0, 5)
                    .map(el => el.outerHTML.slice(0, 120));
            }"""
        )
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
    finally:
        page.set_viewport_size(size)
    assert scroll_width <= REFLOW_WIDTH, (
        f"{page.url} scrolls sideways at {REFLOW_WIDTH}px ({scroll_width}px wide):\n"
        + "\n".join(overflow or ["(positioned content)"])
    )
