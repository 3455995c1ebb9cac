"""The resource hub: the filtered list, a resource's page and its PDF (public), and members'
suggestions (sign-in required): suggest, follow them through review, change one when
moderators ask. What may happen in which state is decided by resources.workflow.

A public page reads a fixed number of SQL queries whatever the amount of data (at most
three for a visitor): see resources/filters.py for how the counts fit in one.
"""

import logging
from functools import cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from practices.models import Status
from practices.views import safe_download_name
from resources import workflow
from resources.filters import Hub, HubFilterForm
from resources.forms import DISPLAY_SCOPE, SuggestionForm
from resources.models import Resource, ResourceStatusChange
from scn_portal import abuse
from scn_portal.page_cache import public_page
from scn_portal.slugs import unique_slug

logger = logging.getLogger(__name__)

PER_PAGE = 20
SUGGESTIONS_PER_PAGE = 20


@public_page
def resource_list(request):
    """Nothing is read or counted until the page is drawn: its head and content are kept per
    address (template fragments), so a kept page costs no work here."""
    form = SimpleLazyObject(lambda: HubFilterForm(request.GET))

    @cache
    def hub():
        errors = {name: form[name].errors for name in form.errors}
        return Hub(form.filters(), errors=errors)

    def page():
        found = Paginator(hub().result_ids, PER_PAGE).get_page(request.GET.get("page"))
        found.object_list = hub().cards(list(found.object_list))
        return found

    context = {
        "form": form,
        "facets": SimpleLazyObject(lambda: hub().facets),
        "page_obj": SimpleLazyObject(page),
        "total": SimpleLazyObject(lambda: hub().total),
        "active_filters": SimpleLazyObject(lambda: hub().active_filters(request.GET)),
    }
    return render(request, "resources/list.html", context)


def _page_context(resource, slug, published):
    return {
        "resource": resource,
        "slug": slug,
        "hub_url": reverse("resources:list"),
        # Unpublished, it is drawn for the member who suggested it or a moderator: never kept.
        **({} if published else {"cache_seconds": 0}),
    }


@public_page
def resource_detail(request, slug):
    """For a visitor, the resource is read only when the page is drawn (two queries), so a
    kept page reads nothing, and a slug that is not published gives 404 as it is drawn. The
    member who suggested it and moderators also see it unpublished (never kept)."""
    pages = Resource.objects.with_page_data()
    if not request.user.is_authenticated:
        resource = SimpleLazyObject(lambda: get_object_or_404(pages.published(), slug=slug))
        return render(request, "resources/detail.html", _page_context(resource, slug, True))
    resource = get_object_or_404(pages.visible_to(request.user), slug=slug)
    context = _page_context(resource, slug, resource.is_published)
    response = render(request, "resources/detail.html", context)
    if not resource.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


def download(request, slug):
    """The resource's PDF, streamed by the portal whichever storage holds it (as a case
    study's attachments: practices.views.download_attachment)."""
    resource = get_object_or_404(Resource.objects.visible_to(request.user), slug=slug)
    if not resource.file:
        raise Http404(_("This resource has no file."))
    try:
        handle = resource.file.open("rb")
    except (FileNotFoundError, ValueError) as missing:
        raise Http404(_("This file is no longer available.")) from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_download_name(resource),
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not resource.is_published:
        patch_cache_control(response, private=True, no_store=True)
    return response


# --- members' suggestions ------------------------------------------------------------------


@login_required
def my_suggestions(request):
    # The reason the member sees is the one given with the change into the current state.
    reason = ResourceStatusChange.objects.filter(
        resource=OuterRef("pk"), to_status=OuterRef("status")
    ).order_by("-created_at", "-pk")
    resources = (
        Resource.objects.by_member(request.user)
        .annotate(latest_reason=Subquery(reason.values("reason")[:1]))
        .order_by("-updated_at", "-pk")
    )
    page_obj = Paginator(resources, SUGGESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "resources/mine.html",
        {
            "page_obj": page_obj,
            "resources": page_obj.object_list,
            "reason_statuses": {Status.CHANGES_REQUESTED, Status.REJECTED},
        },
    )


@login_required
def suggest(request):
    return _edit(request, Resource(suggested_by=request.user))


@login_required
def edit_suggestion(request, pk):
    resource = get_object_or_404(Resource, pk=pk, suggested_by=request.user)
    if not resource.is_editable_by_member:
        messages.info(request, _explain_not_editable(resource))
        return redirect("resources:mine")
    return _edit(request, resource)


def _explain_not_editable(resource):
    if resource.status == Status.SUBMITTED:
        return _("“%(title)s” is waiting for review; it cannot be changed meanwhile.") % {
            "title": resource.title
        }
    return _("A resource that is “%(status)s” can no longer be changed.") % {
        "status": resource.get_status_display()
    }


def _moderator_note(resource):
    """The latest reason a moderator gave for asking for changes, shown while editing."""
    if resource.pk is None or resource.status != Status.CHANGES_REQUESTED:
        return None
    return resource.history.filter(to_status=Status.CHANGES_REQUESTED).first()


def _edit(request, resource):
    """Show the suggestion form; a valid one is saved and submitted for review at once."""
    if request.method == "POST":
        form = SuggestionForm(request.POST, request.FILES, instance=resource)
        if form.is_valid():
            response = _save_and_submit(request, form)
            if response is not None:
                return response
    else:
        form = SuggestionForm(instance=resource)
    context = {"form": form, "resource": resource, "moderator_note": _moderator_note(resource)}
    return render(request, "resources/suggest.html", context)


def _save_and_submit(request, form):
    """Save a valid form and submit it for review, in one transaction; return where to go
    next, or None to show the form again with the error that stopped it (everything typed
    is kept)."""
    fingerprint = form.fingerprint()
    if form.nonce:
        earlier = abuse.claim_display(DISPLAY_SCOPE, form.nonce, fingerprint)
        if earlier is not None:
            return _sent_again(request, form, earlier, fingerprint)
    resource = form.instance
    adding = resource._state.adding
    action = "submit" if adding else "resubmit"
    upload = form.cleaned_data.get("file")
    try:
        with transaction.atomic():
            resource = form.save(commit=False)
            # The address follows the title until the resource is first public.
            resource.slug = unique_slug(
                Resource, resource.title, exclude_pk=resource.pk, fallback="resource"
            )
            resource.save()
            form.save_m2m()
            workflow.transition(resource, action, request.user)
    except (DatabaseError, ValidationError, PermissionDenied) as error:
        if isinstance(error, DatabaseError) or adding:
            # Ids and the class only: a user's str is their name or address, and an error's
            # text can quote what they typed.
            logger.error(
                "Could not save resource %s for user %s: %s",
                resource.pk,
                request.user.pk,
                type(error).__name__,
            )
            failure = _(
                "We could not save your suggestion just now, so nothing of it was saved. "
                "Please try again in a few minutes."
            )
        else:  # decided by a moderator meanwhile
            failure = _explain_not_editable(Resource.objects.get(pk=resource.pk))
        if form.nonce:
            abuse.release_display(DISPLAY_SCOPE, form.nonce)
        if isinstance(upload, UploadedFile) and resource.file.name not in ("", upload.name):
            # The file reached storage before the rollback: leave no orphan behind.
            resource.file.delete(save=False)
        if adding:  # the row was rolled back: the page shows a new suggestion again
            resource.pk = None
            resource._state.adding = True
        form.add_error(None, failure)
        return None
    if form.nonce:
        abuse.record_display(DISPLAY_SCOPE, form.nonce, fingerprint, resource.pk)
    messages.success(
        request,
        _("Thank you. “%(title)s” has been sent for review; we will email you the decision.")
        % {"title": resource.title},
    )
    return redirect("resources:mine")


def _sent_again(request, form, earlier, fingerprint):
    """The same display of the form arrives a second time (a double click, a reload): point
    to what the first one saved; when the form was changed meanwhile, ask to send it again."""
    saved = None
    if earlier["result"]:
        saved = Resource.objects.filter(pk=earlier["result"], suggested_by=request.user).first()
    if saved is not None and earlier["fingerprint"] == fingerprint:
        messages.info(
            request,
            _("“%(title)s” was already sent from this form; it has not been sent twice.")
            % {"title": saved.title},
        )
        return redirect("resources:mine")
    form.renew_token()
    form.add_error(
        None,
        _("This form was already sent once. Please check it and send it again."),
    )
    return None
