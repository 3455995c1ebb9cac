"""Stored cross-site scripting: a payload saved in every text field a page renders comes back
escaped (or, where rich text is allowed, sanitised), never as live markup.

Each field holds its own marker followed by the payload, so a row proves the field is on the
page (the marker) and harmless there (no live <script> or event handler).
"""

import xml.etree.ElementTree as ET
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from icalendar import Calendar

from practices.models import SECTIONS, Status, StatusChange
from resources.models import ResourceStatusChange
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    EventFactory,
    FaqEntryFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    ResourceFactory,
    StoryFactory,
    region,
)
from tests.security.pending import row

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script> \"'><img src=x onerror=alert(2)>"
LIVE_MARKUP = ("<script>alert(1)", "<img src=x onerror", 'href="javascript:', "<b onmouseover")
# Where staff write rich text (the small Markdown subset, scn_portal/richtext.py): links
# whose address runs script, in Markdown and in HTML.
RICH_PAYLOAD = (
    f'{PAYLOAD} [a link](javascript:alert(3)) <a href="javascript:alert(4)">b</a> '
    '<b onmouseover="alert(5)">c</b>'
)
PRACTICE_TEXT_FIELDS = ["summary", *SECTIONS]


def evil(marker):
    return f"xss{marker} {PAYLOAD}"


def evil_rich(marker):
    return f"xss{marker} {RICH_PAYLOAD}"


@pytest.fixture
def evil_cast(author):
    """Objects with a payload in every text field that any page renders."""
    city = CityFactory(
        name=evil("cityname"),
        slug="evil-city",
        profile=evil("cityprofile"),
        description=evil("citydescription"),
        focus_areas=[evil("cityfocus")],
    )
    organisation = PartnerOrganisationFactory(
        name=evil("orgname"), slug="evil-org", description=evil("orgdescription")
    )
    organisation.cities.add(city)
    organisation.focus_areas.add(evil("orgfocus"))
    practitioner = PractitionerFactory(
        full_name=evil("practitionername"),
        slug="evil-practitioner",
        role_title=evil("practitionerrole"),
        bio=evil("practitionerbio"),
        city=city,
        organisation=organisation,
    )
    practitioner.expertise.add(evil("practitionerexpertise"))
    practice = PracticeFactory(
        title=evil("practicetitle"),
        slug="evil-practice",
        city=city,
        submitted_by=author,
        themes=[evil("practicetheme")],
        **{name: evil(f"practice{name}") for name in PRACTICE_TEXT_FIELDS},
    )
    practice.organisations.add(organisation)
    AttachmentFactory(practice=practice, title=evil("attachmenttitle"))
    returned = PracticeFactory(
        title=evil("returnedtitle"),
        slug="evil-returned",
        city=city,
        submitted_by=author,
        status=Status.CHANGES_REQUESTED,
    )
    StatusChange.objects.create(
        practice=returned,
        actor=None,
        from_status=Status.SUBMITTED,
        to_status=Status.CHANGES_REQUESTED,
        reason=evil("moderatorreason"),
    )
    FaqEntryFactory(question=evil("faqquestion"), answer=evil("faqanswer"))
    hub = region(city.region.slug)
    hub.name = evil("regionname")
    hub.hub_name = evil("hubname")
    hub.hub_intro = evil("hubintro")
    hub.save()
    hub.team.add(practitioner)
    story = StoryFactory(
        title=evil("storytitle"),
        slug="evil-story",
        standfirst=evil("storystandfirst"),
        body=evil_rich("storybody"),
        with_image=True,
        image_alt=evil("storyimagealt"),
        regions=[hub],
        cities=[city],
        practices=[practice],
        themes=[evil("storytheme")],
    )
    event = EventFactory(
        title=evil("eventtitle"),
        slug="evil-event",
        summary=evil("eventsummary"),
        description=evil_rich("eventdescription"),
        venue=evil("eventvenue"),
        city=city,
        region=hub,
        organiser=organisation,
        themes=[evil("eventtheme")],
    )
    EventFactory(
        title=evil("pasteventtitle"),
        summary=evil("pasteventsummary"),
        starts_at=event.starts_at - timedelta(days=60),
        ends_at=event.starts_at - timedelta(days=60) + timedelta(hours=2),
        city=city,
        region=hub,
    )
    resource = ResourceFactory(
        title=evil("resourcetitle"),
        slug="evil-resource",
        summary=evil("resourcesummary"),
        publisher=organisation,
        regions=[hub.slug],
        themes=[evil("resourcetheme")],
    )
    suggestion = ResourceFactory(
        title=evil("suggestiontitle"),
        slug="evil-suggestion",
        suggested_by=author,
        status=Status.CHANGES_REQUESTED,
        published_at=None,
    )
    ResourceStatusChange.objects.create(
        resource=suggestion,
        from_status=Status.SUBMITTED,
        to_status=Status.CHANGES_REQUESTED,
        reason=evil("resourcereason"),
    )
    return {
        "city": city,
        "organisation": organisation,
        "practitioner": practitioner,
        "hub": hub,
        "story": story,
        "event": event,
        "resource": resource,
    }


PRACTICE_BODY = [f"practice{name}" for name in PRACTICE_TEXT_FIELDS]
# (url name, kwargs, who looks, the markers of the fields the page must render)
PAGES = [
    ("home", None, "visitor", ["practicetitle", "practicesummary", "cityname", "practicetheme"]),
    ("practices:list", None, "visitor", ["practicetitle", "practicesummary", "practicetheme"]),
    (
        "practices:detail",
        {"slug": "evil-practice"},
        "visitor",
        ["practicetitle", "cityname", "orgname", "practicetheme", "attachmenttitle"]
        + PRACTICE_BODY,
    ),
    ("practices:feed", None, "visitor", ["practicetitle"]),
    ("search", None, "visitor", ["practicetitle"]),
    ("cities:list", None, "visitor", ["cityname", "cityprofile"]),
    (
        "cities:detail",
        {"slug": "evil-city"},
        "member",
        ["cityname", "cityprofile", "citydescription", "cityfocus", "orgname", "practicetitle"]
        + ["practitionername"],
    ),
    ("cities:organisations", None, "visitor", ["orgname"]),
    (
        "cities:organisation",
        {"slug": "evil-org"},
        "visitor",
        ["orgname", "orgdescription", "orgfocus", "cityname", "practicetitle"],
    ),
    ("cities:practitioners", None, "member", ["practitionername", "practitionerrole"]),
    (
        "cities:practitioner",
        {"slug": "evil-practitioner"},
        "member",
        ["practitionername", "practitionerrole", "practitionerbio", "practitionerexpertise"],
    ),
    ("faq", None, "visitor", ["faqquestion", "faqanswer"]),
    ("practices:mine", None, "author", ["practicetitle", "returnedtitle", "moderatorreason"]),
    # news, events, the resource hub and the regional hubs (issue 20)
    ("home", None, "visitor", ["storytitle", "storystandfirst", "eventtitle"]),
    (
        "news:list",
        None,
        "visitor",
        ["storytitle", "storystandfirst", "storytheme", "storyimagealt", "regionname"],
    ),
    (
        "news:detail",
        {"slug": "evil-story"},
        "visitor",
        ["storytitle", "storystandfirst", "storybody", "storyimagealt", "storytheme"]
        + ["regionname", "cityname", "practicetitle"],
    ),
    ("events:list", None, "visitor", ["eventtitle", "eventsummary", "regionname"]),
    ("events:past", None, "visitor", ["pasteventtitle", "pasteventsummary", "regionname"]),
    (
        "events:detail",
        {"slug": "evil-event"},
        "visitor",
        ["eventtitle", "eventsummary", "eventdescription", "eventvenue", "eventtheme", "orgname"],
    ),
    ("events:detail", {"slug": "evil-event"}, "member", ["eventtitle", "eventdescription"]),
    ("resources:list", None, "visitor", ["resourcetitle", "resourcesummary", "resourcetheme"]),
    ("resources:list", None, "visitor", ["regionname", "orgname"]),
    (
        "resources:detail",
        {"slug": "evil-resource"},
        "visitor",
        ["resourcetitle", "resourcesummary", "resourcetheme", "regionname", "orgname"],
    ),
    ("resources:mine", None, "author", ["suggestiontitle", "resourcereason"]),
    (
        "resources:detail",
        {"slug": "evil-suggestion"},
        "author",
        ["suggestiontitle"],
    ),
    ("cities:regions", None, "visitor", ["regionname", "hubname", "hubintro"]),
    (
        "cities:region",
        {"slug": "europe"},
        "visitor",
        ["regionname", "hubname", "hubintro", "storytitle", "eventtitle", "resourcetitle"]
        + ["cityname", "practicetitle"],
    ),
    ("cities:region", {"slug": "europe"}, "member", ["hubname", "practitionername"]),
    ("contact", None, "visitor", ["hubname"]),
]
# Search results, one group at a time: (kind, the word searched, markers).
SEARCHES = [
    ("story", "xssstorytitle", ["storytitle", "storystandfirst"]),
    ("event", "xsseventtitle", ["eventtitle", "eventsummary"]),
    ("resource", "xssresourcetitle", ["resourcetitle", "resourcesummary"]),
]


@pytest.mark.parametrize(
    ("name", "kwargs", "role", "markers"),
    [row(*page, url_names=[page[0]], id=f"{page[0]} as {page[2]}") for page in PAGES],
)
def test_stored_payloads_come_back_harmless(
    request, client, evil_cast, name, kwargs, role, markers
):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    url = reverse(name, kwargs=kwargs)
    if name == "search":
        url += "?q=xsspracticetitle"

    assert_harmless(client, url, markers)


def assert_harmless(client, url, markers):
    response = client.get(url)

    assert response.status_code == 200
    text = response.content.decode()
    for marker in markers:
        assert f"xss{marker}" in text, f"{marker} is not rendered on {url}"
    for live in LIVE_MARKUP:
        assert live not in text, f"{live} is live on {url}"


@pytest.mark.parametrize(("kind", "query", "markers"), SEARCHES)
def test_stored_payloads_come_back_harmless_in_search_results(
    client, evil_cast, kind, query, markers
):
    assert_harmless(client, f"{reverse('search')}?q={query}&kind={kind}", markers)
    assert_harmless(client, f"{reverse('search')}?q={query}", markers[:1])


@pytest.mark.parametrize(
    ("name", "markers"),
    [("news:feed", ["storytitle", "storystandfirst"]), ("practices:feed", ["practicetitle"])],
)
def test_feeds_carry_payloads_as_escaped_text(client, evil_cast, name, markers):
    """A feed reader renders an entry's title as text and its summary as HTML: the payload
    arrives as text in both, never as elements."""
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(client.get(reverse(name)).content)  # noqa: S314 (our own feed)
    entries = root.findall(f"{atom}entry")
    assert entries
    texts = []
    for entry in entries:
        texts.append(entry.find(f"{atom}title").text)
        summary = entry.find(f"{atom}summary")
        if summary is not None:
            rendered = Elements(summary.text)
            assert all(tag == "br" for tag, _attrs in rendered.tags), rendered.tags
            texts.append("".join(rendered.text))
    for marker in markers:
        assert any(text and f"xss{marker} {PAYLOAD}" in text for text in texts), marker


def test_a_calendar_file_carries_each_field_as_one_value(client, evil_cast):
    """iCalendar is text, not HTML: a payload stays as written, but a line break in a field
    must not start a property or component of its own (a forged attachment, an alarm, a
    second event)."""
    event = evil_cast["event"]
    injected = (
        "\r\nATTACH:https://evil.example/x.exe\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged"
    )
    event.title = evil("eventtitle") + injected
    event.venue = evil("eventvenue") + injected
    event.save()
    for url in [reverse("events:ics", args=[event.slug]), reverse("events:calendar")]:
        response = client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        calendar = Calendar.from_ical(response.content)
        events = calendar.walk("VEVENT")
        assert len(events) == 1, url
        # The value as written (iCalendar knows one kind of line break: \n).
        assert str(events[0]["SUMMARY"]) == event.title.replace("\r\n", "\n")
        assert str(events[0]["LOCATION"]) == event.venue.replace("\r\n", "\n")
        assert "ATTACH" not in events[0]
        assert "forged" not in [str(e.get("SUMMARY")) for e in events]


class Elements(HTMLParser):
    """The elements and the text a feed reader gets from a piece of HTML."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_a_summary_reaches_feed_readers_as_the_text_the_member_wrote(client):
    """Atom carries the summary as HTML (type="html"), which feed readers render: a member's
    plain text must arrive escaped, its markup shown as written, its line breaks kept."""
    summary = (
        "Youth & police, 1 < 2\n"
        f'{PAYLOAD} <a href="javascript:alert(3)">a link</a> <b onmouseover="alert(4)">b</b>'
    )
    PracticeFactory(title="Feed practice", summary=summary)
    atom = "{http://www.w3.org/2005/Atom}"

    root = ET.fromstring(client.get(reverse("practices:feed")).content)  # noqa: S314 (our own feed)

    element = root.find(f"{atom}entry/{atom}summary")
    assert element.get("type") == "html"
    rendered = Elements(element.text)
    assert rendered.tags == [("br", [])]
    assert "".join(rendered.text) == summary.replace("\n", "")
