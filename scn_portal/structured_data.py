"""What the portal's public pages say about themselves to machines: schema.org descriptions,
written into each page as JSON-LD, so that search engines, reference managers and other
networks read a practice, a city, an organisation, a story or an event without scraping it.

One function per kind of page. Each takes the objects its page already has in its context
(read lazily there: these functions read nothing more from the database) and returns a dict
that the template writes with the `ld_json` filter (scn_portal/templatetags/structured_data.py).
Only what the page shows everyone goes in: never an email address, a practitioner, a status
or a staff note. Addresses are absolute (SITE_URL), so the data means the same off the page.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext

from scn_portal.languages import tag_name

SCHEMA = "https://schema.org"
# The licence the portal's content is published under, unless the content says otherwise.
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# Search engines read at most this much of an article's headline; `name` keeps the whole title.
HEADLINE_LENGTH = 110


def absolute(path):
    return settings.SITE_URL + path


def practice_permanent_address(practice):
    """The address a practice keeps whatever its title (and so its slug) becomes, in the
    site's language, whose addresses carry no language prefix: /practices/id/<pk>/."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("practices:permalink", args=[practice.pk]))


def network():
    """The Strong Cities Network, publisher of everything on the portal."""
    return {"@type": "Organization", "name": gettext("Strong Cities Network"), "url": absolute("/")}


def _date(moment):
    """ISO 8601 to the second with its offset (UTC as stored), or None."""
    return moment.replace(microsecond=0).isoformat() if moment else None


def _without_empty(data):
    """`data` without the properties that have no value: an empty property says nothing."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def city_place(city):
    """A member city as a schema.org City: its name, country, coordinates and page."""
    geo = None
    if city.latitude is not None and city.longitude is not None:
        geo = {
            "@type": "GeoCoordinates",
            "latitude": float(city.latitude),
            "longitude": float(city.longitude),
        }
    return _without_empty(
        {
            "@type": "City",
            "name": city.name,
            "url": absolute(city.get_absolute_url()),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": city.name,
                "addressCountry": city.country.code,
            },
            "geo": geo,
        }
    )


def practice_data(practice, themes=(), adapted_from=()):
    """A published case study as an Article: `themes` and `adapted_from` are the page's lists
    of {key, label} rows (practices.views.linked_items)."""
    address = practice_permanent_address(practice)
    return _without_empty(
        {
            "@context": SCHEMA,
            "@type": "Article",
            "@id": address,
            "url": address,
            "mainEntityOfPage": absolute(practice.get_absolute_url()),
            "headline": Truncator(practice.title).chars(HEADLINE_LENGTH),
            "name": practice.title,
            "description": practice.summary,
            "datePublished": _date(practice.published_at or practice.updated_at),
            "dateModified": _date(practice.updated_at),
            "inLanguage": practice.language,
            "keywords": [tag_name(theme["label"]) for theme in themes],
            "contentLocation": city_place(practice.city) if practice.city_id else None,
            "publisher": network(),
            "license": LICENCE_URL,
            "isBasedOn": [
                absolute(reverse("practices:detail", args=[other["key"]])) for other in adapted_from
            ],
        }
    )


def city_data(city):
    """A member city's page: the City, in its country, with its profile and own website."""
    place = city_place(city)
    return _without_empty(
        {
            "@context": SCHEMA,
            **place,
            "@id": place["url"],
            "description": city.profile,
            "containedInPlace": {"@type": "Country", "name": str(city.country.name)},
            "sameAs": city.website,
        }
    )


def organisation_data(organisation):
    """A partner organisation's page: the Organization, its own website and where it works."""
    page = absolute(organisation.get_absolute_url())
    return _without_empty(
        {
            "@context": SCHEMA,
            "@type": "Organization",
            "@id": page,
            "name": organisation.name,
            "url": page,
            "description": organisation.description,
            "sameAs": organisation.website,
            "areaServed": [
                {"@type": "Country", "name": str(country.name)}
                for country in organisation.countries
            ],
        }
    )


def story_data(story, themes=()):
    """A news story as a NewsArticle: `themes` are the page's (slug, name, ...) rows
    (news.views.linked_items). Staff write for the network, which is named as the author."""
    page = absolute(story.get_absolute_url())
    image = None
    if story.image:
        image = _without_empty(
            {
                "@type": "ImageObject",
                "url": absolute(story.image_url),
                "width": story.image_width,
                "height": story.image_height,
                "caption": story.image_alt,
            }
        )
    return _without_empty(
        {
            "@context": SCHEMA,
            "@type": "NewsArticle",
            "@id": page,
            "url": page,
            "headline": Truncator(story.title).chars(HEADLINE_LENGTH),
            "name": story.title,
            "description": story.standfirst,
            "datePublished": _date(story.publish_at),
            "dateModified": _date(story.updated_at),
            "inLanguage": story.language,
            "image": image,
            "keywords": [tag_name(name) for _slug, name, *_rest in themes],
            "author": network(),
            "publisher": network(),
        }
    )


def event_location(event, page):
    """Where an event takes place: its venue (a Place in its city), its online side (a
    VirtualLocation: the organiser's registration link, else the event's page), or both."""
    places = []
    if event.venue:
        if event.city_id:
            address = {
                "@type": "PostalAddress",
                "addressLocality": event.city.name,
                "addressCountry": event.city.country.code,
            }
        else:
            address = event.venue
        places.append({"@type": "Place", "name": event.venue, "address": address})
    if event.online:
        places.append({"@type": "VirtualLocation", "url": event.registration_url or page})
    return places[0] if len(places) == 1 else places


def event_attendance_mode(event):
    mode = ("Mixed" if event.venue else "Online") if event.online else "Offline"
    return f"{SCHEMA}/{mode}EventAttendanceMode"


def event_data(event):
    """An event's page: the Event with its times in its own time zone (with their offset),
    where it takes place and who organises it. The organiser's email is never part of it."""
    page = absolute(event.get_absolute_url())
    if event.organiser_id:
        organiser = {
            "@type": "Organization",
            "name": event.organiser.name,
            "url": absolute(event.organiser.get_absolute_url()),
        }
    else:
        organiser = network()
    return _without_empty(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "@id": page,
            "url": page,
            "name": event.title,
            "description": event.summary,
            "startDate": event.starts_at.astimezone(event.zone).isoformat(),
            "endDate": event.ends_at.astimezone(event.zone).isoformat(),
            # The portal has no cancelled or moved events: a published one takes place.
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "eventAttendanceMode": event_attendance_mode(event),
            "location": event_location(event, page),
            "organizer": organiser,
            "inLanguage": event.language,
            "keywords": [tag_name(theme.name) for theme in event.themes.all()],
        }
    )
