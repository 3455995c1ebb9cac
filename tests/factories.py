"""Test data: one factory per model, producing valid objects with the fewest arguments."""

from datetime import timedelta
from io import BytesIO

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from cities.models import (
    City,
    MembershipApplication,
    PartnerOrganisation,
    Practitioner,
    PractitionerMessage,
    Region,
)
from events.models import Event, Interest
from news.models import Story
from practices.models import Attachment, ExtremismForm, Practice, Status
from resources.models import Resource
from scn_portal.models import ContactMessage, FaqEntry, PublicationStatus

# The smallest file that readers accept as a PDF (one blank page, and the cross-reference
# table a reader needs to find its objects); tests of the upload checks use it.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n"
    b"0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)
DEFAULT_PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)
    # Accepted the present privacy notice (else every page asks them to: privacy_banner).
    privacy_notice_version = factory.LazyFunction(lambda: settings.PRIVACY_NOTICE_VERSION)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Give the user a verified primary email, as allauth requires for sign-in."""
        if not create:
            return
        self.save()
        if extracted is False:
            return
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=self, email=self.email, defaults={"verified": True, "primary": True}
        )


def region(slug="europe"):
    """Regions come from a data migration; tests use the real ones."""
    return Region.objects.get(slug=slug)


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testville {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    country = "DE"
    region = factory.LazyFunction(region)
    year_joined = 2018
    profile = "A member city used in tests."
    latitude = "52.52000"
    longitude = "13.40500"

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.focus_areas.add(*extracted)


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    name = factory.Sequence(lambda n: f"Partner Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = PartnerOrganisation.Kind.CIVIL_SOCIETY
    description = "A partner organisation used in tests."


class PractitionerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Practitioner

    full_name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"practitioner-{n}")
    role_title = "Youth worker"
    sector = Practitioner.Sector.YOUTH_WORK
    city = factory.SubFactory(CityFactory)
    email = factory.Sequence(lambda n: f"practitioner{n}@private.example.org")
    bio = "Works with young people in the city."


class PractitionerMessageFactory(factory.django.DjangoModelFactory):
    """A member's message relayed to a practitioner (cities' relay form)."""

    class Meta:
        model = PractitionerMessage

    sender = factory.SubFactory(UserFactory)
    practitioner = factory.SubFactory(PractitionerFactory)
    subject = "Your youth forum"
    body = "Could we talk about how you started it?"


class PracticeFactory(factory.django.DjangoModelFactory):
    """A practice complete enough to be submitted; `status` sets the workflow state directly
    (tests of the workflow itself go through practices.workflow instead)."""

    class Meta:
        model = Practice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Practice number {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    city = factory.SubFactory(CityFactory)
    submitted_by = factory.SubFactory(UserFactory)
    summary = "A short summary of what the city did."
    problem = "The problem the city faced."
    approach = "What the city did, step by step."
    target_audience = "Young people aged 14 to 25."
    outcomes = "What changed."
    lessons = "What others can learn and adapt."
    resources_needed = "Two youth workers and a small budget."
    start_year = 2019
    evidence_level = Practice.EvidenceLevel.PROMISING
    do_no_harm_confirmed = True
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.add(*(extracted if extracted is not None else ["youth engagement"]))

    @factory.post_generation
    def extremism_forms(self, create, extracted, **kwargs):
        if create and extracted:
            self.extremism_forms.set(ExtremismForm.objects.filter(slug__in=extracted))


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    practice = factory.SubFactory(PracticeFactory)
    title = "Evaluation report"
    original_name = "evaluation-report.pdf"
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="report.pdf"))
    size = len(MINIMAL_PDF)


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    city_name = "Newtown"
    country = "KE"
    applicant_name = "Amina Otieno"
    applicant_role = "Deputy mayor"
    email = "amina@newtown.example.org"
    motivation = "We want to learn from other cities."


class ContactMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMessage

    name = "Sam Reader"
    email = "sam@example.org"
    topic = ContactMessage.Topic.GENERAL
    message = "Hello, I have a question about the network."


class FaqEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaqEntry

    question = factory.Sequence(lambda n: f"Question number {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    answer = "The answer."


# --- news, events and the resource hub ---


def image_bytes(size=(400, 300), format="JPEG", color=(200, 40, 40), **save_options):
    """An image of `size` in `format`, as its file's bytes."""
    mode = "RGBA" if format == "PNG" and save_options.pop("transparent", False) else "RGB"
    image = Image.new(mode, size, color if mode == "RGB" else (*color, 0))
    output = BytesIO()
    image.save(output, format, **save_options)
    return output.getvalue()


class StoryFactory(factory.django.DjangoModelFactory):
    """A published story whose time has come (an hour ago); `publish_at` in the future
    schedules it, `status=DRAFT` keeps it a draft. `regions`, `cities`, `practices` and
    `themes` take lists."""

    class Meta:
        model = Story
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    standfirst = "What the city did, in two sentences."
    body = "The first paragraph.\n\nThe second paragraph."
    status = PublicationStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    language = "en"

    class Params:
        with_image = factory.Trait(
            image=factory.LazyFunction(lambda: ContentFile(image_bytes(), name="photo.jpg")),
            image_alt="Volunteers painting a mural.",
        )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.add(*extracted)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def cities(self, create, extracted, **kwargs):
        if create and extracted:
            self.cities.set(extracted)

    @factory.post_generation
    def practices(self, create, extracted, **kwargs):
        if create and extracted:
            self.practices.set(extracted)


class EventFactory(factory.django.DjangoModelFactory):
    """Published and public; `starts_at` a week from now, three and a half hours long."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event number {n}")
    slug = factory.Sequence(lambda n: f"event-number-{n}")
    kind = Event.Kind.WORKSHOP
    summary = "A workshop for city officials on working with young people."
    description = "A longer description.\n\nWith **two** paragraphs."
    # On the minute, as staff enter times.
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) + timedelta(days=7)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3, minutes=30))
    time_zone = "Africa/Nairobi"
    online = False
    venue = "City Hall, Room 4"
    city = factory.SubFactory(CityFactory)
    region = factory.LazyAttribute(lambda o: o.city.region if o.city else None)
    status = PublicationStatus.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.add(*extracted)


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    event = factory.SubFactory(EventFactory)
    member = factory.SubFactory(UserFactory)
    note = ""


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published resource with a link; `status` sets the workflow state directly (tests of
    the workflow itself go through resources.workflow instead). `regions` takes slugs."""

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Resource number {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = Resource.Kind.TOOLKIT
    summary = "A practical toolkit for local prevention work."
    language = "en"
    year = 2022
    url = "https://example.org/toolkit"
    suggested_by = factory.SubFactory(UserFactory)
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.add(*(extracted if extracted is not None else ["youth engagement"]))

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set([region(slug) for slug in extracted])


def with_pdf(resource, content=MINIMAL_PDF, name="toolkit.pdf"):
    """`resource` with a stored PDF."""
    resource.file.save(name, ContentFile(content), save=False)
    resource.original_name = name
    resource.size = len(content)
    resource.save()
    return resource
