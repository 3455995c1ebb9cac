"""Fuzzing: hostile input to every list page's query string and to every form of the site.

Whatever arrives — unicode from every script, NUL bytes, 20,000-character strings, SQL and
HTML fragments, numbers out of range — the portal answers with a page, a validation error or
a 404, never a 5xx; and a form that refuses its input stores nothing at all.

Query-string parameters come from LIST_PAGES plus the fields of the page's own filter form;
form fields are discovered by reading each form page's <form method="post"> with
html.parser, so a new field is fuzzed without touching this file; buttons that post to an
action of their own get arbitrary POST data. Every URL name outside the admin is listed here
or as reading no input, checked against the URL configuration. Rows for pages still being
built are skipped through tests/security/pending.py. Examples are bounded for CI.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from allauth.account import fields as allauth_fields
from allauth.account.forms import SignupForm
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import from_form, register_field_strategy

from scn_portal.models import User
from tests.security.pending import row
from tests.security.test_permission_matrix import named_patterns

pytestmark = pytest.mark.django_db

FUZZ_SETTINGS = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "abc\x00def",
        "' OR '1'='1' --",
        '"; DROP TABLE practices_practice; --',
        "1; SELECT pg_sleep(0)",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "{{ settings.SECRET_KEY }}",
        "{% debug %}",
        "%00%27%22",
        "../../../../etc/passwd",
        "-1",
        "0",
        "99999999999999999999999",
        "1e309",
        "NaN",
        "2024-13-45",
        "مدينة قوية",
        "Сильные города",
        "\u202etxt.exe",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏙️",
        "a" * 300,
    ]
)
HUGE = st.sampled_from(["x" * 20_000, "ü" * 5_000 + "\x00", "word " * 4_000])
ANY_TEXT = st.text(max_size=60)  # every code point but surrogates, NUL included
VALUE = st.one_of(NASTY, ANY_TEXT, HUGE, st.integers().map(str))


# --- reading forms -----------------------------------------------------------------------


class FormReader(HTMLParser):
    """Collects each <form>: method, action, and its fields (name -> kind, options)."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "fields": {},
                    "buttons": [],
                    "has_csrf": False,
                }
            )
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = attrs.get("name")
        if tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if name == "csrfmiddlewaretoken":
                form["has_csrf"] = True
            elif kind == "submit" and name:
                form["buttons"].append((name, attrs.get("value") or ""))
            elif name:
                field = form["fields"].setdefault(name, {"kind": kind, "options": []})
                if kind in ("checkbox", "radio"):
                    field["options"].append(attrs.get("value") or "on")
        elif tag == "button" and name:
            form["buttons"].append((name, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            form["fields"][name] = {"kind": "textarea", "options": []}
        elif tag == "select" and name:
            self._select = form["fields"][name] = {
                "kind": "select-multiple" if "multiple" in attrs else "select",
                "options": [],
            }
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def read_forms(response):
    reader = FormReader()
    reader.feed(response.content.decode())
    return reader.forms


def own_forms(response, url, method):
    """The forms of the page that submit to the page itself (not the header's search box or
    sign-out button)."""
    path = urlsplit(url).path
    return [
        form
        for form in read_forms(response)
        if form["method"] == method and urlsplit(form["action"]).path in ("", path)
    ]


def field_value(field):
    """Mostly hostile, sometimes one of the field's own options so validation goes deeper."""
    options = [option for option in field["options"] if option]
    if field["kind"] == "file":
        return st.sampled_from(
            [
                lambda: SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"\x00" * 64),
                lambda: SimpleUploadedFile("evil.pdf", b"<script>alert(1)</script>"),
                lambda: SimpleUploadedFile("../../x.pdf", b""),
            ]
        ).map(lambda make: make())
    single = st.one_of(st.sampled_from(options), VALUE) if options else VALUE
    if field["kind"] == "select-multiple":
        return st.lists(single, max_size=3)
    return single


def form_data(form):
    fields = {name: field_value(field) for name, field in form["fields"].items()}
    data = st.fixed_dictionaries({}, optional=fields)
    if form["buttons"]:
        data = st.tuples(data, st.sampled_from(form["buttons"])).map(
            lambda pair: {**pair[0], pair[1][0]: pair[1][1]}
        )
    return data


# --- what must hold after every request --------------------------------------------------

COUNTED_APPS = {
    "scn_portal",
    "cities",
    "practices",
    "news",
    "events",
    "resources",
    "account",
    "taggit",
    "auth",
    "admin",
}


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in COUNTED_APPS
    }


def assert_answered(response, url):
    assert response.status_code < 500, f"{response.status_code} from {url}"


# --- query strings of list pages ---------------------------------------------------------

# (url name, signed-in role or None, the parameters the issues give the page[, a query
# string every fuzzed one starts with])
LIST_PAGES = [
    ("home", None, []),
    ("practices:list", None, ["q", "region", "country", "city", "theme", "extremism"]),
    ("practices:list", None, ["evidence", "stage", "year_from", "year_to", "page", "sort"]),
    ("cities:list", None, ["q", "region", "country", "focus", "sort", "page"]),
    ("cities:map", None, ["q", "region", "country", "focus", "sort"]),
    ("cities:organisations", None, ["kind", "region", "page"]),
    ("cities:practitioners", "member", ["q", "sector", "city", "region", "page"]),
    ("search", None, ["q", "page", "kind"]),
    ("search", "member", ["q", "page", "kind"]),
    # One group of results, paginated: the page a "more" link leads to.
    ("search", None, ["q", "page"], "kind=story&q=cast"),
    ("search", None, ["q", "page"], "kind=event&q=cast"),
    ("search", None, ["q", "page"], "kind=resource&q=cast"),
    ("search", "author", ["q", "page"], "kind=resource&q=suggestion"),
    ("practices:mine", "author", ["page", "status"]),
    ("practices:feed", None, ["page"]),
    ("cities:regions", None, []),
    ("news:list", None, ["region", "theme", "page"]),
    ("news:list", None, ["theme", "page"], "region=europe"),
    ("news:feed", None, ["region", "theme", "page"]),
    ("events:list", None, ["kind", "region", "language", "page"]),
    ("events:list", "member", ["kind", "region", "language", "page"]),
    ("events:past", None, ["kind", "region", "language", "page"]),
    ("events:calendar", None, ["region", "page"]),
    ("resources:list", None, ["q", "kind", "theme", "region", "language", "year", "page"]),
    ("resources:list", None, ["q", "kind", "theme", "year", "page"], "region=europe&kind=guide"),
    ("resources:mine", "author", ["page"]),
    # open data (issue 21): the API's lists take their pages' filters
    ("api:practices_list", None, ["q", "region", "country", "city", "theme", "form", "page"]),
    ("api:practices_list", None, ["evidence", "stage", "language", "year_from", "year_to"]),
    ("api:cities_list", None, ["q", "region", "country", "focus", "sort", "page"]),
    ("api:organisations_list", None, ["q", "kind", "region", "page"]),
    ("api:news_list", None, ["region", "theme", "page"]),
    ("api:events_list", None, ["kind", "region", "language", "page"]),
    ("api:events_past", None, ["kind", "region", "language", "page"]),
    ("api:resources_list", None, ["q", "kind", "theme", "region", "language", "year", "page"]),
    ("api:schema", None, ["format", "lang"]),
    ("opendata:docs", None, []),
]

# The downloads of a filtered list: (kind, the parameters of its page). Read to the end: a
# download is streamed, so an error would only show while its rows are written.
DOWNLOADS = [
    ("practices", ["q", "region", "country", "city", "theme", "form", "evidence", "year_from"]),
    ("cities", ["q", "region", "country", "focus", "sort"]),
    ("organisations", ["q", "kind", "region"]),
]


def list_page_params():
    params = []
    for name, role, names, *base in LIST_PAGES:
        start = base[0] if base else ""
        label = f"{name}{'?' + start if start else ''} as {role or 'visitor'}"
        params.append(row(name, role, names, start, url_names=[name], id=label))
    return params


@pytest.mark.parametrize(("name", "role", "params", "start"), list_page_params())
def test_list_pages_survive_any_query_string(request, client, cast, name, role, params, start):
    if role:
        client.force_login(request.getfixturevalue(role))
    url = reverse(name)
    page = client.get(f"{url}?{start}" if start else url)
    assert page.status_code == 200
    discovered = {field for form in own_forms(page, url, "get") for field in form["fields"]}
    names = sorted(set(params) | discovered) or ["q"]

    @FUZZ_SETTINGS
    @given(query=st.lists(st.tuples(st.sampled_from(names), VALUE), max_size=5))
    def check(query):
        full = f"{url}?{'&'.join(part for part in (start, urlencode(query)) if part)}"
        assert_answered(client.get(full), full)

    check()


@pytest.mark.parametrize(("kind", "params"), DOWNLOADS)
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_downloads_survive_any_query_string(client, cast, settings, kind, params, fmt):
    settings.API_RATE_LIMIT = "100000/min"
    url = reverse("api:download", kwargs={"kind": kind, "fmt": fmt})

    @FUZZ_SETTINGS
    @given(query=st.lists(st.tuples(st.sampled_from([*params, "page"]), VALUE), max_size=5))
    def check(query):
        full = f"{url}?{urlencode(query)}"
        response = client.get(full)
        assert response.status_code == 200, full
        b"".join(response.streaming_content)

    check()


# --- forms -------------------------------------------------------------------------------

# (url name, kwargs from the cast, who fills it in[, the query string of the form's page])
FORM_PAGES = [
    ("account_login", None, None),
    ("account_signup", None, None),
    ("account_reset_password", None, None),
    ("account_change_password", None, "member"),
    ("account_email", None, "member"),
    ("account_reauthenticate", None, "member"),
    ("contact", None, None),
    # From a regional hub's page: the hub already chosen.
    ("contact", None, None, "region=europe"),
    ("contact", None, None, "region=%00'<x>"),
    ("cities:join", None, None),
    ("cities:contact_practitioner", lambda c: {"slug": c.members_only_practitioner.slug}, "member"),
    ("cities:profile", None, "member"),
    ("practices:create", None, "member"),
    ("practices:edit", lambda c: {"pk": c.authors_draft.pk}, "author"),
    ("account_set_password", None, "passwordless_member"),
    ("events:interest", lambda c: {"slug": c.event.slug}, "member"),
    ("resources:suggest", None, "member"),
    ("resources:edit", lambda c: {"pk": c.returned_suggestion.pk}, "author"),
    ("privacy:delete", None, "member"),
]


def form_page_params():
    params = []
    for name, kwargs, role, *query in FORM_PAGES:
        query = query[0] if query else ""
        label = f"{name}{'?' + query if query else ''} as {role or 'visitor'}"
        params.append(row(name, kwargs, role, query, url_names=[name], id=label))
    return params


@pytest.mark.parametrize(("name", "kwargs", "role", "query"), form_page_params())
def test_forms_answer_any_input_and_never_half_save(
    request, client, cast, django_capture_on_commit_callbacks, name, kwargs, role, query
):
    if role:
        client.force_login(request.getfixturevalue(role))
    url = reverse(name, kwargs=kwargs(cast) if kwargs else None)
    page = client.get(f"{url}?{query}" if query else url)
    assert page.status_code == 200
    forms = own_forms(page, url, "post")
    assert forms, f"no form posting to {url}"
    for form in forms:
        assert form["has_csrf"], f"a form on {url} has no CSRF token"

    @FUZZ_SETTINGS
    @given(data=st.one_of(*(form_data(form) for form in forms)))
    def check(data):
        cache.clear()  # rate limits would soon answer everything with 429
        before = row_counts()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert_answered(response, url)
        if response.status_code != 302:
            # Refused or re-displayed with errors: nothing of it may have been stored.
            assert row_counts() == before, f"{url} stored rows but answered {response.status_code}"

    check()


# --- actions: buttons that post to a page of their own -------------------------------------

# (url name, kwargs from the cast, who presses the button). Whatever else arrives in the
# POST, the answer is a page, a redirect or a 404, never a 5xx.
POST_ACTIONS = [
    # Accepting the privacy notice, with any "next".
    ("privacy:accept", None, "member"),
    ("practices:submit", lambda c: {"pk": c.authors_draft.pk}, "author"),
    ("practices:withdraw", lambda c: {"pk": c.submitted.pk}, "author"),
    ("practices:propose_update", lambda c: {"pk": c.published.pk}, "author"),
    (
        "practices:attachment_delete",
        lambda c: {"pk": c.other_members_draft.pk, "attachment_pk": c.draft_attachment.pk},
        "other_member",
    ),
    ("cities:claim", lambda c: {"slug": c.public_practitioner.slug}, "member"),
    # The interest button on an event's page, pressed for an event that takes none.
    ("events:interest", lambda c: {"slug": c.linked_event.slug}, "member"),
    ("events:interest", lambda c: {"slug": c.past_event.slug}, "member"),
    ("account_logout", None, "member"),
    ("set_language", None, "member"),
    ("set_language", None, None),
    ("account_confirm_email", lambda c: {"key": "MQ:1abcde:forged-key"}, None),
    ("account_reset_password_from_key", lambda c: {"uidb36": "1", "key": "forged"}, None),
    ("account_confirm_login_code", None, None),
]


@pytest.mark.parametrize(
    ("name", "kwargs", "role"),
    [
        row(name, kwargs, role, url_names=[name], id=f"{name} as {role or 'visitor'}")
        for name, kwargs, role in POST_ACTIONS
    ],
)
def test_actions_answer_any_posted_data(
    request, client, cast, django_capture_on_commit_callbacks, name, kwargs, role
):
    url = reverse(name, kwargs=kwargs(cast) if kwargs else None)
    user = request.getfixturevalue(role) if role else None

    @FUZZ_SETTINGS
    @given(data=st.dictionaries(st.one_of(NASTY, st.sampled_from(["action", "next"])), VALUE))
    def check(data):
        cache.clear()
        if user:  # signing out in one example must not sign out the next
            client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert_answered(response, url)

    check()


# Pages that read nothing from the request but their address.
NO_INPUT = {
    "about",
    "faq",
    "healthz",
    "readyz",
    "robots",
    "sitemap",
    "contact_thanks",
    "cities:join_thanks",
    "cities:detail",
    "cities:organisation",
    "cities:practitioner",
    "practices:detail",
    "practices:permalink",
    "practices:attachment",
    "practices:preview",
    "cities:region",
    "news:detail",
    "news:image",
    "events:detail",
    "events:ics",
    "resources:detail",
    "resources:file",
    "account_inactive",
    "account_email_verification_sent",
    "account_reset_password_done",
    "account_reset_password_from_key_done",
    "privacy:notice",
    "privacy:mine",
    "privacy:download",
}


def test_every_page_outside_the_admin_is_fuzzed_or_reads_no_input():
    """The URL names come from the URL configuration: a new page fails here until it is
    fuzzed (or listed as reading no input). The admin is staff-only Django code."""
    fuzzed = {entry[0] for entry in LIST_PAGES + FORM_PAGES + POST_ACTIONS} | NO_INPUT
    fuzzed |= {"api:download"}  # test_downloads_survive_any_query_string
    # A record of the API reads nothing but its address.
    fuzzed |= {name for name in named_patterns() if re.fullmatch(r"api:\w+_record", name)}
    names = {name for name in named_patterns() if not name.startswith("admin:")}
    assert sorted(names - fuzzed) == []


# --- sign-up through hypothesis's Django extra ----------------------------------------------
# from_form builds sign-ups from the form's own fields, so many of them are valid and reach
# the code that saves; allauth's own field classes need telling what to draw.
register_field_strategy(allauth_fields.EmailField, st.one_of(st.emails(), VALUE))
register_field_strategy(
    allauth_fields.PasswordField, st.one_of(st.text(min_size=12, max_size=40), VALUE)
)


def test_sign_up_saves_the_account_and_its_address_together_or_not_at_all(
    client, django_capture_on_commit_callbacks
):
    url = reverse("account_signup")

    @FUZZ_SETTINGS
    @given(form=from_form(SignupForm), confirmed=st.booleans())
    def check(form, confirmed):
        data = dict(form.data)
        if confirmed:  # as a person would type it, so that sign-ups succeed too
            data["password2"] = data.get("password1", "")
        cache.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert_answered(response, url)
        assert User.objects.count() == EmailAddress.objects.count()
        assert not User.objects.filter(emailaddress__isnull=True).exists()

    check()


# What a search for "cast" finds, by kind of result.
SEARCHED = {
    "": lambda c: c.published,
    "practice": lambda c: c.published,
    "organisation": lambda c: c.organisation,
    "story": lambda c: c.story,
    "event": lambda c: c.event,
    "resource": lambda c: c.resource,
}


@pytest.mark.parametrize("kind", SEARCHED)
@pytest.mark.parametrize("page", ["99999999999999999999999", "461168601842738791", "-5"])
def test_a_search_page_number_beyond_any_integer_shows_a_page(client, cast, kind, page):
    """The offset of a page is computed in the database: a huge number must not overflow it
    (found by the fuzz above, for one group of results: kind=story). Past the end, the last
    page is shown."""
    url = reverse("search") + "?" + urlencode({"q": "cast", "kind": kind, "page": page})
    response = client.get(url)
    assert response.status_code == 200
    assert f'href="{SEARCHED[kind](cast).get_absolute_url()}"' in response.text
