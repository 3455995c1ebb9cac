"""Keeping the PostgreSQL search documents current: any change to what a practice's
document is made of (its text, themes, organisations, its city's or an organisation's or a
theme's name) refreshes the documents of the practice concerned. Connected in
PracticesConfig.ready; each handler is a no-op off PostgreSQL."""

from django.db import connection
from django.db.models.signals import m2m_changed, post_save

from practices.search import refresh_documents


def _on_postgresql():
    return connection.vendor == "postgresql"


def practice_saved(sender, instance, raw=False, **kwargs):
    if _on_postgresql() and not raw:
        refresh_documents([instance.pk])


def practice_links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not _on_postgresql() or not action.startswith("post_"):
        return
    from practices.models import Practice

    if isinstance(instance, Practice):
        refresh_documents([instance.pk])
    elif pk_set:
        refresh_documents(pk_set)


def named_in_practices_saved(sender, instance, raw=False, **kwargs):
    """A city or an organisation: its name is part of its practices' documents."""
    if _on_postgresql() and not raw:
        refresh_documents(instance.practices.values_list("pk", flat=True))


def tag_saved(sender, instance, raw=False, created=False, **kwargs):
    if _on_postgresql() and not raw and not created:
        from practices.models import TaggedPractice

        pks = TaggedPractice.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
        refresh_documents(pks)


def connect():
    from taggit.models import Tag

    from cities.models import City, PartnerOrganisation
    from practices.models import Practice, TaggedPractice

    post_save.connect(practice_saved, sender=Practice, dispatch_uid="search-practice")
    for through in (TaggedPractice, Practice.organisations.through):
        m2m_changed.connect(
            practice_links_changed, sender=through, dispatch_uid=f"search-{through.__name__}"
        )
    post_save.connect(named_in_practices_saved, sender=City, dispatch_uid="search-city")
    post_save.connect(
        named_in_practices_saved, sender=PartnerOrganisation, dispatch_uid="search-org"
    )
    post_save.connect(tag_saved, sender=Tag, dispatch_uid="search-tag")
