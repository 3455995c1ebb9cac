"""Contributing case studies: drafts, preview, submission, withdrawal, proposed updates.

Every page here is for the author of the practice (the preview also for moderators); any
other member gets a 404, so that nobody learns that someone else's draft exists. What may
happen in which state is decided by practices.workflow.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities.models import Practitioner
from practices import workflow
from practices.forms import DISPLAY_SCOPE, PracticeForm
from practices.models import EDITABLE_STATUSES, Attachment, Practice, Status, StatusChange
from practices.views import practice_page_context
from scn_portal import abuse
from scn_portal.slugs import unique_slug

logger = logging.getLogger(__name__)

CONTRIBUTIONS_PER_PAGE = 20


def _own_practice(request, pk):
    return get_object_or_404(Practice, pk=pk, submitted_by=request.user)


def _error_text(error):
    return " ".join(str(message) for message in error.messages)


@login_required
def my_contributions(request):
    # The reason the author sees is the one given with the change into the current state.
    reason = StatusChange.objects.filter(
        practice=OuterRef("pk"), to_status=OuterRef("status")
    ).order_by("-created_at", "-pk")
    practices = (
        Practice.objects.by_author(request.user)
        .select_related("city", "update_of")
        .annotate(latest_reason=Subquery(reason.values("reason")[:1]))
        .order_by("-updated_at", "-pk")
    )
    page_obj = Paginator(practices, CONTRIBUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "practices/contribute/mine.html",
        {
            "page_obj": page_obj,
            "practices": page_obj.object_list,
            "editable_statuses": EDITABLE_STATUSES,
            "reason_statuses": {Status.CHANGES_REQUESTED, Status.REJECTED},
            "has_profile": Practitioner.objects.filter(user=request.user).exists(),
        },
    )


@login_required
def practice_create(request):
    practice = Practice(submitted_by=request.user)
    return _edit(request, practice)


@login_required
def practice_edit(request, pk):
    practice = _own_practice(request, pk)
    if not practice.is_editable_by_author:
        messages.info(request, _explain_not_editable(practice))
        return redirect("practices:preview", pk=practice.pk)
    return _edit(request, practice)


def _explain_not_editable(practice):
    if practice.status == Status.SUBMITTED:
        return _(
            "This practice is waiting for review. Withdraw it to draft if you want to change it."
        )
    if practice.is_published:
        return _("This practice is published. Propose an update to change it.")
    return _("A practice that is “%(status)s” can no longer be changed.") % {
        "status": practice.get_status_display()
    }


def _edit(request, practice):
    """Show and save the case-study form; "submit" saves first, so nothing is ever lost."""
    if request.method == "POST":
        form = PracticeForm(request.POST, request.FILES, instance=practice, user=request.user)
        if form.is_valid():
            response = _save(request, form)
            if response is not None:
                return response
    else:
        form = PracticeForm(instance=practice, user=request.user)
    context = {
        "form": form,
        "practice": practice,
        "missing": workflow.missing_for_submission(practice) if practice.pk else None,
        "moderator_note": _moderator_note(practice),
        "attachments": practice.attachments.all() if practice.pk else [],
        "max_attachments": settings.ATTACHMENT_MAX_COUNT,
    }
    return render(request, "practices/contribute/form.html", context)


def _save(request, form):
    """Save a valid case-study form whole, once; return where to go next, or None to show
    the form again with the error that stopped it (everything typed is kept)."""
    fingerprint = form.fingerprint()
    if form.nonce:
        earlier = abuse.claim_display(DISPLAY_SCOPE, form.nonce, fingerprint)
        if earlier is not None:
            return _sent_again(request, form, earlier, fingerprint)
    practice = form.instance
    adding = practice._state.adding
    try:
        with transaction.atomic():
            practice = form.save(commit=False)
            if practice.pk is None or not (practice.published_at or practice.update_of_id):
                # A slug that follows the title until the practice is first public.
                practice.slug = unique_slug(
                    Practice, practice.title, exclude_pk=practice.pk, fallback="practice"
                )
            practice.save()
            form.save_m2m()
            form.save_extras()
    except DatabaseError as error:
        # The class only: a database's error text can quote the values of the row.
        logger.error(
            "Could not save practice %s for user %s: %s",
            practice.pk,
            request.user.pk,
            type(error).__name__,
        )
        if form.nonce:
            abuse.release_display(DISPLAY_SCOPE, form.nonce)
        if adding:  # the row was rolled back: the page shows a new case study again
            practice.pk = None
            practice._state.adding = True
        form.add_error(
            None,
            _(
                "We could not save your case study just now, so nothing of it was saved. "
                "Please try again in a few minutes."
            ),
        )
        return None
    if form.nonce:
        abuse.record_display(DISPLAY_SCOPE, form.nonce, fingerprint, practice.pk)
    if request.POST.get("action") == "submit":
        return _submit(request, practice)
    messages.success(request, _("Your draft has been saved."))
    return redirect("practices:edit", pk=practice.pk)


def _sent_again(request, form, earlier, fingerprint):
    """The same display of the form arrives a second time. When it is the same form, point
    to what the first one saved; when it was changed (the Back button), ask to save again."""
    saved = None
    if earlier["result"]:
        saved = Practice.objects.filter(pk=earlier["result"], submitted_by=request.user).first()
    if saved is not None and earlier["fingerprint"] == fingerprint:
        messages.info(
            request,
            _("“%(title)s” was already saved from this form; it has not been saved twice.")
            % {"title": saved.title},
        )
        return redirect("practices:edit", pk=saved.pk)
    form.renew_token()
    if saved is not None:
        message = _(
            "This form was already saved once, as “%(title)s”. Check what you typed and save "
            "again to keep these changes too."
        ) % {"title": saved.title}
    else:
        message = _("This form is being saved already. Please check it and save again.")
    form.add_error(None, message)
    return None


def _moderator_note(practice):
    """The latest reason a moderator gave for asking for changes, shown while editing."""
    if practice.pk is None or practice.status != Status.CHANGES_REQUESTED:
        return None
    return practice.history.filter(to_status=Status.CHANGES_REQUESTED).first()


def _submit(request, practice):
    try:
        workflow.transition(practice, "submit", request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("practices:edit", pk=practice.pk)
    except DatabaseError as error:
        logger.error("Could not submit practice %s: %s", practice.pk, type(error).__name__)
        messages.error(
            request,
            _(
                "Your case study is saved, but we could not send it for review just now. "
                "Please submit it again in a few minutes."
            ),
        )
        return redirect("practices:edit", pk=practice.pk)
    messages.success(
        request,
        _("Thank you. “%(title)s” has been sent for review; we will email you the decision.")
        % {"title": practice.title},
    )
    return redirect("practices:mine")


@login_required
def practice_preview(request, pk):
    visible = Practice.objects.visible_to(request.user)
    if not workflow.is_moderator(request.user):
        visible = visible.filter(submitted_by=request.user)
    practice = get_object_or_404(visible.with_page_data(), pk=pk)
    context = {
        **practice_page_context(request, practice, practice.slug, practice.is_published),
        "is_author": practice.submitted_by_id == request.user.pk,
        "can_withdraw": workflow.may_act(request.user, practice, "withdraw"),
        "can_submit": workflow.may_act(request.user, practice, "submit"),
        "missing": workflow.missing_for_submission(practice),
    }
    response = render(request, "practices/contribute/preview.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def practice_submit(request, pk):
    practice = _own_practice(request, pk)
    if not workflow.may_act(request.user, practice, "submit"):
        messages.error(request, _explain_not_editable(practice))
        return redirect("practices:mine")
    return _submit(request, practice)


@login_required
@require_POST
def practice_withdraw(request, pk):
    practice = _own_practice(request, pk)
    try:
        workflow.transition(practice, "withdraw", request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("practices:mine")
    messages.success(
        request,
        _("“%(title)s” is back in your drafts. Submit it again when it is ready.")
        % {"title": practice.title},
    )
    return redirect("practices:edit", pk=practice.pk)


@login_required
@require_POST
def practice_propose_update(request, pk):
    # Only the author proposes updates here; staff edit published practice in the admin.
    practice = get_object_or_404(Practice.objects.filter(submitted_by=request.user), pk=pk)
    if not practice.is_published:
        raise Http404
    try:
        update = workflow.propose_update(practice, request.user)
    except PermissionDenied:
        raise Http404 from None
    messages.info(
        request,
        _(
            "You are editing a proposed update of “%(title)s”. The published page stays as it "
            "is until moderators have reviewed your changes."
        )
        % {"title": practice.title},
    )
    return redirect("practices:edit", pk=update.pk)


@login_required
@require_POST
def attachment_delete(request, pk, attachment_pk):
    practice = _own_practice(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, practice=practice)
    if not practice.is_editable_by_author:
        messages.error(request, _explain_not_editable(practice))
        return redirect("practices:preview", pk=practice.pk)
    attachment.delete()  # and its file: practices.signals.file_deleted
    messages.success(request, _("“%(title)s” has been removed.") % {"title": attachment.title})
    return redirect("practices:edit", pk=practice.pk)
