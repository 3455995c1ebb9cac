"""The permission matrix: every URL of the site, for every role, answers as the issues say.

The URL names come from the URL resolver, so a new page cannot be forgotten:
`test_every_url_name_has_a_row` fails until the new name has a row in CASES (or, for the
admin, is one of the ModelAdmin pages the generic admin rule covers). Rows whose view is still
a placeholder on this branch are skipped through tests/security/pending.py (PENDING_VIEWS).

Outcomes: 200, 403, 404, 405; SIGN_IN (a redirect to the sign-in page), ADMIN_SIGN_IN (to
the admin's), ELSEWHERE (any other redirect) and DONE (an action that was carried out: a 2xx
or a redirect that is not to a sign-in page).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cities.models import PractitionerMessage
from practices.models import StatusChange
from privacy.models import PrivacyAction
from resources.models import ResourceStatusChange
from tests.conftest import moderators_group
from tests.factories import (
    ContactMessageFactory,
    FaqEntryFactory,
    InterestFactory,
    MembershipApplicationFactory,
)
from tests.security.pending import PENDING_VIEWS, is_placeholder, pending_marks

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "author", "other_member", "moderator", "superuser"]
SIGNED_IN = ROLES[1:]
STAFF = ["moderator", "superuser"]
SIGN_IN, ADMIN_SIGN_IN, ELSEWHERE, DONE = "sign-in", "admin sign-in", "elsewhere", "done"


def everyone(outcome):
    return dict.fromkeys(ROLES, outcome)


def members_only(outcome=200):
    """Visitors are sent to sign in; every signed-in person gets `outcome`."""
    return {"visitor": SIGN_IN, **dict.fromkeys(SIGNED_IN, outcome)}


def owner_only(owner, outcome=200, staff=404):
    """Only `owner` may; another signed-in person learns nothing (404), not even that it
    exists; staff work on other people's content in the admin, not through these pages."""
    expected = {"visitor": SIGN_IN, **dict.fromkeys(SIGNED_IN, 404), owner: outcome}
    return {**expected, **dict.fromkeys(STAFF, staff)}


def visible_to(*roles):
    """Unpublished content: a 404 for everyone except `roles`."""
    return {role: (200 if role in roles else 404) for role in ROLES}


def for_signed_in(outcome):
    """allauth's entrance pages: a visitor sees them, a signed-in person is sent on."""
    return {"visitor": 200, **dict.fromkeys(SIGNED_IN, outcome)}


@dataclass(frozen=True)
class Case:
    url_name: str
    expected: dict
    kwargs: Callable = lambda cast: {}
    method: str = "get"
    variant: str = ""
    data: dict = field(default_factory=dict)

    @property
    def id(self):
        return " ".join(part for part in (self.url_name, self.method.upper(), self.variant) if part)


# The expectation table, from the issues: browsing (3), contributing (4), moderation (5),
# contact (6). Practitioners are for members unless public; another member's draft is a 404;
# contribution pages filter by owner; POST-only actions answer a GET with 405.
CASES = [
    # site-wide
    Case("home", everyone(200)),
    Case("healthz", everyone(200)),
    Case("readyz", everyone(200)),
    Case("about", everyone(200)),
    Case("faq", everyone(200)),
    Case("contact", everyone(200)),
    Case("contact_thanks", everyone(200)),
    Case("search", everyone(200)),
    Case("robots", everyone(200)),
    Case("sitemap", everyone(200)),
    # The language switch: a form (POST) that leads to the same page in the chosen language.
    Case("set_language", everyone(405)),
    Case("set_language", everyone(ELSEWHERE), method="post", data={"language": "fr", "next": "/"}),
    # member cities, organisations, practitioners, joining
    Case("cities:list", everyone(200)),
    Case("cities:map", everyone(200)),
    Case("cities:detail", everyone(200), lambda c: {"slug": c.city.slug}),
    Case("cities:organisations", everyone(200)),
    Case("cities:organisation", everyone(200), lambda c: {"slug": c.organisation.slug}),
    # Visitors see the directory of public profiles only (and an invitation to sign in).
    Case("cities:practitioners", everyone(200)),
    Case(
        "cities:practitioner",
        everyone(200),
        lambda c: {"slug": c.public_practitioner.slug},
        variant="public profile",
    ),
    Case(
        "cities:practitioner",
        members_only(),
        lambda c: {"slug": c.members_only_practitioner.slug},
        variant="members-only profile",
    ),
    Case(
        "cities:contact_practitioner",
        members_only(),
        lambda c: {"slug": c.members_only_practitioner.slug},
    ),
    Case(
        "cities:claim",
        members_only(200),
        lambda c: {"slug": c.members_only_practitioner.slug},
    ),
    Case("cities:profile", members_only()),
    Case("cities:join", everyone(200)),
    Case("cities:join_thanks", everyone(200)),
    # the practice library
    Case("practices:list", everyone(200)),
    Case("practices:feed", everyone(200)),
    Case(
        "practices:detail", everyone(200), lambda c: {"slug": c.published.slug}, variant="published"
    ),
    Case(
        "practices:detail",
        visible_to("other_member", *STAFF),
        lambda c: {"slug": c.other_members_draft.slug},
        variant="another member's draft",
    ),
    Case(
        "practices:detail",
        visible_to("author", *STAFF),
        lambda c: {"slug": c.submitted.slug},
        variant="submitted for review",
    ),
    # The permanent address leads to published practice only: anything else is a 404 for
    # everyone, its author and staff included.
    Case(
        "practices:permalink",
        everyone(ELSEWHERE),
        lambda c: {"pk": c.published.pk},
        variant="published",
    ),
    Case(
        "practices:permalink",
        everyone(404),
        lambda c: {"pk": c.submitted.pk},
        variant="submitted for review",
    ),
    Case(
        "practices:attachment",
        everyone(200),
        lambda c: {"slug": c.published.slug, "pk": c.published_attachment.pk},
        variant="of published practice",
    ),
    Case(
        "practices:attachment",
        visible_to("other_member", *STAFF),
        lambda c: {"slug": c.other_members_draft.slug, "pk": c.draft_attachment.pk},
        variant="of a draft",
    ),
    Case(
        "practices:attachment",
        everyone(404),
        lambda c: {"slug": c.published.slug, "pk": c.draft_attachment.pk},
        variant="of a draft under a published slug",
    ),
    # contributing
    Case("practices:mine", members_only()),
    Case("practices:create", members_only()),
    Case("practices:edit", owner_only("author"), lambda c: {"pk": c.authors_draft.pk}),
    # Staff may look at a preview (as they review it); they edit only in the admin.
    Case(
        "practices:preview",
        owner_only("author", staff=200),
        lambda c: {"pk": c.authors_draft.pk},
    ),
    Case("practices:submit", members_only(405), lambda c: {"pk": c.authors_draft.pk}),
    Case(
        "practices:submit",
        owner_only("author", DONE),
        lambda c: {"pk": c.authors_draft.pk},
        method="post",
    ),
    Case("practices:withdraw", members_only(405), lambda c: {"pk": c.submitted.pk}),
    Case(
        "practices:withdraw",
        owner_only("author", DONE),
        lambda c: {"pk": c.submitted.pk},
        method="post",
    ),
    Case(
        "practices:propose_update",
        owner_only("author", DONE),
        lambda c: {"pk": c.published.pk},
        method="post",
    ),
    Case(
        "practices:attachment_delete",
        members_only(405),
        lambda c: {"pk": c.other_members_draft.pk, "attachment_pk": c.draft_attachment.pk},
    ),
    Case(
        "practices:attachment_delete",
        owner_only("other_member", DONE),
        lambda c: {"pk": c.other_members_draft.pk, "attachment_pk": c.draft_attachment.pk},
        method="post",
    ),
    # regional hubs (issue 20): public pages; the team is filtered inside the page
    Case("cities:regions", everyone(200)),
    Case("cities:region", everyone(200), lambda c: {"slug": c.hub.slug}),
    Case("cities:region", everyone(404), lambda c: {"slug": "atlantis"}, variant="unknown"),
    # news (issue 20): published stories are public; drafts and scheduled stories are
    # shown to staff who may change stories (to preview them), a 404 to everyone else.
    Case("news:list", everyone(200)),
    Case("news:feed", everyone(200)),
    Case("news:detail", everyone(200), lambda c: {"slug": c.story.slug}, variant="published"),
    Case(
        "news:detail", visible_to(*STAFF), lambda c: {"slug": c.draft_story.slug}, variant="draft"
    ),
    Case(
        "news:detail",
        visible_to(*STAFF),
        lambda c: {"slug": c.scheduled_story.slug},
        variant="scheduled",
    ),
    Case("news:image", everyone(200), lambda c: {"slug": c.story.slug}, variant="published"),
    Case(
        "news:image",
        visible_to(*STAFF),
        lambda c: {"slug": c.draft_story.slug},
        variant="of a draft",
    ),
    Case(
        "news:image",
        everyone(404),
        lambda c: {"slug": c.imageless_story.slug},
        variant="of a story without one",
    ),
    # events (issue 20): as the news; interest is for signed-in members, on the portal only
    # for a public event to come without a registration link of its own.
    Case("events:list", everyone(200)),
    Case("events:past", everyone(200)),
    Case("events:calendar", everyone(200)),
    Case("events:detail", everyone(200), lambda c: {"slug": c.event.slug}, variant="published"),
    Case(
        "events:detail", visible_to(*STAFF), lambda c: {"slug": c.draft_event.slug}, variant="draft"
    ),
    Case("events:ics", everyone(200), lambda c: {"slug": c.event.slug}, variant="published"),
    Case("events:ics", visible_to(*STAFF), lambda c: {"slug": c.draft_event.slug}, variant="draft"),
    Case("events:interest", members_only(), lambda c: {"slug": c.event.slug}, variant="open"),
    Case(
        "events:interest",
        members_only(DONE),
        lambda c: {"slug": c.event.slug},
        method="post",
        variant="open",
        data={"note": "I coordinate the youth council."},
    ),
    # An event with its own registration, or one that is over: back to its page, told why.
    Case(
        "events:interest",
        members_only(ELSEWHERE),
        lambda c: {"slug": c.linked_event.slug},
        variant="with a registration link",
    ),
    Case(
        "events:interest",
        members_only(ELSEWHERE),
        lambda c: {"slug": c.past_event.slug},
        method="post",
        variant="over",
    ),
    # Not public: nobody registers, staff included (they do not take part in a preview).
    Case(
        "events:interest",
        members_only(404),
        lambda c: {"slug": c.draft_event.slug},
        variant="draft",
    ),
    Case(
        "events:interest",
        members_only(404),
        lambda c: {"slug": c.draft_event.slug},
        method="post",
        variant="draft",
    ),
    # the resource hub (issue 20): a suggestion is seen by the member who made it and by
    # moderators; it is changed only by its member, only when changes were asked for.
    # privacy (issue 22): the notice for everyone; a member's own data for them alone (staff
    # accounts are closed by an administrator, not from this page).
    Case("privacy:notice", everyone(200)),
    Case("privacy:accept", members_only(405)),
    Case("privacy:accept", members_only(ELSEWHERE), method="post", data={"next": "/"}),
    Case("privacy:mine", members_only()),
    Case("privacy:download", members_only(405)),
    Case("privacy:download", members_only(200), method="post"),
    Case("privacy:delete", {**members_only(), **dict.fromkeys(STAFF, 403)}),
    Case(
        "privacy:delete",
        {**members_only(), **dict.fromkeys(STAFF, 403)},
        method="post",
        variant="wrong password",
        data={"password": "not-the-password"},
    ),
    Case("resources:list", everyone(200)),
    Case(
        "resources:detail", everyone(200), lambda c: {"slug": c.resource.slug}, variant="published"
    ),
    Case(
        "resources:detail",
        visible_to("author", *STAFF),
        lambda c: {"slug": c.returned_suggestion.slug},
        variant="the author's suggestion",
    ),
    Case(
        "resources:detail",
        visible_to("other_member", *STAFF),
        lambda c: {"slug": c.submitted_suggestion.slug},
        variant="another member's suggestion",
    ),
    Case("resources:file", everyone(200), lambda c: {"slug": c.resource.slug}, variant="published"),
    Case(
        "resources:file",
        visible_to("author", *STAFF),
        lambda c: {"slug": c.returned_suggestion.slug},
        variant="of the author's suggestion",
    ),
    Case(
        "resources:file",
        visible_to("other_member", *STAFF),
        lambda c: {"slug": c.submitted_suggestion.slug},
        variant="of another member's suggestion",
    ),
    Case(
        "resources:file",
        everyone(404),
        lambda c: {"slug": c.linkonly_resource.slug},
        variant="of a resource with only a link",
    ),
    Case("resources:suggest", members_only()),
    # Sent empty: the form comes back with its errors; nothing is saved.
    Case("resources:suggest", members_only(200), method="post", variant="empty"),
    Case(
        "resources:suggest",
        members_only(DONE),
        method="post",
        variant="complete",
        data={
            "title": "A guide suggested in the matrix",
            "kind": "guide",
            "summary": "What it is and who it is for.",
            "language": "en",
            "themes": "youth engagement",
            "year": "2023",
            "url": "https://example.org/guide",
        },
    ),
    Case("resources:mine", members_only()),
    Case(
        "resources:edit",
        owner_only("author"),
        lambda c: {"pk": c.returned_suggestion.pk},
        variant="changes requested",
    ),
    Case(
        "resources:edit",
        owner_only("author", DONE),
        lambda c: {"pk": c.returned_suggestion.pk},
        method="post",
        variant="changes requested",
        data={
            "title": "Returned cast suggestion, second edition",
            "kind": "guide",
            "summary": "What it is and who it is for.",
            "language": "en",
            "themes": "youth engagement",
            "year": "2024",
            "url": "https://example.org/second-edition",
        },
    ),
    # Waiting for review: its member is sent to their suggestions, told why.
    Case(
        "resources:edit",
        owner_only("other_member", ELSEWHERE),
        lambda c: {"pk": c.submitted_suggestion.pk},
        variant="submitted",
    ),
    Case(
        "resources:edit",
        owner_only("other_member", ELSEWHERE),
        lambda c: {"pk": c.submitted_suggestion.pk},
        method="post",
        variant="submitted",
    ),
    # Published: nobody changes it here any more (staff do, in the admin).
    Case(
        "resources:edit",
        owner_only("other_member", ELSEWHERE),
        lambda c: {"pk": c.resource.pk},
        variant="published",
    ),
    # accounts (django-allauth)
    Case("account_login", for_signed_in(ELSEWHERE)),
    Case("account_signup", for_signed_in(ELSEWHERE)),
    Case("account_logout", {"visitor": ELSEWHERE, **dict.fromkeys(SIGNED_IN, 200)}),
    Case("account_logout", everyone(ELSEWHERE), method="post"),
    Case("account_inactive", everyone(200)),
    Case("account_reauthenticate", members_only()),
    Case("account_email", members_only()),
    Case("account_email_verification_sent", everyone(200)),
    Case("account_change_password", members_only()),
    Case("account_set_password", members_only(ELSEWHERE)),
    Case("account_reset_password", everyone(200)),
    Case("account_reset_password_done", everyone(200)),
    # Sign-in by code is off: the page sends everyone on.
    Case("account_confirm_login_code", {"visitor": SIGN_IN, **dict.fromkeys(SIGNED_IN, ELSEWHERE)}),
    Case(
        "account_confirm_email",
        everyone(200),
        lambda c: {"key": "not-a-real-key"},
        variant="unknown key",
    ),
    Case(
        "account_reset_password_from_key",
        everyone(200),
        lambda c: {"uidb36": "zz", "key": "not-a-real-key"},
        variant="unknown key",
    ),
    Case("account_reset_password_from_key_done", everyone(200)),
    # open data (issue 21): the same published content for everyone, whoever is signed in;
    # nothing unpublished, even for its author or a moderator (they use the pages).
    Case("opendata:docs", everyone(200)),
    Case("api:schema", everyone(200)),
    *(
        Case(f"api:{kind}_list", everyone(200))
        for kind in ("practices", "cities", "organisations", "news", "events", "resources")
    ),
    Case("api:events_past", everyone(200)),
    Case("api:practices_record", everyone(200), lambda c: {"slug": c.published.slug}),
    Case(
        "api:practices_record",
        everyone(404),
        lambda c: {"slug": c.submitted.slug},
        variant="submitted",
    ),
    Case(
        "api:practices_record",
        everyone(404),
        lambda c: {"slug": c.authors_draft.slug},
        variant="draft",
    ),
    Case("api:cities_record", everyone(200), lambda c: {"slug": c.city.slug}),
    Case("api:organisations_record", everyone(200), lambda c: {"slug": c.organisation.slug}),
    Case("api:news_record", everyone(200), lambda c: {"slug": c.story.slug}),
    Case("api:news_record", everyone(404), lambda c: {"slug": c.draft_story.slug}, variant="draft"),
    Case("api:events_record", everyone(200), lambda c: {"slug": c.event.slug}),
    Case(
        "api:events_record", everyone(404), lambda c: {"slug": c.draft_event.slug}, variant="draft"
    ),
    Case("api:resources_record", everyone(200), lambda c: {"slug": c.resource.slug}),
    Case(
        "api:resources_record",
        everyone(404),
        lambda c: {"slug": c.submitted_suggestion.slug},
        variant="suggested",
    ),
    *(
        Case("api:download", everyone(200), lambda c, k=kind, f=fmt: {"kind": k, "fmt": f})
        for kind in ("practices", "cities", "organisations")
        for fmt in ("csv", "json")
    ),
    Case(
        "api:download",
        everyone(404),
        lambda c: {"kind": "practitioners", "fmt": "csv"},
        variant="practitioners",
    ),
    Case("api:practices_list", everyone(405), method="post", data={"title": "x"}),
]

# --- the admin ---------------------------------------------------------------------------
# Nobody but staff reaches any admin page. Within the staff, each ModelAdmin page answers as
# that ModelAdmin's permission methods say, with the line issue 5 draws on top: moderators
# never manage groups and never create or delete accounts.
MODEL_ADMIN_ACTIONS = ("changelist", "add", "change", "history", "delete")
MODERATORS_NEVER = {
    "auth_group": set(MODEL_ADMIN_ACTIONS),
    "scn_portal_user": {"add", "delete"},
}
STAFF_ONLY = {"visitor": ADMIN_SIGN_IN, **dict.fromkeys(SIGNED_IN, ADMIN_SIGN_IN)}
NON_STAFF = ["visitor", "member", "author", "other_member"]


def staff_get(outcome):
    return {**STAFF_ONLY, **dict.fromkeys(STAFF, outcome)}


def _view_on_site_kwargs(cast):
    return {
        "content_type_id": ContentType.objects.get_for_model(cast.city).pk,
        "object_id": cast.city.pk,
    }


ADMIN_SITE_CASES = [
    Case("admin:index", staff_get(200)),
    Case("admin:login", {**dict.fromkeys(NON_STAFF, 200), **dict.fromkeys(STAFF, ELSEWHERE)}),
    Case("admin:logout", {**dict.fromkeys(NON_STAFF, ELSEWHERE), **dict.fromkeys(STAFF, 405)}),
    Case("admin:password_change", staff_get(200)),
    Case("admin:password_change_done", staff_get(200)),
    # Without the field it completes, the autocomplete refuses even staff.
    Case("admin:autocomplete", staff_get(403)),
    Case("admin:jsi18n", staff_get(200)),
    Case("admin:view_on_site", staff_get(ELSEWHERE), _view_on_site_kwargs),
    # Custom admin pages: one row each (the generic rule below cannot know what they do).
    # The queue is the practice list, filtered to what waits for review.
    Case("admin:practices_practice_queue", staff_get(ELSEWHERE)),
    Case(
        "admin:practices_practice_review",
        staff_get(200),
        lambda c: {"object_id": c.submitted.pk},
    ),
    Case(
        "admin:practices_practice_decide",
        staff_get(200),
        lambda c: {"object_id": c.submitted.pk, "action": "publish"},
        variant="confirmation page",
    ),
    # The same for resources (issue 20): the queue, the review screen, a decision's page.
    Case("admin:resources_resource_queue", staff_get(ELSEWHERE)),
    Case(
        "admin:resources_resource_review",
        staff_get(200),
        lambda c: {"object_id": c.submitted_suggestion.pk},
    ),
    Case(
        "admin:resources_resource_decide",
        staff_get(200),
        lambda c: {"object_id": c.submitted_suggestion.pk, "action": "publish"},
        variant="confirmation page",
    ),
    Case(
        "admin:resources_resource_decide",
        staff_get(DONE),
        lambda c: {"object_id": c.submitted_suggestion.pk, "action": "request_changes"},
        method="post",
        variant="with a reason",
        data={"reason": "Please add the publisher.", "internal_note": ""},
    ),
    # A decision the workflow does not know is no page at all.
    Case(
        "admin:resources_resource_decide",
        staff_get(404),
        lambda c: {"object_id": c.submitted_suggestion.pk, "action": "submit"},
        variant="a member's action",
    ),
    # Staff find, export and erase a person's data (issue 22): an address in a POST body.
    Case("admin:privacy_lookup", staff_get(200)),
    Case(
        "admin:privacy_lookup",
        staff_get(200),
        method="post",
        variant="an address",
        data={"email": "someone@example.org"},
    ),
    Case("admin:privacy_export", staff_get(ELSEWHERE)),
    Case(
        "admin:privacy_export",
        staff_get(200),
        method="post",
        variant="an address",
        data={"email": "someone@example.org"},
    ),
    Case("admin:privacy_erase", staff_get(ELSEWHERE)),
    Case(
        "admin:privacy_erase",
        staff_get(200),
        method="post",
        variant="confirmation page",
        data={"email": "someone@example.org"},
    ),
    # Moderators do not manage accounts, passwords included.
    Case(
        "admin:auth_user_password_change",
        {**STAFF_ONLY, "moderator": 403, "superuser": 200},
        lambda c: {"id": c.published.submitted_by.pk},
    ),
]


def admin_instance(model, cast):
    """An object of `model` for the admin's object pages, from the cast where it has one."""
    known = {
        "practices.practice": cast.other_members_draft,
        "practices.attachment": cast.draft_attachment,
        "cities.city": cast.city,
        "cities.partnerorganisation": cast.organisation,
        "cities.practitioner": cast.members_only_practitioner,
        "scn_portal.user": cast.published.submitted_by,
        "news.story": cast.draft_story,
        "events.event": cast.draft_event,
        "resources.resource": cast.submitted_suggestion,
        "cities.region": cast.hub,
    }
    label = model._meta.label_lower
    if label in known:
        return known[label]
    makers = {
        "practices.statuschange": lambda: StatusChange.objects.create(
            practice=cast.submitted, from_status="draft", to_status="submitted"
        ),
        "scn_portal.contactmessage": ContactMessageFactory,
        "scn_portal.faqentry": FaqEntryFactory,
        "cities.membershipapplication": MembershipApplicationFactory,
        "taggit.tag": lambda: cast.published.themes.first(),
        "auth.group": moderators_group,
        "events.interest": lambda: InterestFactory(event=cast.event),
        "resources.resourcestatuschange": lambda: ResourceStatusChange.objects.create(
            resource=cast.submitted_suggestion, from_status="draft", to_status="submitted"
        ),
        "privacy.privacyaction": lambda: PrivacyAction.objects.create(kind="retention"),
        "cities.practitionermessage": lambda: PractitionerMessage.objects.create(
            sender=cast.published.submitted_by,
            practitioner=cast.members_only_practitioner,
            subject="A question",
            body="Could we talk about your project?",
        ),
    }
    instance = model._default_manager.first() or (makers[label]() if label in makers else None)
    assert instance is not None, f"add a way to create a {label} to admin_instance()"
    return instance


def model_admin_cases():
    cases = []
    for model, model_admin in admin.site._registry.items():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}"
        for action in MODEL_ADMIN_ACTIONS:
            kwargs = (
                (lambda c, m=model: {"object_id": admin_instance(m, c).pk})
                if action in ("change", "history", "delete")
                else (lambda c: {})
            )
            cases.append(Case(f"admin:{prefix}_{action}", {"model_admin": model_admin}, kwargs))
        cases.append(
            Case(
                "admin:app_list",
                {"app_label": model._meta.app_label},
                lambda c, app=model._meta.app_label: {"app_label": app},
                variant=model._meta.app_label,
            )
        )
    return list({case.id: case for case in cases}.values())


def admin_expected(case, role, user, cast):
    """What a ModelAdmin page answers `user`, from the ModelAdmin's own permission methods."""
    if role in NON_STAFF:
        return ADMIN_SIGN_IN
    request = RequestFactory().get("/")
    request.user = user
    if "app_label" in case.expected:
        return 200 if admin.site.get_app_list(request, case.expected["app_label"]) else 404
    model_admin = case.expected["model_admin"]
    action = case.url_name.rsplit("_", 1)[1]
    prefix = case.url_name.removeprefix("admin:").removesuffix(f"_{action}")
    if role == "moderator" and action in MODERATORS_NEVER.get(prefix, ()):
        return 403
    obj = admin_instance(model_admin.model, cast) if action in ("change", "history") else None
    allowed = {
        "changelist": lambda: model_admin.has_view_or_change_permission(request),
        "add": lambda: model_admin.has_add_permission(request),
        "change": lambda: model_admin.has_view_or_change_permission(request, obj),
        "history": lambda: model_admin.has_view_or_change_permission(request, obj),
        "delete": lambda: model_admin.has_delete_permission(
            request, admin_instance(model_admin.model, cast)
        ),
    }[action]()
    return 200 if allowed else 403


ALL_CASES = CASES + ADMIN_SITE_CASES + model_admin_cases()


# --- the checks --------------------------------------------------------------------------


def named_patterns(patterns=None, namespace=None):
    """{'home': <URLPattern>, 'practices:detail': <URLPattern>, ...} for the whole site."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = {}
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if pattern.namespace and namespace:
                inner = f"{namespace}:{pattern.namespace}"
            found.update(named_patterns(pattern.url_patterns, inner))
        elif isinstance(pattern, URLPattern) and pattern.name:
            found[f"{namespace}:{pattern.name}" if namespace else pattern.name] = pattern
    return found


def unnamed_patterns(patterns=None, prefix=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace != "admin":
                yield from unnamed_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif not pattern.name:
            yield prefix + str(pattern.pattern)


def test_every_url_name_has_a_row():
    covered = {case.url_name for case in ALL_CASES}
    missing = sorted(set(named_patterns()) - covered)
    assert not missing, f"add rows for these URL names to the permission matrix: {missing}"


def test_every_page_outside_the_admin_has_a_name():
    assert list(unnamed_patterns()) == []


def test_pending_views_are_still_placeholders():
    """Once a view has landed, its entry in PENDING_VIEWS must go so its rows run."""
    patterns = named_patterns()
    landed = [name for name in PENDING_VIEWS if not is_placeholder(patterns[name].callback)]
    assert not landed, f"remove from tests/security/pending.py, their views exist: {landed}"


def outcome_of(response):
    if response.status_code in (301, 302, 303, 307, 308):
        path = urlsplit(response["Location"]).path
        if path == reverse("account_login"):
            return SIGN_IN
        if path == reverse("admin:login"):
            return ADMIN_SIGN_IN
        return ELSEWHERE
    return response.status_code


def matches(expected, actual):
    if expected == DONE:
        return actual == ELSEWHERE or (isinstance(actual, int) and 200 <= actual < 300)
    return expected == actual


@pytest.fixture
def as_role(request, client):
    """(client, user) for a role name; the client is signed in as that user."""

    def sign_in(role):
        if role == "visitor":
            return client, None
        user = request.getfixturevalue("admin_user" if role == "superuser" else role)
        client.force_login(user)
        return client, user

    return sign_in


class LazyCast:
    """The cast, built only for the rows that need an object (most pages take no argument)."""

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request.getfixturevalue("cast"), name)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=pending_marks(c.url_name), id=c.id) for c in ALL_CASES]
)
def test_permission_matrix(case, role, as_role, request):
    client, user = as_role(role)
    cast = LazyCast(request)
    if "model_admin" in case.expected or "app_label" in case.expected:
        expected = admin_expected(case, role, user, cast)
    else:
        expected = case.expected[role]
    url = reverse(case.url_name, kwargs=case.kwargs(cast))

    response = getattr(client, case.method)(url, case.data)

    actual = outcome_of(response)
    assert matches(expected, actual), (
        f"{role} {case.method.upper()} {url}: {actual}, not {expected}"
    )
