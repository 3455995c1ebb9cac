"""The browser harness itself: the home page loads under the CSP and passes axe-core."""

import pytest

from tests.e2e.conftest import assert_accessible
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_shows_the_network_with_no_console_errors(page):
    PracticeFactory(title="Youth forum against hate")
    page.goto(page.base_url + "/")
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_text("Youth forum against hate").is_visible()
    assert page.console_errors == []


def test_home_page_has_no_accessibility_violations(audit_page):
    PracticeFactory(title="Mentoring young people")
    audit_page.goto(audit_page.base_url + "/")
    assert_accessible(audit_page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
