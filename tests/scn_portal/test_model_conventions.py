"""Every model of the portal names itself (`__str__`) and has an address
(`get_absolute_url`): its public page, or its admin page when it has none."""

import pytest
from django.apps import apps
from taggit.models import Tag, TaggedItemBase

from cities.models import VisibilityChange
from scn_portal.models import TagName
from tests.admin.test_pages import MODELS
from tests.factories import AttachmentFactory, PracticeFactory, PractitionerFactory

pytestmark = pytest.mark.django_db


def tag_name():
    tag = Tag.objects.create(name="youth work", slug="youth-work")
    return TagName.objects.create(tag=tag, name_fr="travail de jeunesse")


BUILDERS = {
    **MODELS,
    "practices.attachment": lambda: AttachmentFactory(practice=PracticeFactory()),
    "scn_portal.tagname": tag_name,
    "cities.visibilitychange": lambda: VisibilityChange.record(PractitionerFactory(), None),
}


# The spelling vocabulary: counted from published practice by practices/spelling.py, never
# edited by anyone, so neither shown nor editable on its own.
DERIVED = {"practices.searchword", "practices.practicewords"}


def portal_models():
    """Our concrete models; taggit's through tables are rows of a tag, never shown alone, and
    the derived vocabulary tables are not content."""
    return [
        model
        for label in ("scn_portal", "cities", "practices", "news", "events", "resources", "privacy")
        for model in apps.get_app_config(label).get_models()
        if not issubclass(model, TaggedItemBase) and model._meta.label_lower not in DERIVED
    ]


def test_every_model_is_checked():
    assert {model._meta.label_lower for model in portal_models()} == set(BUILDERS)


@pytest.mark.parametrize("label", sorted(BUILDERS))
def test_each_model_names_itself_and_has_an_address_that_answers(label, admin_client):
    obj = BUILDERS[label]()
    assert obj._meta.label_lower == label
    name = str(obj)
    assert name.strip()
    assert name != f"{obj._meta.object_name} object ({obj.pk})"
    response = admin_client.get(obj.get_absolute_url())
    assert response.status_code == 200, obj.get_absolute_url()


def test_every_model_is_edited_in_the_admin_on_its_own_or_inline():
    from django.contrib import admin

    admins = admin.site._registry.values()
    inline_models = {inline.model for model_admin in admins for inline in model_admin.inlines}
    missing = [
        model
        for model in portal_models()
        if model not in admin.site._registry and model not in inline_models
    ]
    assert missing == []
