"""The site-wide querysets select what their names say: inboxes and FAQ entries."""

import pytest

from scn_portal.models import ContactMessage, FaqEntry, InboxStatus
from tests.factories import ContactMessageFactory, FaqEntryFactory

pytestmark = pytest.mark.django_db


def test_inbox_new_open_and_not_notified():
    new = ContactMessageFactory(status=InboxStatus.NEW, notified=True)
    in_progress = ContactMessageFactory(status=InboxStatus.IN_PROGRESS, notified=False)
    ContactMessageFactory(status=InboxStatus.DONE, notified=True)
    assert list(ContactMessage.objects.new()) == [new]
    assert set(ContactMessage.objects.open()) == {new, in_progress}
    assert list(ContactMessage.objects.not_notified()) == [in_progress]


def test_faq_published_leaves_out_hidden_entries():
    shown = FaqEntryFactory(is_published=True)
    FaqEntryFactory(is_published=False)
    assert list(FaqEntry.objects.published()) == [shown]
