"""Site-wide models: the user account, contact messages, FAQ entries, and the shared
base for anything staff handle from an inbox (contact messages, membership applications)."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def admin_url(obj):
    """The address of a record that has no public page: its page in the admin."""
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. Signs in with their email address; there is no username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language of the portal's emails to this person, and of its pages "
            "after they sign in."
        ),
    )

    # The version of the privacy notice (settings.PRIVACY_NOTICE_VERSION) the member accepted
    # at sign-up, and when; empty for accounts older than the notice.
    privacy_notice_version = models.CharField(
        _("privacy notice accepted"), max_length=20, blank=True, editable=False
    )
    privacy_notice_accepted_at = models.DateTimeField(
        _("privacy notice accepted on"), null=True, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_absolute_url(self):
        return admin_url(self)

    @property
    def is_moderator(self):
        """Staff who may review practice: members of the Moderators group, and superusers."""
        return self.is_staff and self.has_perm("practices.moderate_practice")


class InboxStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class InboxQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=InboxStatus.DONE)

    def new(self):
        return self.filter(status=InboxStatus.NEW)

    def not_notified(self):
        return self.filter(notified=False)


class InboxItem(models.Model):
    """Something a person sent that staff must handle, so that none is forgotten."""

    status = models.CharField(
        _("status"), max_length=20, choices=InboxStatus.choices, default=InboxStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True},
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    notified = models.BooleanField(
        _("staff notified"),
        default=False,
        help_text=_("Cleared when the notification email could not be sent."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InboxQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def get_absolute_url(self):
        return admin_url(self)


class ContactMessage(InboxItem):
    class Topic(models.TextChoices):
        GENERAL = "general", _("General enquiry")
        MEMBERSHIP = "membership", _("Membership")
        MEDIA = "media", _("Media")
        PARTNERSHIP = "partnership", _("Partnership")
        TECHNICAL = "technical", _("Technical problem with the site")

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email address"), max_length=254)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    # The regional hub the message is for: its staff are told (Region.hub_email).
    region = models.ForeignKey(
        "cities.Region",
        verbose_name=_("regional hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), max_length=5000)

    class Meta(InboxItem.Meta):
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return _("%(topic)s from %(name)s") % {"topic": self.get_topic_display(), "name": self.name}


class FaqEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class FaqEntry(models.Model):
    question = models.CharField(_("question"), max_length=300)
    slug = models.SlugField(_("anchor"), max_length=80, unique=True)
    answer = models.TextField(_("answer"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FaqEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        ordering = ["order", "question"]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("faq") + f"#{self.slug}"


class TagName(models.Model):
    """A theme's or focus area's name in the portal's other languages. Themes and focus areas
    are tags (taggit) that members and staff type, in English as a rule; staff give a tag its
    name in French, Arabic and Spanish in the admin (the tag's page), and a page in one of
    those languages shows it, or the tag's own name where none is given. The per-language
    fields come from django-modeltranslation (scn_portal/translation.py)."""

    tag = models.OneToOneField(
        "taggit.Tag",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translated_name",
        verbose_name=_("tag"),
    )
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("name in other languages")
        verbose_name_plural = _("names in other languages")

    def __str__(self):
        return str(self.tag)

    def get_absolute_url(self):
        """Edited on the tag's page in the admin."""
        return reverse("admin:taggit_tag_change", args=[self.tag_id])


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class StaffPublishedQuerySet(models.QuerySet):
    def published(self, now=None):
        """What the public sees: published, and its publication time reached."""
        return self.filter(
            status=PublicationStatus.PUBLISHED, publish_at__lte=now or timezone.now()
        )

    def scheduled(self, now=None):
        """Published, to appear at a time still to come."""
        return self.filter(status=PublicationStatus.PUBLISHED, publish_at__gt=now or timezone.now())


class StaffPublished(models.Model):
    """What staff write in the admin and publish themselves (news stories, events): a draft
    until they publish it, public from its publication time on (which may be in the future:
    scheduled)."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    publish_at = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        help_text=_("Published content appears from this time on; a later time schedules it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = StaffPublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.status == PublicationStatus.PUBLISHED and self.publish_at <= timezone.now()
