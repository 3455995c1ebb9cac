"""A member's own practitioner profile: create, edit, or claim an existing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cities.forms import ProfileForm
from cities.models import Practitioner, VisibilityChange
from scn_portal.slugs import unique_slug

SUGGESTIONS = 5


@login_required
def profile(request):
    user = request.user
    practitioner = Practitioner.objects.filter(user=user).first()
    pending_claim = (
        None
        if practitioner
        else Practitioner.objects.filter(claim_requested_by=user, user__isnull=True).first()
    )
    form = None
    if pending_claim is None:
        instance = practitioner or Practitioner(
            user=user, email=user.email, full_name=user.get_full_name()
        )
        if request.method == "POST":
            form = ProfileForm(request.POST, instance=instance)
            if form.is_valid():
                with transaction.atomic():
                    saved = form.save(commit=False)
                    if not saved.slug:
                        saved.slug = unique_slug(
                            Practitioner, saved.full_name, fallback="practitioner"
                        )
                    saved.save()
                    form.save_m2m()
                    if practitioner is None or "is_public" in form.changed_data:
                        VisibilityChange.record(saved, user)
                messages.success(
                    request,
                    _("Your profile has been saved.")
                    if practitioner
                    else _("Your profile has been created."),
                )
                return redirect("cities:profile")
        else:
            form = ProfileForm(instance=instance)
    context = {
        "form": form,
        "practitioner": practitioner,
        "pending_claim": pending_claim,
        "suggestions": _claimable_for(user) if practitioner is None and not pending_claim else [],
    }
    return render(request, "cities/profile.html", context)


def _claimable_for(user):
    """Unclaimed profiles that may be this member's: the same last name."""
    if not user.last_name:
        return []
    return list(
        Practitioner.objects.filter(
            user__isnull=True,
            claim_requested_by__isnull=True,
            full_name__icontains=user.last_name,
        ).select_related("city")[:SUGGESTIONS]
    )


@login_required
def claim_practitioner(request, slug):
    practitioner = get_object_or_404(
        Practitioner.objects.visible_to(request.user).select_related("city", "organisation"),
        slug=slug,
    )
    user = request.user
    own = Practitioner.objects.filter(user=user).first()
    problem = None
    if practitioner.user_id == user.pk:
        problem = _("This profile is already linked to your account.")
    elif practitioner.user_id:
        problem = _("This profile already belongs to another member's account.")
    elif own:
        problem = _(
            "Your account already has a profile. Write to us if you have two profiles and "
            "want them merged."
        )
    elif practitioner.claim_requested_by_id and practitioner.claim_requested_by_id != user.pk:
        problem = _("Someone else has already asked for this profile; our staff are checking.")

    if request.method == "POST" and problem is None:
        if request.POST.get("action") == "cancel":
            if practitioner.claim_requested_by_id == user.pk:
                practitioner.claim_requested_by = None
                practitioner.save(update_fields=["claim_requested_by", "updated_at"])
                messages.success(request, _("Your request has been withdrawn."))
            return redirect("cities:profile")
        with transaction.atomic():
            # Only one pending claim per member: asking for another profile replaces it.
            Practitioner.objects.filter(claim_requested_by=user).exclude(pk=practitioner.pk).update(
                claim_requested_by=None
            )
            practitioner.claim_requested_by = user
            practitioner.save(update_fields=["claim_requested_by", "updated_at"])
        messages.success(
            request,
            _(
                "Thank you. Our staff will check that the profile of %(name)s is yours and "
                "link it to your account."
            )
            % {"name": practitioner.full_name},
        )
        return redirect("cities:profile")
    return render(
        request,
        "cities/claim_confirm.html",
        {"practitioner": practitioner, "problem": problem},
    )
