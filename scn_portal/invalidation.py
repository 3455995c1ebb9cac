"""Which change forgets what was kept (scn_portal/page_cache.py), decided by who sees it.

- Practice is seen by everyone once published, and by nobody else on public pages: saving a
  draft, submitting, withdrawing a submission, proposing an update or rejecting one forgets
  nothing; publishing, unpublishing, deleting or editing published practice (its text,
  themes, forms of extremism, cities, organisations, attachments) forgets what both
  audiences were shown.
- A practitioner's profile is seen by members, and by everyone when listed publicly: editing
  a members-only profile forgets only what members were shown.
- A resource is seen by everyone once published, like practice: a member's suggestion and
  its review forget nothing until it is published.
- News stories and events are seen by everyone once published and their publication time
  has come: saving a draft forgets nothing. They also change with time alone (a scheduled
  story appears, an event ends): each save tells the page cache when that next happens
  (`page_cache.remember_due`, through the `schedule`s registered here).
- Regions (with their hubs and teams), cities, organisations, forms of extremism, themes (and
  their names in each language) and the FAQ are public.

Connected in ScnPortalConfig.ready, for saves and deletes wherever they are made (views,
the admin, cascades). A change made with `QuerySet.update()` sends no signal: the code that
makes one on what a page shows calls `page_cache.forget()` itself.
"""

from django.apps import apps
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from cities.models import AUDIENCES, MEMBERS
from scn_portal.models import PublicationStatus
from scn_portal.page_cache import forget, remember_due, schedule

# Published when their status says so (a review decides), like practice.
REVIEWED_MODELS = ["practices.Practice", "resources.Resource"]
# Published by staff, from a publication time on (scn_portal.models.StaffPublished).
SCHEDULED_MODELS = ["news.Story", "events.Event"]

# Shown to everyone whatever their state.
PUBLIC_MODELS = [
    "cities.Region",
    "cities.City",
    "cities.TaggedCity",
    "cities.PartnerOrganisation",
    "cities.TaggedOrganisation",
    "practices.ExtremismForm",
    "scn_portal.FaqEntry",
    "scn_portal.TagName",
    "taggit.Tag",
]


def _published(instance):
    if instance is None:
        return False
    if hasattr(instance, "is_published"):
        return instance.is_published
    # Staff-published content: public once published, whenever its time comes.
    return instance.status == PublicationStatus.PUBLISHED


def _was_published(instance):
    """Whether the stored row of `instance` (content about to be saved) is published."""
    if instance.pk is None or instance._state.adding:
        return False
    model = type(instance)
    if hasattr(instance, "is_published"):
        return model.objects.published().filter(pk=instance.pk).exists()
    return model.objects.filter(pk=instance.pk, status=PublicationStatus.PUBLISHED).exists()


def practice_before_save(sender, instance, raw=False, **kwargs):
    instance._was_published = False if raw else _was_published(instance)


def practice_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if _published(instance) or getattr(instance, "_was_published", False):
        forget()


def scheduled_changed(sender, instance, raw=False, **kwargs):
    """A story or an event: forgets as content does, and tells the page cache when such
    content next changes with time alone."""
    practice_changed(sender, instance, raw=raw)
    if not raw:
        transaction.on_commit(remember_due)


def _published_rows(model):
    if hasattr(model, "is_published"):
        return model.objects.published()
    return model.objects.filter(status=PublicationStatus.PUBLISHED)


def part_changed(sender, instance, raw=False, **kwargs):
    """A part of content (a practice's attachment, a theme of anything published): public
    when what it belongs to is."""
    if raw:
        return
    name = "content_object" if hasattr(instance, "content_object_id") else "practice"
    field = sender._meta.get_field(name)
    owner = field.related_model
    if _published_rows(owner).filter(pk=getattr(instance, field.attname)).exists():
        forget()


def links_changed(sender, instance, action, pk_set, model, **kwargs):
    """Themes, regions, cities, organisations or practice added to or taken from content,
    from either side (the content's, or the linked row's)."""
    if not action.startswith("post_"):
        return
    content = _content_side(sender)
    if isinstance(instance, content):
        if _published(instance):
            forget()
    elif action == "post_clear" or _published_rows(content).filter(pk__in=pk_set).exists():
        forget()


_CONTENT_OF_THROUGH = {}


def _content_side(through):
    return _CONTENT_OF_THROUGH[through]


def _next_scheduled(now):
    """The next publication time still to come of any story or event, and the next end of a
    published event (it moves to the past)."""
    moments = []
    for label in SCHEDULED_MODELS:
        model = apps.get_model(label)
        moments.append(model.objects.scheduled(now).aggregate(at=Min("publish_at"))["at"])
    Event = apps.get_model("events", "Event")
    moments.append(
        Event.objects.filter(status=PublicationStatus.PUBLISHED, ends_at__gt=now).aggregate(
            at=Min("ends_at")
        )["at"]
    )
    found = [moment for moment in moments if moment is not None]
    return min(found) if found else None


def practitioner_before_save(sender, instance, raw=False, **kwargs):
    was_public = False
    if not raw and instance.pk is not None and not instance._state.adding:
        was_public = type(instance).objects.filter(pk=instance.pk, is_public=True).exists()
    instance._was_public = was_public


def practitioner_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    public = instance.is_public or getattr(instance, "_was_public", False)
    forget(AUDIENCES if public else (MEMBERS,))


def practitioner_expertise_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    practitioner = instance.content_object
    forget(AUDIENCES if practitioner.is_public else (MEMBERS,))


def practitioner_links_changed(sender, instance, action, **kwargs):
    """Expertise added to or taken from a profile (from the profile's side)."""
    if action.startswith("post_"):
        Practitioner = apps.get_model("cities", "Practitioner")
        public = not isinstance(instance, Practitioner) or instance.is_public
        forget(AUDIENCES if public else (MEMBERS,))


def public_changed(sender, raw=False, action="post_", created=False, **kwargs):
    # A new theme (tag) shows nowhere until something carries it, which forgets on its own.
    if raw or not action.startswith("post_") or (created and sender._meta.label == "taggit.Tag"):
        return
    forget()


def _each_m2m(model):
    for field in model._meta.many_to_many:
        yield getattr(model, field.name).through


PARTS = [
    "practices.Attachment",
    "practices.TaggedPractice",
    "resources.TaggedResource",
    "news.TaggedStory",
    "events.TaggedEvent",
]


def connect():
    Practitioner = apps.get_model("cities", "Practitioner")
    uid = "content-version"
    content_models = [apps.get_model(label) for label in REVIEWED_MODELS + SCHEDULED_MODELS]
    for model in content_models:
        label = model._meta.label
        changed = scheduled_changed if label in SCHEDULED_MODELS else practice_changed
        pre_save.connect(practice_before_save, sender=model, dispatch_uid=f"{uid}-{label}-pre")
        post_save.connect(changed, sender=model, dispatch_uid=f"{uid}-{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"{uid}-{label}-del")
        for through in _each_m2m(model):
            _CONTENT_OF_THROUGH[through] = model
            m2m_changed.connect(
                links_changed, sender=through, dispatch_uid=f"{uid}-{through._meta.label}"
            )
    for label in PARTS:
        model = apps.get_model(label)
        post_save.connect(part_changed, sender=model, dispatch_uid=f"{uid}-{label}")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"{uid}-{label}-del")
    schedule(_next_scheduled)
    pre_save.connect(
        practitioner_before_save, sender=Practitioner, dispatch_uid=f"{uid}-practitioner-pre"
    )
    post_save.connect(practitioner_changed, sender=Practitioner, dispatch_uid=f"{uid}-pr")
    post_delete.connect(practitioner_changed, sender=Practitioner, dispatch_uid=f"{uid}-pr-del")
    for through in _each_m2m(Practitioner):
        m2m_changed.connect(
            practitioner_links_changed,
            sender=through,
            dispatch_uid=f"{uid}-{through._meta.label}",
        )
    expertise = apps.get_model("cities", "TaggedPractitioner")
    post_save.connect(practitioner_expertise_changed, sender=expertise, dispatch_uid=f"{uid}-ex")
    post_delete.connect(
        practitioner_expertise_changed, sender=expertise, dispatch_uid=f"{uid}-ex-del"
    )
    for label in PUBLIC_MODELS:
        model = apps.get_model(label)
        post_save.connect(public_changed, sender=model, dispatch_uid=f"{uid}-{label}")
        post_delete.connect(public_changed, sender=model, dispatch_uid=f"{uid}-{label}-del")
        for through in _each_m2m(model):
            if through not in _CONTENT_OF_THROUGH and through not in _each_m2m(Practitioner):
                m2m_changed.connect(
                    public_changed, sender=through, dispatch_uid=f"{uid}-{through._meta.label}"
                )
