"""`load_scale`: a large generated data set for benchmarks, written with bulk inserts.

Every generated row has a slug starting with `scale-` (users: an address starting with
`scale-`), so a new run first removes the rows of the previous one and the demo data set
is never touched. Most practice is published; the rest is spread over the other workflow
states with a recorded history to match. `after_bulk_load` runs the end-of-load steps.
"""

import random
from datetime import timedelta
from itertools import islice

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
from practices.models import (
    ExtremismForm,
    Practice,
    PracticeWords,
    Status,
    StatusChange,
    TaggedPractice,
)

PREFIX = "scale-"
DEFAULTS = {"cities": 1000, "organisations": 500, "practitioners": 5000, "practices": 20000}
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


def load_scale(cities, organisations, practitioners, practices, seed=2015):
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
    after_bulk_load()
    return {
        "cities": len(city_rows),
        "organisations": len(organisation_rows),
        "practitioners": len(practitioner_rows),
        "practices": practice_count,
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


def remove_scale_rows():
    """Remove everything an earlier scale load wrote, dependants first."""
    scale = {"slug__startswith": PREFIX}
    of_practice = {"practice__slug__startswith": PREFIX}
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
