"""Stored cross-site scripting: a payload saved in every text field a page renders comes back
escaped (or, where rich text is allowed, sanitised), never as live markup.

Each field holds its own marker followed by the payload, so a row proves the field is on the
page (the marker) and harmless there (no live <script> or event handler).
"""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from practices.models import SECTIONS, Status, StatusChange
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    FaqEntryFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
)
from tests.security.pending import row

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script> \"'><img src=x onerror=alert(2)>"
LIVE_MARKUP = ("<script>alert(1)", "<img src=x onerror")
PRACTICE_TEXT_FIELDS = ["summary", *SECTIONS]


def evil(marker):
    return f"xss{marker} {PAYLOAD}"


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
    return {"city": city, "organisation": organisation, "practitioner": practitioner}


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

    response = client.get(url)

    assert response.status_code == 200
    text = response.content.decode()
    for marker in markers:
        assert f"xss{marker}" in text, f"{marker} is not rendered on {url}"
    for live in LIVE_MARKUP:
        assert live not in text


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
