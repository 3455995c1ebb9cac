"""Which change forgets what was kept (scn_portal/page_cache.py), decided by who sees it.

- Practice is seen by everyone once published, and by nobody else on public pages: saving a
  draft, submitting, withdrawing a submission, proposing an update or rejecting one forgets
  nothing; publishing, unpublishing, deleting or editing published practice (its text,
  themes, forms of extremism, cities, organisations, attachments) forgets what both
  audiences were shown.
- A practitioner's profile is seen by members, and by everyone when listed publicly: editing
  a members-only profile forgets only what members were shown.
- Regions, cities, organisations, forms of extremism, themes (and their names in each
  language) and the FAQ are public.

Connected in ScnPortalConfig.ready, for saves and deletes wherever they are made (views,
the admin, cascades). A change made with `QuerySet.update()` sends no signal: the code that
makes one on what a page shows calls `page_cache.forget()` itself.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from cities.models import AUDIENCES, MEMBERS
from scn_portal.page_cache import forget

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


def _published(practice):
    return practice is not None and practice.is_published


def _was_published(instance):
    """Whether the stored row of `instance` (a practice about to be saved) is published."""
    if instance.pk is None or instance._state.adding:
        return False
    return type(instance).objects.published().filter(pk=instance.pk).exists()


def practice_before_save(sender, instance, raw=False, **kwargs):
    instance._was_published = False if raw else _was_published(instance)


def practice_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if _published(instance) or getattr(instance, "_was_published", False):
        forget()


def practice_part_changed(sender, instance, raw=False, **kwargs):
    """An attachment or a theme of a practice: public when the practice is."""
    if raw:
        return
    practice_id = getattr(instance, "practice_id", None) or getattr(
        instance, "content_object_id", None
    )
    Practice = apps.get_model("practices", "Practice")
    if Practice.objects.published().filter(pk=practice_id).exists():
        forget()


def practice_links_changed(sender, instance, action, pk_set, **kwargs):
    """Themes, forms of extremism, other cities or organisations added to or taken from
    practice, from either side."""
    if not action.startswith("post_"):
        return
    Practice = apps.get_model("practices", "Practice")
    if isinstance(instance, Practice):
        if _published(instance):
            forget()
    elif action == "post_clear" or Practice.objects.published().filter(pk__in=pk_set).exists():
        forget()


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


def connect():
    Practice = apps.get_model("practices", "Practice")
    Practitioner = apps.get_model("cities", "Practitioner")
    uid = "content-version"
    pre_save.connect(practice_before_save, sender=Practice, dispatch_uid=f"{uid}-practice-pre")
    post_save.connect(practice_changed, sender=Practice, dispatch_uid=f"{uid}-practice")
    post_delete.connect(practice_changed, sender=Practice, dispatch_uid=f"{uid}-practice-del")
    for label in ("practices.Attachment", "practices.TaggedPractice"):
        model = apps.get_model(label)
        post_save.connect(practice_part_changed, sender=model, dispatch_uid=f"{uid}-{label}")
        post_delete.connect(practice_part_changed, sender=model, dispatch_uid=f"{uid}-{label}-del")
    for through in _each_m2m(Practice):
        m2m_changed.connect(
            practice_links_changed, sender=through, dispatch_uid=f"{uid}-{through._meta.label}"
        )
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
            if through not in (*_each_m2m(Practice), *_each_m2m(Practitioner)):
                m2m_changed.connect(
                    public_changed, sender=through, dispatch_uid=f"{uid}-{through._meta.label}"
                )
