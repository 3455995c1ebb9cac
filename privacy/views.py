"""The privacy notice, and a member's own data: download it, or delete the account."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from privacy.forms import DeleteAccountForm
from privacy.models import PrivacyAction
from privacy.records import KINDS, Holdings
from scn_portal import emails
from scn_portal.languages import next_address
from scn_portal.page_cache import public_page


@public_page
def notice(request):
    return render(
        request,
        "privacy/notice.html",
        {
            "retention": settings.RETENTION_MONTHS,
            "version": settings.PRIVACY_NOTICE_VERSION,
        },
    )


@login_required
@require_POST
def accept_notice(request):
    """A member accepts the current privacy notice (asked on every page until they do, when
    they signed up before it or it changed since); back to the page they were on."""
    user = request.user
    user.privacy_notice_version = settings.PRIVACY_NOTICE_VERSION
    user.privacy_notice_accepted_at = timezone.now()
    user.save(update_fields=["privacy_notice_version", "privacy_notice_accepted_at"])
    messages.success(request, _("Thank you: your acceptance of the privacy notice is recorded."))
    return HttpResponseRedirect(next_address(request, reverse("home")))


def counted(holdings):
    """[(label, count)] of the kinds that hold something."""
    return [(KINDS[kind], count) for kind, count in holdings.counts().items() if count]


@never_cache
@login_required
def my_data(request):
    holdings = Holdings.of_user(request.user)
    return render(request, "privacy/my_data.html", {"held": counted(holdings)})


def json_attachment(document, filename):
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response


def export_name(prefix="scn-portal-data"):
    return f"{prefix}-{timezone.localdate():%Y-%m-%d}.json"


@never_cache
@login_required
@require_POST
def download_my_data(request):
    """Everything held about the member, built now, for them alone."""
    document = Holdings.of_user(request.user).export()
    PrivacyAction.objects.create(kind=PrivacyAction.Kind.MEMBER_EXPORT)
    return json_attachment(document, export_name())


@never_cache
@login_required
def delete_account(request):
    user = request.user
    if user.is_staff:
        return render(request, "privacy/delete_account.html", {"staff": True}, status=403)
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        address, language = user.email, user.language
        holdings = Holdings.of_user(user)
        with transaction.atomic():
            counts = holdings.erase()
            PrivacyAction.objects.create(kind=PrivacyAction.Kind.MEMBER_DELETION, counts=counts)
        logout(request)
        transaction.on_commit(
            lambda: emails.send(
                "account_deleted",
                {"notice_url": emails.absolute_url(reverse("privacy:notice"))},
                address,
                language=language,
            )
        )
        messages.success(
            request,
            _("Your account and everything personal the portal held about you have been deleted."),
        )
        return redirect("home")
    return render(request, "privacy/delete_account.html", {"form": form})
