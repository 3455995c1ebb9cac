"""The portal in English, French, Arabic and Spanish: an address per language, the switch
between them, a member's language kept on their account, emails in the reader's language,
right to left in Arabic, and each case study marked with its own language."""

import re
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import override
from taggit.models import Tag

from practices import workflow
from practices.models import Status
from scn_portal.forms import tags_from_string
from tests.contact.conftest import CONTACT, form_data
from tests.factories import CityFactory, FaqEntryFactory, PracticeFactory, UserFactory, region
from tests.scn_portal.pages import grow, visitor_pages

pytestmark = pytest.mark.django_db

HTML_LANG = re.compile(r'<html lang="([^"]+)" dir="([^"]+)">')


def head(html):
    return html[: html.index("</head>")]


def switch(html):
    return html[html.index('<nav class="language-switch"') :].split("</nav>")[0]


@pytest.mark.parametrize(
    ("path", "language", "direction", "heading"),
    [
        ("/practices/", "en", "ltr", "Practice library"),
        ("/fr/practices/", "fr", "ltr", "Bibliothèque de pratiques"),
        ("/ar/practices/", "ar", "rtl", "مكتبة الممارسات"),
        ("/es/practices/", "es", "ltr", "Biblioteca de prácticas"),
    ],
)
def test_each_page_has_an_address_per_language_and_reads_in_it(
    client, path, language, direction, heading
):
    # The browser's preference does not change what an address shows.
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="de, en;q=0.5").text
    assert HTML_LANG.search(html).groups() == (language, direction)
    assert heading in html


def test_a_language_the_portal_does_not_have_is_not_found(client):
    assert client.get("/de/practices/").status_code == 404


def test_the_page_head_names_the_page_in_every_language(client):
    html = head(client.get("/fr/cities/?region=europe").text)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/cities/",
        "x-default": "http://testserver/cities/",
        "fr": "http://testserver/fr/cities/",
        "ar": "http://testserver/ar/cities/",
        "es": "http://testserver/es/cities/",
    }
    assert '<link rel="canonical" href="http://testserver/fr/cities/">' in html


def test_a_visitor_switches_with_links_that_keep_the_page_and_its_filters(client):
    html = switch(client.get("/practices/?theme=youth&page=2").text)
    links = re.findall(
        r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" dir="([^"]+)">([^<]+)</a>', html
    )
    assert links == [
        ("/fr/practices/?theme=youth&amp;page=2", "fr", "ltr", "Français"),
        ("/ar/practices/?theme=youth&amp;page=2", "ar", "rtl", "العربيّة"),
        ("/es/practices/?theme=youth&amp;page=2", "es", "ltr", "Español"),
    ]
    assert 'aria-current="true">English</span>' in html
    assert "<form" not in html  # a visitor's page carries no token: it can be cached


def test_a_member_s_choice_is_kept_on_their_account(client, member):
    client.force_login(member)
    html = switch(client.get("/practices/?theme=youth").text)
    assert 'name="next" value="/practices/?theme=youth"' in html

    response = client.post(
        reverse("set_language"), {"language": "ar", "next": "/practices/?theme=youth"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/ar/practices/?theme=youth"
    member.refresh_from_db()
    assert member.language == "ar"
    # From another language's page, back to English.
    response = client.post(reverse("set_language"), {"language": "en", "next": "/ar/cities/"})
    assert response["Location"] == "/cities/"


def test_the_switch_never_leads_off_the_portal_nor_to_an_unknown_language(client, member):
    client.force_login(member)
    away = client.post(reverse("set_language"), {"language": "fr", "next": "https://evil.example/"})
    assert away["Location"] == "/fr/"
    unknown = client.post(reverse("set_language"), {"language": "xx", "next": "/cities/"})
    assert unknown["Location"] == "/cities/"
    member.refresh_from_db()
    assert member.language == "fr"


def test_signing_in_leads_to_the_member_s_language(client):
    UserFactory(email="nadia@example.org", password="a long and good password 42", language="fr")
    response = client.post(
        reverse("account_login") + "?next=/practices/",
        {"login": "nadia@example.org", "password": "a long and good password 42"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/practices/"


def test_a_new_member_keeps_the_language_they_signed_up_in(client, settings):
    password = "a long and good password 42"
    with override("es"):
        url = reverse("account_signup")
    assert url == "/es/accounts/signup/"
    client.post(
        url,
        {
            "email": "lucia@example.org",
            "password1": password,
            "password2": password,
            "privacy_notice": "on",
        },
    )
    from scn_portal.models import User

    assert User.objects.get(email="lucia@example.org").language == "es"
    [message] = mail.outbox
    assert "/es/accounts/confirm-email/" in message.body


def test_the_acknowledgement_is_in_the_language_of_the_page_and_staff_read_english(
    client, django_capture_on_commit_callbacks, settings
):
    settings.FORM_MIN_SECONDS = 0
    with override("fr"):
        url = reverse("contact")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form_data(client, url, **CONTACT))

    staff, ack = mail.outbox
    assert ack.to == [CONTACT["email"]]
    assert ack.subject == "Nous avons bien reçu votre message"
    assert "http://testserver/admin/" in staff.body  # the moderators' email, in English


def test_an_author_hears_of_a_decision_in_their_own_language(
    moderator, django_capture_on_commit_callbacks
):
    author = UserFactory(email="ines@example.org", language="es")
    practice = PracticeFactory(submitted_by=author, status=Status.SUBMITTED, published_at=None)
    with override("en"), django_capture_on_commit_callbacks(execute=True):
        # whatever language the moderator works in
        workflow.transition(practice, "publish", moderator)

    [message] = [m for m in mail.outbox if m.to == [author.email]]
    assert "publicad" in (message.subject + message.body).lower()
    assert f"http://testserver/es/practices/{practice.slug}/" in message.body


def test_the_sitemap_lists_each_page_in_every_language_with_its_alternates(client):
    PracticeFactory(title="Youth sport", slug="youth-sport")
    xml = client.get(reverse("sitemap")).text
    assert "<loc>http://testserver/fr/practices/youth-sport/</loc>" in xml
    assert "<loc>http://testserver/practices/youth-sport/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="ar" href="http://testserver/ar/practices/youth-sport/"/>'
        in xml
    )
    assert 'hreflang="x-default" href="http://testserver/practices/youth-sport/"' in xml


def test_dates_are_written_the_way_each_language_writes_them(client):
    practice = PracticeFactory(published_at=datetime(2025, 3, 4, 12, tzinfo=UTC))
    url = practice.get_absolute_url()
    assert "4 March 2025" in client.get(url).text
    assert "4 mars 2025" in client.get("/fr" + url).text
    assert "4 de marzo de 2025" in client.get("/es" + url).text


def test_a_case_study_is_marked_with_its_language_on_every_page_that_shows_it(client):
    practice = PracticeFactory(title="Médiateurs de quartier", language="fr")
    url = practice.get_absolute_url()
    card = client.get("/ar/practices/").text
    assert '<h3 class="card-title" lang="fr" dir="ltr">' in card
    assert '<span class="card-language">الفرنسية</span>' in card

    page = client.get(url).text
    assert f'<h1 lang="fr" dir="ltr">{practice.title}</h1>' in page
    assert '<p class="practice-summary" lang="fr" dir="ltr">' in page
    assert "<dt>Written in</dt><dd>French</dd>" in page


def test_an_arabic_case_study_runs_right_to_left_on_an_english_page(client):
    practice = PracticeFactory(title="الشباب والرياضة", slug="youth-and-sport", language="ar")
    page = client.get(practice.get_absolute_url()).text
    assert '<h1 lang="ar" dir="rtl">' in page


def test_the_library_filters_by_the_language_a_case_study_is_written_in(client):
    PracticeFactory(title="Mediators in the neighbourhood", language="en")
    PracticeFactory(title="Médiateurs de quartier", language="fr")
    PracticeFactory(title="Mediadores de barrio", language="es")

    html = client.get("/practices/?language=fr&language=es").text

    assert "Médiateurs de quartier" in html
    assert "Mediadores de barrio" in html
    assert "Mediators in the neighbourhood" not in html
    assert 'name="language" value="fr"' in html and "checked" in html


def test_names_inside_an_arabic_sentence_keep_their_direction(client):
    city = CityFactory(name="Paris", region=region("europe"))
    PracticeFactory(city=city)
    url = city.get_absolute_url()
    html = client.get("/ar" + url).text
    assert "\u2068Paris\u2069" in html
    # An English page has no isolates: nothing to reorder there.
    assert "\u2068" not in client.get(url).text


def test_an_arabic_comma_separates_themes_as_a_latin_one_does():
    assert tags_from_string("الشباب، التعليم, sport") == ["sport", "التعليم", "الشباب"]


def test_no_page_is_served_in_another_visitor_s_language_from_the_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DATA_CACHE_SECONDS = 300
    PracticeFactory()
    for path, language in [
        ("/fr/practices/", "fr"),
        ("/practices/", "en"),
        ("/ar/practices/", "ar"),
    ]:
        for _ in range(2):  # the first draws the page, the second is served from the cache
            html = client.get(path, HTTP_ACCEPT_LANGUAGE="es").text
            assert HTML_LANG.search(html).group(1) == language


@pytest.mark.parametrize("language", ["fr", "ar", "es"])
def test_every_page_a_visitor_or_member_sees_reads_in_each_language(client, site, member, language):
    """Every page answers in the language of its address, counts and all (Arabic has six
    plural forms), with the language switch leading back to English."""
    grow(site, 2)
    own = PracticeFactory(submitted_by=member, status=Status.DRAFT, city=site["city"])
    with override(language):
        pages = visitor_pages(site)
        member_pages = {
            "my contributions": reverse("practices:mine"),
            "new case study": reverse("practices:create"),
            "edit case study": reverse("practices:edit", args=[own.pk]),
            "preview": reverse("practices:preview", args=[own.pk]),
            "profile": reverse("cities:profile"),
        }
    direction = "rtl" if language == "ar" else "ltr"
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        if response["Content-Type"].startswith("text/html"):
            assert HTML_LANG.search(response.text).groups() == (language, direction), name
    client.force_login(member)
    for name, url in member_pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        assert HTML_LANG.search(response.text).groups() == (language, direction), name


def test_the_faq_reads_in_the_visitor_s_language_or_else_in_english(client):
    FaqEntryFactory(
        question="Who can join?",
        question_fr="Qui peut adhérer ?",
        answer="Any city.",
        answer_fr="Toute ville.",
    )
    french = client.get("/fr/faq/").text
    assert "Qui peut adhérer ?" in french and "Toute ville." in french
    assert "Who can join?" not in french
    spanish = client.get("/es/faq/").text  # nobody wrote it in Spanish yet
    assert "Who can join?" in spanish and "Any city." in spanish


def test_regions_and_forms_of_extremism_are_named_in_the_page_s_language(client, site):
    city = CityFactory(name="Nairobi", slug="nairobi", region=region("africa"), country="KE")
    PracticeFactory(city=city, slug="circles", extremism_forms=["far-right"])
    organisation = site["organisation"]
    organisation.cities.add(city)
    organisation.regions.add(region("africa"))
    pages = {
        "library": "/es/practices/",
        "library, text query": "/es/practices/?q=practice",
        "practice": "/es/practices/circles/",
        "city": "/es/cities/nairobi/",
        "cities": "/es/cities/",
        "organisation": f"/es/organisations/{organisation.slug}/",
        "search": "/es/search/?q=Nairobi",
    }
    for name, url in pages.items():
        html = client.get(url).text
        assert "África" in html, name
        assert ">Africa<" not in html and "Africa (" not in html, name
    for url in ("/es/practices/", "/es/practices/circles/"):
        assert "Extrema derecha" in client.get(url).text, url
    english = client.get("/practices/circles/").text
    assert "Africa" in english and "Far-right" in english


def test_themes_and_focus_areas_show_the_names_staff_gave_in_each_language(client):
    from scn_portal.models import TagName

    city = CityFactory(name="Lyon", slug="lyon", focus_areas=["education"], country="FR")
    PracticeFactory(city=city, slug="clubs", themes=["youth engagement"])
    names = {"youth engagement": "engagement des jeunes", "education": "éducation"}
    for tag in Tag.objects.filter(name__in=names):
        TagName.objects.create(tag=tag, name_fr=names[tag.name])

    pages = {
        "library (card and facet)": "/fr/practices/",
        "practice": "/fr/practices/clubs/",
        "city": "/fr/cities/lyon/",
        "cities (focus filter)": "/fr/cities/",
    }
    for name, url in pages.items():
        html = client.get(url).text
        assert "engagement des jeunes" in html or "éducation" in html, name
        assert ">youth engagement<" not in html and ">education<" not in html, name
    library = client.get("/fr/practices/").text
    assert "<li>engagement des jeunes</li>" in library  # the card
    assert '>engagement des jeunes <span class="facet-count">' in library  # the filter
    assert ">éducation</a>" in client.get("/fr/cities/lyon/").text
    # Nobody named them in Spanish: the tag's own name shows.
    assert ">youth engagement<" in client.get("/es/practices/clubs/").text
    assert "engagement des jeunes" not in client.get("/practices/clubs/").text


def test_data_kept_in_the_cache_is_kept_per_language(client, settings):
    """Choices and map markers kept in the data cache carry names and addresses in the
    page's language: each language has its own."""
    settings.DATA_CACHE_SECONDS = 300
    CityFactory(name="Nairobi", slug="nairobi", region=region("africa"), country="KE")
    assert "Africa" in client.get("/cities/").text
    assert '"url": "/cities/nairobi/"' in client.get("/cities/map.json").text

    french = client.get("/fr/cities/").text
    assert "Afrique" in french and ">Africa<" not in french
    assert '"url": "/fr/cities/nairobi/"' in client.get("/fr/cities/map.json").text


def test_on_a_page_that_does_not_exist_the_switch_leads_to_each_language_s_home(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert HTML_LANG.search(response.text).group(1) == "fr"
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', switch(response.text))
    assert links == [("/", "en"), ("/ar/", "ar"), ("/es/", "es")]
