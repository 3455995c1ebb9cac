"""{% fragment %}: parts of pages kept as HTML until content changes, per key and language."""

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from scn_portal.page_cache import bump_generation

pytestmark = pytest.mark.django_db

PART = Template(
    "{% load fragments i18n %}"
    '{% fragment "test-part" key %}{{ value }} {% translate "Search" %}{% endfragment %}'
)


@pytest.fixture(autouse=True)
def data_cache(settings):
    settings.DATA_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def draw(key, value):
    return PART.render(Context({"key": key, "value": value}))


def test_a_fragment_is_drawn_once_per_key_until_content_changes():
    assert draw(1, "first") == "first Search"
    assert draw(1, "second") == "first Search"  # kept
    assert draw(2, "second") == "second Search"  # another key, drawn
    bump_generation()  # published content changed
    assert draw(1, "third") == "third Search"


def test_a_fragment_without_a_key_is_drawn_every_time():
    assert draw(None, "first") == "first Search"
    assert draw(None, "second") == "second Search"
    # A view that sets no key at all (an author's preview of the practice page).
    assert PART.render(Context({"value": "third"})) == "third Search"
    assert PART.render(Context({"value": "fourth"})) == "fourth Search"


def test_a_fragment_is_kept_in_each_language():
    with translation.override("fr"):
        assert draw(1, "un") == "un Rechercher"
    with translation.override("en"):
        assert draw(1, "one") == "one Search"
    with translation.override("fr"):
        assert draw(1, "deux") == "un Rechercher"


def test_a_fragment_is_drawn_every_time_when_the_data_cache_is_off(settings):
    settings.DATA_CACHE_SECONDS = 0
    assert draw(1, "first") == "first Search"
    assert draw(1, "second") == "second Search"


def test_a_fragment_cannot_hold_a_csrf_token():
    with pytest.raises(TemplateSyntaxError, match="csrf_token"):
        Template('{% load fragments %}{% fragment "form" key %}{% csrf_token %}{% endfragment %}')


@pytest.mark.parametrize(
    "tag", ["{% fragment key %}", "{% fragment name key %}", '{% fragment "a" b c %}']
)
def test_a_fragment_needs_a_quoted_name_and_one_key(tag):
    with pytest.raises(TemplateSyntaxError, match="Usage"):
        Template("{% load fragments %}" + tag + "{% endfragment %}")
