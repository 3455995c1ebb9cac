"""The actor the news has beyond tests/conftest.py's: a staff member who writes stories
(the permissions the Moderators group is given for the news)."""

import pytest
from django.contrib.auth.models import Permission

from tests.factories import UserFactory


@pytest.fixture
def news_editor(db):
    user = UserFactory(email="editor@example.org", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="news",
            codename__in=["view_story", "add_story", "change_story", "delete_story"],
        )
    )
    return user


@pytest.fixture
def editor_client(client, news_editor):
    client.force_login(news_editor)
    return client
