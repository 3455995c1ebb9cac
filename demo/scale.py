"""`load_scale`: a large generated data set for benchmarks, written with bulk inserts.

Every generated row has a slug starting with `scale-` (users: an address starting with
`scale-`), so a new run first removes the rows of the previous one and the demo data set
is never touched. Most practice is published; the rest is spread over the other workflow
states with a recorded history to match. News stories, events (half over, half to come)
and resources are all published, resources with the one recorded step that published
them. `after_bulk_load` runs the end-of-load steps.
"""

import random
from datetime import datetime, time, timedelta
from itertools import islice
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from cities.models import (
    City,
    PartnerOrganisation,
    Practitioner,
    PractitionerMessage,
    Region,
    TaggedCity,
    TaggedOrganisation,
    TaggedPractitioner,
)
from demo import library, sample
from events.models import Event, Interest, TaggedEvent
from news.models import Story, TaggedStory
from practices.models import (
    ExtremismForm,
    Practice,
    PracticeWords,
    Status,
    StatusChange,
    TaggedPractice,
)
from resources.models import Resource, ResourceStatusChange, TaggedResource
from scn_portal.models import PublicationStatus

PREFIX = "scale-"
DEFAULTS = {
    "cities": 1000,
    "organisations": 500,
    "practitioners": 5000,
    "practices": 20000,
    "stories": 2000,
    "events": 1000,
    "resources": 5000,
}
BATCH = 1000
AUTHORS = 25

THEMES = list(library.SECTIONS)
# Share of practice in each state: mostly published, as in a library that has run a while.
STATUS_WEIGHTS = {
    Status.PUBLISHED: 90,
    Status.SUBMITTED: 3,
    Status.DRAFT: 3,
    Status.CHANGES_REQUESTED: 1,
    Status.REJECTED: 1,
    Status.ARCHIVED: 2,
}
# The recorded steps that lead to each state.
HISTORY = {
    Status.DRAFT: [],
    Status.SUBMITTED: [(Status.DRAFT, Status.SUBMITTED)],
    Status.CHANGES_REQUESTED: [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.CHANGES_REQUESTED),
    ],
    Status.REJECTED: [(Status.DRAFT, Status.SUBMITTED), (Status.SUBMITTED, Status.REJECTED)],
    Status.PUBLISHED: [(Status.DRAFT, Status.SUBMITTED), (Status.SUBMITTED, Status.PUBLISHED)],
    Status.ARCHIVED: [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.PUBLISHED),
        (Status.PUBLISHED, Status.ARCHIVED),
    ],
}
REASONS = {
    Status.CHANGES_REQUESTED: sample("Please describe the outcomes in more detail."),
    Status.REJECTED: sample("This does not describe a prevention practice."),
}

# Countries and a rough box (south, north, west, east) for the generated cities of a region.
REGION_PLACES = {
    "africa": (["KE", "NG", "GH", "SN", "ET", "ZA", "UG", "TZ", "CM", "ML"], (-30, 15, -15, 40)),
    "asia-pacific": (["AU", "NZ", "PH", "ID", "BD", "LK", "MY", "TH", "IN"], (-40, 25, 75, 175)),
    "central-asia": (["KZ", "KG", "TJ", "UZ", "TM"], (37, 52, 55, 85)),
    "europe": (["NO", "DK", "BE", "NL", "GB", "FR", "DE", "BA", "FI", "SE"], (38, 64, -8, 30)),
    "latin-america-caribbean": (["CO", "UY", "EC", "TT", "CL", "MX", "BR"], (-40, 20, -80, -40)),
    "middle-east-north-africa": (["JO", "LB", "TN", "MA", "IQ", "EG"], (25, 37, -8, 48)),
    "north-america": (["US", "CA"], (30, 55, -122, -70)),
}


def _words(text):
    return text.split()


NAME_STARTS = _words("Al Bel Cor Dar El Fen Gal Har Is Jor Kal Lun Mar Nor Os Pel Ros San Tor Val")
NAME_ENDS = _words("abad bury dale ford grad haven kent mar mouth ona polis port stad ton ville")
FIRST_NAMES = _words(
    "Amina Ben Carla Dmitri Esra Farid Greta Hugo Imani Jonas Kofi Lea Malik Nadia Omar "
    "Paula Quentin Rana Sven Tariq Uma Viktor Wen Ximena Yusuf Zara"
)
LAST_NAMES = _words(
    "Abbas Berg Costa Diallo Eriksen Fischer Garcia Haddad Ibrahim Jensen Kim Lopez Mensah "
    "Novak Okoro Petrov Quispe Rossi Sato Tan Umarov Varga Weber Yilmaz Zhou"
)
ORGANISATION_WORDS = _words("Bridge Harbour Common Horizon Open Civic Unity Compass Anchor Kinship")
ORGANISATION_KINDS = [
    ("Youth Trust", PartnerOrganisation.Kind.CIVIL_SOCIETY),
    ("Research Centre", PartnerOrganisation.Kind.ACADEMIC),
    ("Cities Forum", PartnerOrganisation.Kind.INTERNATIONAL),
    ("Foundation", PartnerOrganisation.Kind.FOUNDATION),
    ("Prevention Office", PartnerOrganisation.Kind.GOVERNMENT),
    ("Data Lab", PartnerOrganisation.Kind.PRIVATE),
]
ACTIVITIES = [
    "youth mentoring",
    "community policing forums",
    "family counselling",
    "media literacy classes",
    "interfaith dialogue circles",
    "exit support",
    "sport leagues",
    "neighbourhood mediation",
    "hate incident monitoring",
    "psychosocial support",
    "women's safety walks",
    "after-school clubs",
    "returnee reintegration",
    "online radicalisation prevention",
    "counter-messaging against hate speech online",
]
TITLE_FORMS = ["{activity} in {city}", "{city}: {activity}", "{activity} for {city}'s districts"]
STORY_TITLE_FORMS = [
    "{city} expands its {activity}",
    "What {city} learned from a year of {activity}",
    "{city} shares the results of its {activity}",
    "New partners join {city}'s {activity}",
]
# Where generated events take place (or, online, where their organiser works).
EVENT_ZONES = [
    "Africa/Nairobi",
    "Europe/Sarajevo",
    "Asia/Kathmandu",
    "America/Bogota",
    "Asia/Amman",
    "Europe/Brussels",
    "Asia/Dhaka",
    "UTC",
]


def load_scale(
    cities,
    organisations,
    practitioners,
    practices,
    stories=DEFAULTS["stories"],
    events=DEFAULTS["events"],
    resources=DEFAULTS["resources"],
    seed=2015,
):
    """Replace the previous generated rows with new ones in the numbers asked; returns the
    number of rows written, by kind."""
    rng = random.Random(seed)
    with transaction.atomic():
        remove_scale_rows()
        authors = _authors()
        city_rows = _cities(rng, cities)
        organisation_rows = _organisations(rng, organisations, city_rows)
        practitioner_rows = _practitioners(rng, practitioners, city_rows, organisation_rows)
        practice_count = _practices(
            rng, practices, city_rows, organisation_rows, practitioner_rows, authors
        )
        story_count = _stories(rng, stories, city_rows, authors)
        event_count = _events(rng, events, city_rows, organisation_rows, authors)
        resource_count = _resources(rng, resources, organisation_rows, authors)
    after_bulk_load()
    return {
        "cities": len(city_rows),
        "organisations": len(organisation_rows),
        "practitioners": len(practitioner_rows),
        "practices": practice_count,
        "news stories": story_count,
        "events": event_count,
        "resources": resource_count,
    }


def after_bulk_load():
    """What must follow any bulk load: search documents for the new rows, fresh planner
    statistics, and no cached page that still shows the old data (bulk inserts send no
    signals)."""
    from practices import spelling
    from practices.search import refresh_documents
    from scn_portal import page_cache

    refresh_documents()
    spelling.refresh()

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA optimize")
    page_cache.forget()


def _raw_delete(queryset):
    # One DELETE statement: a bulk load is not content anyone edited, so no per-row
    # signals (which would each touch the page cache) and no collector in memory.
    return queryset._raw_delete(queryset.db)


def _remove_publications():
    """Remove the generated stories, events and resources, and the links of other rows to
    generated cities, organisations and practice."""
    scale = {"slug__startswith": PREFIX}
    _raw_delete(TaggedStory.objects.filter(content_object__slug__startswith=PREFIX))
    for through in (Story.regions.through, Story.cities.through, Story.practices.through):
        _raw_delete(through.objects.filter(story__slug__startswith=PREFIX))
    _raw_delete(Story.cities.through.objects.filter(city__slug__startswith=PREFIX))
    _raw_delete(Story.practices.through.objects.filter(practice__slug__startswith=PREFIX))
    _raw_delete(Story.objects.filter(**scale))

    Interest.objects.filter(event__slug__startswith=PREFIX).delete()
    _raw_delete(TaggedEvent.objects.filter(content_object__slug__startswith=PREFIX))
    _raw_delete(Event.objects.filter(**scale))
    Event.objects.filter(city__slug__startswith=PREFIX).update(city=None)
    Event.objects.filter(organiser__slug__startswith=PREFIX).update(organiser=None)

    _raw_delete(ResourceStatusChange.objects.filter(resource__slug__startswith=PREFIX))
    _raw_delete(TaggedResource.objects.filter(content_object__slug__startswith=PREFIX))
    _raw_delete(Resource.regions.through.objects.filter(resource__slug__startswith=PREFIX))
    # Generated resources have links, never files: nothing on disk to remove.
    _raw_delete(Resource.objects.filter(**scale))
    Resource.objects.filter(publisher__slug__startswith=PREFIX).update(publisher=None)


def remove_scale_rows():
    """Remove everything an earlier scale load wrote, dependants first."""
    scale = {"slug__startswith": PREFIX}
    of_practice = {"practice__slug__startswith": PREFIX}
    _remove_publications()
    # Rows that depend on generated rows without being generated themselves.
    Practice.objects.filter(update_of__slug__startswith=PREFIX).exclude(**scale).delete()
    PractitionerMessage.objects.filter(practitioner__slug__startswith=PREFIX).delete()
    Practice.objects.exclude(**scale).filter(contact_practitioner__slug__startswith=PREFIX).update(
        contact_practitioner=None
    )
    Practitioner.objects.exclude(**scale).filter(city__slug__startswith=PREFIX).update(city=None)
    Practitioner.objects.exclude(**scale).filter(organisation__slug__startswith=PREFIX).update(
        organisation=None
    )

    _raw_delete(TaggedPractice.objects.filter(content_object__slug__startswith=PREFIX))
    _raw_delete(Practice.extremism_forms.through.objects.filter(**of_practice))
    _raw_delete(Practice.organisations.through.objects.filter(**of_practice))
    _raw_delete(
        Practice.organisations.through.objects.filter(partnerorganisation__slug__startswith=PREFIX)
    )
    _raw_delete(Practice.other_cities.through.objects.filter(**of_practice))
    _raw_delete(Practice.other_cities.through.objects.filter(city__slug__startswith=PREFIX))
    _raw_delete(
        Practice.adapted_from.through.objects.filter(from_practice__slug__startswith=PREFIX)
    )
    _raw_delete(Practice.adapted_from.through.objects.filter(to_practice__slug__startswith=PREFIX))
    _raw_delete(StatusChange.objects.filter(**of_practice))
    _raw_delete(PracticeWords.objects.filter(**of_practice))
    Practice.objects.filter(**scale).filter(attachments__isnull=False).delete()
    _raw_delete(Practice.objects.filter(**scale))

    _raw_delete(TaggedPractitioner.objects.filter(content_object__slug__startswith=PREFIX))
    _raw_delete(Practitioner.objects.filter(**scale))

    through = PartnerOrganisation
    _raw_delete(TaggedOrganisation.objects.filter(content_object__slug__startswith=PREFIX))
    _raw_delete(
        through.regions.through.objects.filter(partnerorganisation__slug__startswith=PREFIX)
    )
    _raw_delete(through.cities.through.objects.filter(partnerorganisation__slug__startswith=PREFIX))
    _raw_delete(through.cities.through.objects.filter(city__slug__startswith=PREFIX))
    _raw_delete(PartnerOrganisation.objects.filter(**scale))

    _raw_delete(TaggedCity.objects.filter(content_object__slug__startswith=PREFIX))
    _raw_delete(City.objects.filter(**scale))

    get_user_model().objects.filter(email__startswith=PREFIX).delete()


def _tags(names):
    tags = {tag.name.lower(): tag for tag in Tag.objects.filter(name__in=names)}
    for name in names:
        if name.lower() not in tags:
            tags[name.lower()] = Tag.objects.create(name=name, slug=slugify(name))
    return [tags[name.lower()] for name in names]


def _authors():
    password = make_password(None)
    return get_user_model().objects.bulk_create(
        get_user_model()(
            email=f"{PREFIX}author-{n}@example.org",
            first_name="Scale",
            last_name=f"Author {n}",
            password=password,
        )
        for n in range(1, AUTHORS + 1)
    )


def _cities(rng, count):
    regions = list(Region.objects.all())
    focus = _tags(THEMES)
    rows = []
    for n in range(1, count + 1):
        region = regions[n % len(regions)]
        countries, (south, north, west, east) = REGION_PLACES.get(
            region.slug, (["DE"], (-60, 60, -170, 170))
        )
        name = f"{rng.choice(NAME_STARTS)}{rng.choice(NAME_ENDS)}"
        rows.append(
            City(
                name=name,
                slug=f"{PREFIX}city-{n:05d}",
                country=rng.choice(countries),
                region=region,
                population=rng.randrange(20_000, 5_000_000, 1000),
                membership_status=(
                    City.MembershipStatus.FORMER if n % 20 == 0 else City.MembershipStatus.MEMBER
                ),
                year_joined=rng.randint(2015, 2026),
                profile=sample(f"A generated member city in {region.name}."),
                description=sample(
                    f"{name} is a generated city of the benchmark data set in {region.name}."
                ),
                latitude=f"{rng.uniform(south, north):.5f}",
                longitude=f"{rng.uniform(west, east):.5f}",
            )
        )
    rows = City.objects.bulk_create(rows, batch_size=BATCH)
    _insert_rows(
        TaggedCity,
        ["content_object", "tag"],
        ((city.pk, tag.pk) for city in rows for tag in rng.sample(focus, 2)),
    )
    return rows


def _organisations(rng, count, cities):
    regions = list(Region.objects.all())
    focus = _tags(THEMES)
    rows = []
    for n in range(1, count + 1):
        suffix, kind = ORGANISATION_KINDS[n % len(ORGANISATION_KINDS)]
        name = f"{rng.choice(ORGANISATION_WORDS)} {suffix} {n}"
        rows.append(
            PartnerOrganisation(
                name=name,
                slug=f"{PREFIX}organisation-{n:05d}",
                kind=kind,
                website=f"https://{PREFIX}organisation-{n}.example.org/",
                description=sample(f"{name} is a generated partner organisation."),
                countries=[],
            )
        )
    rows = PartnerOrganisation.objects.bulk_create(rows, batch_size=BATCH)
    _insert_rows(
        PartnerOrganisation.regions.through,
        ["partnerorganisation", "region"],
        ((o.pk, r.pk) for o in rows for r in rng.sample(regions, rng.randint(1, 2))),
    )
    _insert_rows(
        PartnerOrganisation.cities.through,
        ["partnerorganisation", "city"],
        ((o.pk, c.pk) for o in rows for c in rng.sample(cities, min(len(cities), 3))),
    )
    _insert_rows(
        TaggedOrganisation, ["content_object", "tag"], ((o.pk, rng.choice(focus).pk) for o in rows)
    )
    return rows


def _practitioners(rng, count, cities, organisations):
    sectors = Practitioner.Sector.values
    expertise = _tags(THEMES)
    rows = []
    for n in range(1, count + 1):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        sector = sectors[n % len(sectors)]
        rows.append(
            Practitioner(
                full_name=name,
                slug=f"{PREFIX}practitioner-{n:05d}",
                role_title=Practitioner.Sector(sector).label,
                sector=sector,
                city=rng.choice(cities) if cities else None,
                organisation=(rng.choice(organisations) if organisations and n % 3 == 0 else None),
                bio=sample(f"{name} is a generated practitioner."),
                email=f"{PREFIX}practitioner-{n}@example.org",
                is_public=n % 3 != 0,
                accepts_messages=n % 4 != 0,
            )
        )
    rows = Practitioner.objects.bulk_create(rows, batch_size=BATCH)
    _insert_rows(
        TaggedPractitioner,
        ["content_object", "tag"],
        ((p.pk, rng.choice(expertise).pk) for p in rows),
    )
    return rows


def _practices(rng, count, cities, organisations, practitioners, authors):
    if not cities:
        return 0
    themes = dict(zip(THEMES, _tags(THEMES), strict=True))
    forms = list(ExtremismForm.objects.all())
    evidence_levels = Practice.EvidenceLevel.values
    statuses = rng.choices(list(STATUS_WEIGHTS), weights=STATUS_WEIGHTS.values(), k=count)
    now = timezone.now()
    rows, chosen_themes = [], []
    for n, status in enumerate(statuses, start=1):
        city = cities[n % len(cities)]
        activity = ACTIVITIES[n % len(ACTIVITIES)]
        title = rng.choice(TITLE_FORMS).format(activity=activity, city=city.name)
        title = title[0].upper() + title[1:]
        picked = rng.sample(THEMES, rng.randint(1, 3))
        evidence = rng.choice(evidence_levels)
        start = rng.randint(2010, 2025)
        stage = rng.choice(Practice.Stage.values)
        submitted = now - timedelta(days=rng.uniform(25, 8 * 365))
        published = submitted + timedelta(days=rng.randint(2, 20))
        sections = library.body(city.name, picked, evidence)
        rows.append(
            Practice(
                title=title,
                slug=f"{PREFIX}{n:06d}-{slugify(title)}"[:220],
                city=city,
                summary=sample(f"{title}: {activity} run by the city and its partners."),
                **{key: sample(text) for key, text in sections.items()},
                stage=stage,
                start_year=start,
                end_year=min(start + rng.randint(1, 5), 2026) if stage == "ended" else None,
                evidence_level=evidence,
                scope=rng.choice(Practice.Scope.values),
                contact_practitioner=rng.choice(practitioners) if practitioners else None,
                do_no_harm_confirmed=True,
                status=status,
                submitted_by=authors[n % len(authors)],
                submitted_at=None if status == Status.DRAFT else submitted,
                published_at=(published if status in (Status.PUBLISHED, Status.ARCHIVED) else None),
                review_due=(published + timedelta(days=730)).date(),
            )
        )
        chosen_themes.append(picked)
    rows = Practice.objects.bulk_create(rows, batch_size=BATCH)
    _practice_links(rng, rows, chosen_themes, themes, forms, cities, organisations)
    _history(rows, authors)
    return len(rows)


def _practice_links(rng, rows, chosen_themes, themes, forms, cities, organisations):
    _insert_rows(
        TaggedPractice,
        ["content_object", "tag"],
        (
            (p.pk, themes[name].pk)
            for p, names in zip(rows, chosen_themes, strict=True)
            for name in names
        ),
    )
    _insert_rows(
        Practice.extremism_forms.through,
        ["practice", "extremismform"],
        ((p.pk, f.pk) for p in rows for f in rng.sample(forms, min(len(forms), rng.randint(1, 2)))),
    )
    if organisations:
        _insert_rows(
            Practice.organisations.through,
            ["practice", "partnerorganisation"],
            ((p.pk, rng.choice(organisations).pk) for p in rows if rng.random() < 0.3),
        )
    _insert_rows(
        Practice.other_cities.through,
        ["practice", "city"],
        ((p.pk, rng.choice(cities).pk) for p in rows if rng.random() < 0.1),
    )
    _insert_rows(
        Practice.adapted_from.through,
        ["from_practice", "to_practice"],
        (
            (p.pk, rows[i - 1 - rng.randrange(i)].pk)
            for i, p in enumerate(rows)
            if i and rng.random() < 0.02
        ),
    )


def _history(rows, authors):
    """The recorded steps of each generated practice, dated like the practice itself."""
    moderator = authors[0].pk
    adapt = connection.ops.adapt_datetimefield_value
    now = timezone.now()
    steps = []
    for p in rows:
        for source, to in HISTORY[p.status]:
            actor = p.submitted_by_id if to == Status.SUBMITTED else moderator
            if to == Status.SUBMITTED:
                when = p.submitted_at
            elif to == Status.PUBLISHED:
                when = p.published_at
            elif to == Status.ARCHIVED:
                when = min(p.published_at + timedelta(days=180), now)
            else:
                when = p.submitted_at + timedelta(days=5)
            steps.append((p.pk, actor, source, to, REASONS.get(to, ""), "", adapt(when)))
    _insert_rows(
        StatusChange,
        ["practice", "actor", "from_status", "to_status", "reason", "internal_note", "created_at"],
        steps,
    )


def _paragraphs(city, activity, themes):
    """A generated story's text in the small Markdown subset: paragraphs, a heading, a list
    and a link, about as long as a real story."""
    return sample(
        "\n\n".join(
            [
                f"{city.name} and its partners have run {activity} for several years. This "
                f"season the city widened the work to new districts, with youth workers, "
                f"teachers and the neighbourhood police team.",
                "## What changed",
                "\n".join(f"- more attention to {theme}" for theme in themes),
                f"Residents were asked what they expected from {activity}; their answers "
                "shaped the plan for next year. Read more on the "
                "[network's website](https://strongcities.org).",
            ]
        )
    )


def _stories(rng, count, cities, authors):
    if not cities or not count:
        return 0
    themes = dict(zip(THEMES, _tags(THEMES), strict=True))
    now = timezone.now()
    rows, chosen_themes = [], []
    for n in range(1, count + 1):
        city = cities[n % len(cities)]
        activity = ACTIVITIES[n % len(ACTIVITIES)]
        title = rng.choice(STORY_TITLE_FORMS).format(activity=activity, city=city.name)
        picked = rng.sample(THEMES, rng.randint(1, 3))
        rows.append(
            Story(
                title=title,
                slug=f"{PREFIX}story-{n:05d}-{slugify(title)}"[:220],
                standfirst=sample(f"How {city.name} runs {activity}, and what comes next."),
                body=_paragraphs(city, activity, picked),
                status=PublicationStatus.PUBLISHED,
                # Spread over the past three years, a few every day.
                publish_at=now - timedelta(days=rng.uniform(0.1, 3 * 365)),
                created_by=authors[0],
            )
        )
        chosen_themes.append(picked)
    rows = Story.objects.bulk_create(rows, batch_size=BATCH)
    _insert_rows(
        TaggedStory,
        ["content_object", "tag"],
        (
            (s.pk, themes[name].pk)
            for s, names in zip(rows, chosen_themes, strict=True)
            for name in names
        ),
    )
    _insert_rows(
        Story.cities.through,
        ["story", "city"],
        ((s.pk, cities[n % len(cities)].pk) for n, s in enumerate(rows, start=1)),
    )
    regions = {city.pk: city.region_id for city in cities}
    _insert_rows(
        Story.regions.through,
        ["story", "region"],
        ((s.pk, regions[cities[n % len(cities)].pk]) for n, s in enumerate(rows, start=1)),
    )
    practices = list(
        Practice.objects.published()
        .filter(slug__startswith=PREFIX)
        .values_list("pk", flat=True)[:1000]
    )
    if practices:
        _insert_rows(
            Story.practices.through,
            ["story", "practice"],
            ((s.pk, rng.choice(practices)) for s in rows if rng.random() < 0.2),
        )
    return len(rows)


def _event_times(rng, now, n, count, zone):
    """When the n-th of `count` generated events starts and ends: the first half over, the
    second half to come, at round local hours in `zone`."""
    day = rng.randint(-720, -1) if n <= count // 2 else rng.randint(1, 365)
    date = now.astimezone(zone).date() + timedelta(days=day)
    starts = datetime.combine(date, time(rng.randint(8, 15), rng.choice([0, 30])), tzinfo=zone)
    if rng.random() < 0.7:
        return starts, starts + timedelta(minutes=rng.choice([60, 90, 120]))
    last_day = date + timedelta(days=rng.randint(1, 2))
    return starts, datetime.combine(last_day, time(17), tzinfo=zone)


def _events(rng, count, cities, organisations, authors):
    if not count:
        return 0
    themes = dict(zip(THEMES, _tags(THEMES), strict=True))
    regions = list(Region.objects.all())
    kinds = Event.Kind.values
    now = timezone.now()
    rows, chosen_themes = [], []
    for n in range(1, count + 1):
        zone_name = EVENT_ZONES[n % len(EVENT_ZONES)]
        starts, ends = _event_times(rng, now, n, count, ZoneInfo(zone_name))
        kind = kinds[n % len(kinds)]
        activity = ACTIVITIES[n % len(ACTIVITIES)]
        city = rng.choice(cities) if cities and rng.random() < 0.6 else None
        online = city is None or rng.random() < 0.3
        label = Event.Kind(kind).label
        title = f"{label}: {activity}" + (f" in {city.name}" if city else " online")
        picked = rng.sample(THEMES, rng.randint(1, 3))
        rows.append(
            Event(
                title=title,
                slug=f"{PREFIX}event-{n:05d}-{slugify(title)}"[:220],
                kind=kind,
                summary=sample(f"A generated {label.lower()} on {activity} for member cities."),
                description=sample(
                    f"Practitioners share how they run {activity}.\n\n"
                    f"The programme covers {', '.join(picked)}."
                ),
                starts_at=starts,
                ends_at=ends,
                time_zone=zone_name,
                online=online,
                venue=f"Community centre, {city.name}" if city else "",
                city=city,
                organiser=(
                    rng.choice(organisations) if organisations and rng.random() < 0.5 else None
                ),
                region=city.region if city else rng.choice(regions),
                audience=rng.choice(Event.Audience.values),
                registration_url=(
                    f"https://example.org/{PREFIX}event-{n}" if rng.random() < 0.5 else ""
                ),
                status=PublicationStatus.PUBLISHED,
                publish_at=min(starts - timedelta(days=30), now - timedelta(days=1)),
                created_by=authors[0],
            )
        )
        chosen_themes.append(picked)
    rows = Event.objects.bulk_create(rows, batch_size=BATCH)
    _insert_rows(
        TaggedEvent,
        ["content_object", "tag"],
        (
            (e.pk, themes[name].pk)
            for e, names in zip(rows, chosen_themes, strict=True)
            for name in names
        ),
    )
    return len(rows)


def _resources(rng, count, organisations, authors):
    if not count:
        return 0
    themes = dict(zip(THEMES, _tags(THEMES), strict=True))
    regions = list(Region.objects.all())
    kinds = Resource.Kind.values
    now = timezone.now()
    rows, chosen_themes = [], []
    for n in range(1, count + 1):
        kind = kinds[n % len(kinds)]
        activity = ACTIVITIES[n % len(ACTIVITIES)]
        label = Resource.Kind(kind).label
        title = f"{label}: {activity}"
        title = f"{title} for local governments" if n % 2 else f"{title} in practice"
        picked = rng.sample(THEMES, rng.randint(1, 3))
        year = rng.randint(2010, now.year)
        published = max(
            now - timedelta(days=rng.uniform(1, 4 * 365)),
            datetime(year, 1, 15, tzinfo=ZoneInfo("UTC")),
        )
        rows.append(
            Resource(
                title=title,
                slug=f"{PREFIX}resource-{n:05d}-{slugify(title)}"[:220],
                kind=kind,
                summary=sample(
                    f"A generated {label.lower()} on {activity}, for city staff and their "
                    f"partners working on {', '.join(picked)}."
                ),
                publisher=(
                    rng.choice(organisations) if organisations and rng.random() < 0.6 else None
                ),
                year=year,
                url=f"https://example.org/{PREFIX}resource-{n}",
                status=Status.PUBLISHED,
                published_at=min(published, now),
            )
        )
        chosen_themes.append(picked)
    rows = Resource.objects.bulk_create(rows, batch_size=BATCH)
    _insert_rows(
        TaggedResource,
        ["content_object", "tag"],
        (
            (r.pk, themes[name].pk)
            for r, names in zip(rows, chosen_themes, strict=True)
            for name in names
        ),
    )
    _insert_rows(
        Resource.regions.through,
        ["resource", "region"],
        ((r.pk, region.pk) for r in rows for region in rng.sample(regions, rng.randint(0, 2))),
    )
    # Staff added them and published them at once: one recorded step each.
    adapt = connection.ops.adapt_datetimefield_value
    _insert_rows(
        ResourceStatusChange,
        ["resource", "actor", "from_status", "to_status", "reason", "internal_note", "created_at"],
        (
            (r.pk, authors[0].pk, Status.DRAFT, Status.PUBLISHED, "", "", adapt(r.published_at))
            for r in rows
        ),
    )
    return len(rows)


def _insert_rows(model, field_names, rows):
    """Insert `rows` (tuples of plain column values for `field_names`) into `model`'s table,
    many rows per statement.

    Link rows and history are plain numbers and strings: writing them straight through the
    cursor saves building a model instance for each of the hundred thousand of them, and
    lets the history keep the dates given rather than the moment of loading.
    """
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in field_names)
    one_row = "(" + ", ".join(["%s"] * len(field_names)) + ")"
    max_params = connection.features.max_query_params or 65535
    per_statement = max(1, min(BATCH, max_params // len(field_names)))
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, per_statement)):
            values = ", ".join([one_row] * len(batch))
            # Only names from the model's own metadata, quoted, go into the statement; the
            # values are parameters.
            sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES {values}"  # noqa: S608
            cursor.execute(sql, [value for row in batch for value in row])
