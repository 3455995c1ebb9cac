"""A story's text is a small Markdown subset: whatever staff paste (scripts, event handlers,
javascript: links, styles, images), the page shows only clean elements."""

import pytest

from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db

HOSTILE = """Hello <script>alert("script")</script> there.

<img src="x" onerror="alert('onerror')">

[click me](javascript:alert('link')) and <a href="javascript:alert('raw')">raw</a>

<p onclick="alert('click')" style="color:red">styled</p>

<iframe src="https://evil.example"></iframe>

[a real link](https://example.org/report)
"""


@pytest.fixture
def page(visitor):
    story = StoryFactory(body=HOSTILE)
    response = visitor.get(story.get_absolute_url())
    assert response.status_code == 200
    start = response.text.index('<div class="story-body"')
    return response.text[start : response.text.index("</div>", start)]


def test_scripts_are_removed(page):
    assert "<script" not in page
    assert 'alert("script")' not in page


def test_event_handlers_and_styles_are_removed(page):
    assert "onerror" not in page
    assert "onclick" not in page
    assert "style=" not in page
    assert "<img" not in page
    assert "<iframe" not in page


def test_javascript_links_lose_their_address(page):
    assert "javascript:" not in page


def test_ordinary_links_stay_and_do_not_pass_the_referrer(page):
    assert (
        '<a href="https://example.org/report" rel="noopener noreferrer nofollow">a real link</a>'
        in page
    )
