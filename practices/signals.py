"""What follows from a change to the library, wherever it was made (a view, the admin, a
cascade): search kept current, and stored files removed. Connected in PracticesConfig.ready.

- The spelling vocabulary (practices/spelling.py, both databases) follows a practice's
  title, summary, themes and whether it is published: a save, a change of themes, a theme's
  rename or a deletion counts its words again.
- The PostgreSQL search documents (practices/search.py) also hold the practice's city and
  organisation names, so renaming those refreshes the documents of their practice too.
- An attachment's file leaves storage (disk or bucket) with its row, also when the row goes
  because its practice was deleted; so does a resource's PDF (connected in ResourcesConfig),
  whoever deletes it: the admin, an account's erasure, retention.
"""

from functools import partial

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from practices import spelling
from practices.search import refresh_documents


def _on_postgresql():
    return connection.vendor == "postgresql"


def _refresh(pks):
    refresh_documents(pks)
    spelling.refresh(pks)


def practice_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh([instance.pk])


def practice_links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    from practices.models import Practice

    if isinstance(instance, Practice):
        _refresh([instance.pk])
    elif pk_set:
        _refresh(pk_set)


def practice_deleted(sender, instance, **kwargs):
    """A practice about to be deleted gives back the words it lent the vocabulary."""
    spelling.forget(instance.pk)


def named_in_practices_saved(sender, instance, raw=False, **kwargs):
    """A city or an organisation: its name is part of its practices' documents."""
    if _on_postgresql() and not raw:
        refresh_documents(instance.practices.values_list("pk", flat=True))


def tag_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        from practices.models import TaggedPractice

        pks = TaggedPractice.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
        _refresh(list(pks))


def file_deleted(sender, instance, **kwargs):
    """The deleted row's `file` leaves storage."""
    if instance.file.name:
        # After the commit, as a deletion rolled back keeps its row and so needs the file;
        # robust, as a storage that fails then leaves one orphan file (logged), not an error
        # page for a deletion that is done.
        transaction.on_commit(
            partial(instance.file.storage.delete, instance.file.name), robust=True
        )


def connect():
    from taggit.models import Tag

    from cities.models import City, PartnerOrganisation
    from practices.models import Attachment, Practice, TaggedPractice

    post_save.connect(practice_saved, sender=Practice, dispatch_uid="search-practice")
    for through in (TaggedPractice, Practice.organisations.through):
        m2m_changed.connect(
            practice_links_changed, sender=through, dispatch_uid=f"search-{through.__name__}"
        )
    pre_delete.connect(practice_deleted, sender=Practice, dispatch_uid="search-practice-del")
    post_delete.connect(file_deleted, sender=Attachment, dispatch_uid="attachment-file")
    post_save.connect(named_in_practices_saved, sender=City, dispatch_uid="search-city")
    post_save.connect(
        named_in_practices_saved, sender=PartnerOrganisation, dispatch_uid="search-org"
    )
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="search-tag")
