"""`load_demo`: writes the demo data set, creating only what is missing, so that running
it again changes nothing. Practice goes through practices.workflow like real practice, and
resources through resources.workflow, so that their recorded history matches their state;
the dates are then set back to spread them over the past months. News and events are dated
relative to the moment of loading (events at round local times in their own time zone), so
the demo always has recent news and upcoming events."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from cities.models import City, MembershipApplication, PartnerOrganisation, Practitioner, Region
from demo import accounts, library, other_languages, people, places, publications, sample, site
from demo.images import abstract_jpeg
from demo.pdf import text_pdf
from events.models import Event, Interest
from news.models import Story
from practices import workflow
from practices.models import Attachment, ExtremismForm, Practice, Status, StatusChange
from resources import workflow as resource_workflow
from resources.models import Resource, ResourceStatusChange
from scn_portal.models import ContactMessage, FaqEntry, InboxStatus, PublicationStatus, TagName
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
        _hubs(practitioners, created)
        _stories(cities, moderator, created)
        events = _events(cities, organisations, moderator, created)
        _interests(events, member, moderator, created)
        _resources(organisations, member, moderator, created)
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


# Regional hubs, news, events and resources (demo/publications.py).


def _regions():
    return {region.slug: region for region in Region.objects.all()}


def _hubs(practitioners, created):
    """Each hub's name and introduction in every language, its address and its team, where
    they are still empty: what staff changed in the admin is kept."""
    regions = _regions()
    for slug, hub in publications.HUBS.items():
        region = regions[slug]
        changed = False
        for code, name in hub["name"].items():
            if not getattr(region, f"hub_name_{code}"):
                setattr(region, f"hub_name_{code}", name)
                changed = True
        for code, intro in hub["intro"].items():
            if not getattr(region, f"hub_intro_{code}"):
                setattr(region, f"hub_intro_{code}", sample(intro, code))
                changed = True
        if not region.hub_email:
            region.hub_email = hub["email"]
            changed = True
        if changed:
            region.save()
        if not region.team.exists():
            region.team.set(practitioners[p] for p in hub["team"])
            changed = True
        created.add("regional hubs", changed)


def _markdown(blocks, language):
    return sample("\n\n".join(blocks), language)


def _stories(cities, moderator, created):
    existing = set(
        Story.objects.filter(slug__in=[s["slug"] for s in publications.STORIES]).values_list(
            "slug", flat=True
        )
    )
    regions = _regions()
    practices = {p.slug: p for p in Practice.objects.published()}
    now = timezone.now()
    for index, entry in enumerate(publications.STORIES):
        if entry["slug"] in existing:
            continue
        language = entry.get("language", "en")
        when = entry["when"]
        status = PublicationStatus.PUBLISHED
        if when == publications.DRAFT:
            status, publish_at = PublicationStatus.DRAFT, now
        elif isinstance(when, tuple):
            publish_at = (now + timedelta(days=when[1])).replace(minute=0, second=0, microsecond=0)
        else:
            # In the morning (UTC) of the day, at a varying hour.
            publish_at = (now - timedelta(days=when)).replace(
                hour=7 + index % 5, minute=0, second=0, microsecond=0
            )
        story = Story(
            slug=entry["slug"],
            title=entry["title"],
            standfirst=sample(entry["standfirst"], language),
            body=_markdown(entry["body"], language),
            language=language,
            status=status,
            publish_at=publish_at,
            created_by=moderator,
        )
        if "image" in entry:
            palette, description = entry["image"]
            story.image = ContentFile(abstract_jpeg(palette, seed=index), name="story.jpg")
            story.image_alt = description
        story.save()
        story.themes.set(entry["themes"])
        story.cities.set(cities[c] for c in entry["cities"])
        story.regions.set(regions[r] for r in entry["regions"])
        # Only practice still published (staff may have archived some since).
        story.practices.set(practices[p] for p in entry["practices"] if p in practices)
        written = min(publish_at, now) - timedelta(days=2)
        Story.objects.filter(pk=story.pk).update(
            created_at=written, updated_at=max(written, min(publish_at, now))
        )
        created.add("news stories", True)


def _local_time(now, day, hour_minute, zone):
    """The moment `day` days after `now`'s date, at `hour_minute` local time in `zone`: an
    aware datetime whose local time is round, whatever the offset of the zone that day."""
    zone = ZoneInfo(zone)
    date = now.astimezone(zone).date() + timedelta(days=day)
    return datetime.combine(date, time(*hour_minute), tzinfo=zone)


def _events(cities, organisations, moderator, created):
    """The events by slug. Their dates are relative to the first load: a later run finds
    them by slug and leaves them as they are."""
    events = {
        e.slug: e for e in Event.objects.filter(slug__in=[e["slug"] for e in publications.EVENTS])
    }
    regions = _regions()
    now = timezone.now()
    for index, entry in enumerate(publications.EVENTS):
        if entry["slug"] in events:
            continue
        language = entry.get("language", "en")
        starts = _local_time(now, entry["day"], entry["start"], entry["zone"])
        ends = _local_time(now, entry["day"] + entry["days"] - 1, entry["end"], entry["zone"])
        draft = entry.get("draft", False)
        # Announced a month before it starts, or a few days ago for what comes soon.
        publish_at = min(starts - timedelta(days=30), now - timedelta(days=3 + index))
        event = Event.objects.create(
            slug=entry["slug"],
            title=entry["title"],
            kind=entry["kind"],
            summary=sample(entry["summary"], language),
            description=_markdown(entry["description"], language),
            starts_at=starts,
            ends_at=ends,
            time_zone=entry["zone"],
            online=entry["online"],
            venue=entry["venue"],
            city=cities.get(entry["city"]),
            organiser=organisations.get(entry["organiser"]),
            organiser_email=entry["organiser_email"],
            region=regions.get(entry["region"]),
            language=language,
            audience=entry["audience"],
            registration_url=entry["registration_url"],
            status=PublicationStatus.DRAFT if draft else PublicationStatus.PUBLISHED,
            publish_at=now if draft else publish_at,
            created_by=moderator,
        )
        event.themes.set(entry["themes"])
        written = now if draft else publish_at - timedelta(days=1)
        Event.objects.filter(pk=event.pk).update(created_at=written, updated_at=written)
        events[event.slug] = event
        created.add("events", True)
    return events


def _interests(events, member, moderator, created):
    for slug, note, handled in publications.INTERESTS:
        _, was_created = Interest.objects.get_or_create(
            event=events[slug],
            member=member,
            defaults={
                "note": sample(note) if note else "",
                "notified": True,
                "status": InboxStatus.DONE if handled else InboxStatus.NEW,
                "assignee": moderator if handled else None,
            },
        )
        created.add("event interests", was_created)


# Each state of a resource as the steps that lead to it: (transition, by the moderator?,
# reason; None: the resource's own reason). Staff add resources and publish them at once.
RESOURCE_PATHS = {
    "staff": [("publish", True, "")],
    "staff draft": [],
    "staff archived": [("publish", True, ""), ("archive", True, "")],
    publications.MEMBER_SUBMITTED: [("submit", False, "")],
    publications.MEMBER_CHANGES_REQUESTED: [("submit", False, ""), ("request_changes", True, None)],
    publications.MEMBER_PUBLISHED: [("submit", False, ""), ("publish", True, "")],
    publications.MEMBER_REJECTED: [("submit", False, ""), ("reject", True, None)],
}


def _resources(organisations, member, moderator, created):
    existing = set(Resource.objects.values_list("title", flat=True))
    regions = _regions()
    now = timezone.now()
    for index, entry in enumerate(publications.RESOURCES):
        title, kind, year, language, themes, region_slugs, publisher, pdf, summary = entry
        if title in existing:
            continue
        path = "staff"
        if title in publications.ARCHIVED:
            path = "staff archived"
        elif title in publications.DRAFTS:
            path = "staff draft"
        resource = Resource(
            title=title,
            slug=unique_slug(Resource, publications.SLUGS.get(title, title), fallback="resource"),
            kind=kind,
            year=year,
            language=language,
            summary=sample(summary, language),
            publisher=organisations.get(publisher),
        )
        if pdf:
            content = text_pdf(
                title,
                [
                    resource.publisher.name if resource.publisher else "Strong Cities Network",
                    f"{resource.get_kind_display()}, {year}",
                    "",
                    "This document belongs to the demo data of the portal.",
                    "Sample content.",
                ],
            )
            resource.file = ContentFile(content, name="resource.pdf")
            resource.original_name = f"{resource.slug}.pdf"
            resource.size = len(content)
        else:
            resource.url = f"https://example.org/resources/{resource.slug}"
        resource.save()
        resource.themes.set(themes)
        resource.regions.set(regions[r] for r in region_slugs)
        # Spread over the past two years, never before the year it came out.
        finished = max(
            now - timedelta(days=5 + index * 97 % 720),
            datetime(year, 1, 15, 10, tzinfo=timezone.get_current_timezone()),
        )
        _walk_resource(resource, RESOURCE_PATHS[path], None, moderator, "", min(finished, now))
        created.add("resources", True)
    for entry in publications.MEMBER_SUGGESTIONS:
        state, title, kind, year, themes, region_slugs, url, summary, reason = entry
        if title in existing:
            continue
        resource = Resource.objects.create(
            title=title,
            slug=unique_slug(Resource, title, fallback="resource"),
            kind=kind,
            year=year,
            summary=sample(summary),
            url=url,
            suggested_by=member,
        )
        resource.themes.set(themes)
        resource.regions.set(regions[r] for r in region_slugs)
        # The member's suggestions are recent: the one still waiting the most recent.
        days = {publications.MEMBER_SUBMITTED: 2}.get(state, 12)
        _walk_resource(
            resource, RESOURCE_PATHS[state], member, moderator, reason, now - timedelta(days=days)
        )
        created.add("resources", True)


def _walk_resource(resource, steps, member, moderator, reason, finished):
    """Take `resource` through `steps` with its workflow, then date its history so that the
    last step happened at `finished` (as `_walk` does for practice)."""
    start = finished - timedelta(days=STEP_DAYS * len(steps))
    dates = {"created_at": start - timedelta(days=STEP_DAYS)}
    for number, (name, by_moderator, step_reason) in enumerate(steps, start=1):
        when = start + timedelta(days=STEP_DAYS * number)
        change = resource_workflow.transition(
            resource,
            name,
            moderator if by_moderator else member,
            reason=sample(reason) if step_reason is None else step_reason,
            notify=False,
        )
        ResourceStatusChange.objects.filter(pk=change.pk).update(created_at=when)
        if change.to_status == Status.SUBMITTED:
            dates["submitted_at"] = when
        if change.to_status == Status.PUBLISHED:
            dates["published_at"] = when
    Resource.objects.filter(pk=resource.pk).update(updated_at=finished, **dates)
