"""`load_demo`: writes the demo data set, creating only what is missing, so that running
it again changes nothing. Practice goes through practices.workflow like real practice, so
its recorded history matches its state; the dates are then set back to spread it over
the past months."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from cities.models import City, MembershipApplication, PartnerOrganisation, Practitioner, Region
from demo import accounts, library, other_languages, people, places, sample, site
from demo.pdf import text_pdf
from practices import workflow
from practices.models import Attachment, ExtremismForm, Practice, StatusChange
from scn_portal.models import ContactMessage, FaqEntry, TagName
from scn_portal.slugs import unique_slug

# The moderator's reason when a practice was sent back once before being published.
REVISION_REASON = sample(
    "Please say who evaluated the work and remove the name of the school from the summary."
)

# Each state as the steps that lead to it: (transition, by the moderator?, reason).
PATHS = {
    library.DRAFT: [],
    library.SUBMITTED: [("submit", False, "")],
    library.CHANGES_REQUESTED: [("submit", False, ""), ("request_changes", True, None)],
    library.REJECTED: [("submit", False, ""), ("reject", True, None)],
    library.PUBLISHED: [("submit", False, ""), ("publish", True, "")],
    library.REVISED_THEN_PUBLISHED: [
        ("submit", False, ""),
        ("request_changes", True, REVISION_REASON),
        ("submit", False, ""),
        ("publish", True, ""),
    ],
    library.ARCHIVED: [("submit", False, ""), ("publish", True, ""), ("archive", True, "")],
}
# Days between two recorded steps of the same practice.
STEP_DAYS = 4


class Counter(dict):
    def add(self, label, created):
        self[label] = self.get(label, 0) + int(created)


def load_demo(stdout=None):
    """Create whatever part of the demo data set is missing; returns what was created, by
    kind of object."""
    created = Counter()
    with transaction.atomic():
        cities = _cities(created)
        organisations = _organisations(cities, created)
        practitioners = _practitioners(cities, organisations, created)
        contributors = _contributors(practitioners, created)
        member, moderator = accounts.ensure_demo_users()
        _practices(cities, organisations, practitioners, contributors, member, moderator, created)
        _site(created)
        _tag_names(created)
    return created


def _cities(created):
    regions = {region.slug: region for region in Region.objects.all()}
    cities = {}
    for row in places.city_rows():
        focus_areas = row.pop("focus_areas")
        slug = row.pop("slug")
        row["region"] = regions[row["region"]]
        row["description"] = sample(
            f"{row['name']} joined the network in {row['year_joined']}. {row['profile']} "
            f"Its work centres on {' and '.join(focus_areas)}, and its staff take part in the "
            "network's regional exchanges."
        )
        row["profile"] = sample(row["profile"])
        city, was_created = City.objects.get_or_create(slug=slug, defaults=row)
        if was_created:
            city.focus_areas.set(focus_areas)
        created.add("cities", was_created)
        cities[slug] = city
    return cities


def _organisations(cities, created):
    regions = {region.slug: region for region in Region.objects.all()}
    organisations = {}
    for slug, name, kind, region_slugs, countries, city_slugs, focus, text in people.ORGANISATIONS:
        organisation, was_created = PartnerOrganisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "website": f"https://{slug}.example.org/",
                "description": sample(text),
                "countries": countries,
            },
        )
        if was_created:
            organisation.regions.set(regions[r] for r in region_slugs)
            organisation.cities.set(cities[c] for c in city_slugs)
            organisation.focus_areas.set(focus)
        created.add("organisations", was_created)
        organisations[slug] = organisation
    return organisations


def _practitioners(cities, organisations, created):
    practitioners = {}
    for name, role, sector, city, organisation, public, messages, expertise in people.PRACTITIONERS:
        slug = people.practitioner_slug(name)
        practitioner, was_created = Practitioner.objects.get_or_create(
            slug=slug,
            defaults={
                "full_name": name,
                "role_title": role,
                "sector": sector,
                "city": cities[city],
                "organisation": organisations.get(organisation),
                "bio": sample(
                    f"{role} in {cities[city].name}, working on {' and '.join(expertise)}."
                ),
                "email": people.practitioner_email(name),
                "is_public": public,
                "accepts_messages": messages,
            },
        )
        if was_created:
            practitioner.expertise.set(expertise)
        created.add("practitioners", was_created)
        practitioners[slug] = practitioner
    return practitioners


# Practitioners who also have an account and wrote most of the library (no password: they
# never sign in; the demo member account is the one to try).
CONTRIBUTORS = ["wanjiru-kamau", "ingrid-solberg", "lina-haddad", "julien-tremblay"]


def _contributors(practitioners, created):
    users = []
    for slug in CONTRIBUTORS:
        practitioner = practitioners[slug]
        first, _, last = practitioner.full_name.partition(" ")
        user, was_created = get_user_model().objects.get_or_create(
            email=practitioner.email, defaults={"first_name": first, "last_name": last}
        )
        if was_created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            practitioner.user = user
            practitioner.save(update_fields=["user", "updated_at"])
        created.add("users", was_created)
        users.append(user)
    return users


def _tag_names(created):
    """The demo's themes and focus areas named in the other languages, where none is given."""
    for tag in Tag.objects.filter(name__in=site.TAG_NAMES):
        named, was_created = TagName.objects.get_or_create(tag=tag)
        texts = dict(zip(("fr", "ar", "es"), site.TAG_NAMES[tag.name], strict=True))
        missing = {code: text for code, text in texts.items() if not getattr(named, f"name_{code}")}
        for code, text in missing.items():
            setattr(named, f"name_{code}", text)
        if missing:
            named.save()
        created.add("theme names", was_created)


def _faq_in_other_languages(entry, texts):
    """The entry's question and answer in the other languages, where none is given yet."""
    missing = {
        code: (question, answer)
        for code, (question, answer) in texts.items()
        if not getattr(entry, f"question_{code}")
    }
    for code, (question, answer) in missing.items():
        setattr(entry, f"question_{code}", question)
        setattr(entry, f"answer_{code}", sample(answer, code))
    if missing:
        entry.save()


def _practices(cities, organisations, practitioners, contributors, member, moderator, created):
    forms = {form.slug: form for form in ExtremismForm.objects.all()}
    partners_of = {}
    for organisation in organisations.values():
        for city in organisation.cities.all():
            partners_of.setdefault(city.slug, []).append(organisation)
    # Each city's first practitioner is the contact for its practice.
    contacts = {}
    for name, _role, _sector, city_slug, *_ in people.PRACTITIONERS:
        contacts.setdefault(city_slug, practitioners[people.practitioner_slug(name)])
    now = timezone.now()
    by_slug = {}
    for index, entry in enumerate(library.PRACTICES):
        title, city_slug, path, evidence, stage, start, end, themes, form_slugs = entry[:9]
        summary, reason, by_member = entry[9:]
        city = cities.get(city_slug)
        author = member if by_member else contributors[index % len(contributors)]
        partners = partners_of.get(city_slug, [])
        practice, was_created = Practice.objects.get_or_create(
            slug=slugify(title),
            defaults={
                "title": title,
                "city": city,
                "summary": sample(summary),
                **{
                    key: sample(text)
                    for key, text in library.body(city and city.name, themes, evidence).items()
                },
                "stage": stage,
                "start_year": start,
                "end_year": end,
                "evidence_level": evidence,
                "scope": "regional" if len(partners) > 1 else "local",
                "contact_practitioner": contacts.get(city_slug),
                "do_no_harm_confirmed": True,
                "submitted_by": author,
            },
        )
        created.add("practices", was_created)
        by_slug[practice.slug] = practice
        if not was_created:
            continue
        practice.themes.set(themes)
        practice.extremism_forms.set(forms[f] for f in form_slugs)
        practice.organisations.set(partners[:2])
        practice.other_cities.set(
            {c for o in partners for c in o.cities.all() if c.slug != city_slug}
        )
        _walk(
            practice,
            PATHS[path],
            author,
            moderator,
            reason,
            now - timedelta(days=9 * (index * 23 % len(library.PRACTICES))),
        )
    for entry in other_languages.PRACTICES:
        _practice_in_another_language(entry, cities, forms, contacts, member, moderator, created)
    for slug, source in library.ADAPTED_FROM:
        by_slug[slug].adapted_from.add(by_slug[source])
    _proposed_update(by_slug[library.UPDATE_OF], member, created)
    _attachments(by_slug, created)


def _practice_in_another_language(entry, cities, forms, contacts, author, moderator, created):
    """A published case study written in French, Arabic or Spanish (demo/other_languages.py)."""
    language, title, city_slug, evidence, stage, start, end, themes, form_slugs = entry[:9]
    summary, sections = entry[9:]
    practice, was_created = Practice.objects.get_or_create(
        title=title,
        language=language,
        defaults={
            # As the contribution form makes it: from the title, else "practice-N".
            "slug": unique_slug(Practice, title, fallback="practice"),
            "city": cities.get(city_slug),
            "summary": sample(summary, language),
            **{key: sample(text, language) for key, text in sections.items()},
            "stage": stage,
            "start_year": start,
            "end_year": end,
            "evidence_level": evidence,
            "scope": "local",
            "contact_practitioner": contacts.get(city_slug),
            "do_no_harm_confirmed": True,
            "submitted_by": author,
        },
    )
    created.add("practices", was_created)
    if was_created:
        practice.themes.set(themes)
        practice.extremism_forms.set(forms[f] for f in form_slugs)
        _walk(practice, PATHS[library.PUBLISHED], author, moderator, "", timezone.now())


def _walk(practice, steps, author, moderator, reason, finished):
    """Take `practice` through `steps` with the workflow, then date its history so that the
    last step happened at `finished`."""
    start = finished - timedelta(days=STEP_DAYS * len(steps))
    dates = {"created_at": start - timedelta(days=STEP_DAYS)}
    for number, (name, by_moderator, step_reason) in enumerate(steps, start=1):
        when = start + timedelta(days=STEP_DAYS * number)
        change = workflow.transition(
            practice,
            name,
            moderator if by_moderator else author,
            reason=sample(reason) if step_reason is None else step_reason,
            notify=False,
        )
        StatusChange.objects.filter(pk=change.pk).update(created_at=when)
        if name == "submit":
            dates["submitted_at"] = when
        if name == "publish":
            dates["published_at"] = when
            dates["review_due"] = (when + timedelta(days=730)).date()
    Practice.objects.filter(pk=practice.pk).update(updated_at=finished, **dates)


def _proposed_update(public, member, created):
    if public.proposed_updates.exists():
        return
    update = workflow.propose_update(public, member)
    update.outcomes = sample(library.UPDATED_OUTCOMES)
    update.save()
    workflow.transition(update, "submit", member, notify=False)
    created.add("proposed updates", True)


def _attachments(by_slug, created):
    for slug, title in library.ATTACHMENTS.items():
        practice = by_slug[slug]
        if practice.attachments.filter(title=title).exists():
            continue
        content = text_pdf(
            title,
            [
                practice.title,
                f"{practice.city.name}, {practice.get_evidence_level_display()}",
                "",
                "This short report belongs to the demo data of the portal.",
                "Sample content.",
            ],
        )
        Attachment.objects.create(
            practice=practice,
            title=title,
            file=ContentFile(content, name=f"{slug}.pdf"),
            original_name=f"{slugify(title)}.pdf",
            size=len(content),
        )
        created.add("attachments", True)


def _site(created):
    for order, (slug, question, answer) in enumerate(site.FAQ, start=1):
        entry, was_created = FaqEntry.objects.get_or_create(
            slug=slug,
            defaults={"question_en": question, "answer_en": sample(answer), "order": order},
        )
        created.add("FAQ entries", was_created)
        _faq_in_other_languages(entry, site.FAQ_TRANSLATIONS.get(slug, {}))
    for name, email, topic, message in site.CONTACT_MESSAGES:
        _, was_created = ContactMessage.objects.get_or_create(
            email=email,
            topic=topic,
            defaults={"name": name, "message": sample(message), "notified": True},
        )
        created.add("contact messages", was_created)
    for city, country, name, role, email, motivation, heard in site.APPLICATIONS:
        _, was_created = MembershipApplication.objects.get_or_create(
            email=email,
            city_name=city,
            defaults={
                "country": country,
                "applicant_name": name,
                "applicant_role": role,
                "motivation": sample(motivation),
                "heard_about": heard,
                "notified": True,
            },
        )
        created.add("membership applications", was_created)
