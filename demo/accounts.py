"""The two demo accounts: a member linked to a practitioner profile, and a moderator.
`ensure_demo_users` creates them without a usable password (the demo data uses them as
authors and reviewers); `reset_passwords` gives them fresh generated passwords."""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from cities.models import City, Practitioner
from demo import sample

MEMBER_EMAIL = "member@demo.strongcities.example"
MODERATOR_EMAIL = "moderator@demo.strongcities.example"
MODERATORS_GROUP = "Moderators"
MEMBER_PROFILE_SLUG = "demo-member"


def _user(email, first_name, last_name, is_staff):
    user, created = get_user_model().objects.get_or_create(
        email=email,
        defaults={"first_name": first_name, "last_name": last_name, "is_staff": is_staff},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    elif user.is_staff != is_staff or user.is_superuser or not user.is_active:
        user.is_staff, user.is_superuser, user.is_active = is_staff, False, True
        user.save(update_fields=["is_staff", "is_superuser", "is_active"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


# What the account needs to review members' contributions when there is no Moderators
# group: (app label, permission codename).
REVIEW_PERMISSIONS = [("practices", "moderate_practice"), ("resources", "moderate_resource")]


def _give_moderation_rights(user):
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group is not None:
        user.groups.add(group)
        return
    # Without the group the account could not review; the permissions it needs for that.
    for app_label, codename in REVIEW_PERMISSIONS:
        if not user.user_permissions.filter(codename=codename).exists():
            user.user_permissions.add(
                Permission.objects.get(codename=codename, content_type__app_label=app_label)
            )


def _member_profile(user):
    profile = Practitioner.objects.filter(user=user).first()
    if profile is not None:
        return profile
    profile, _ = Practitioner.objects.get_or_create(
        slug=MEMBER_PROFILE_SLUG,
        defaults={
            "full_name": "Robin Demo",
            "role_title": "Youth worker",
            "sector": Practitioner.Sector.YOUTH_WORK,
            "city": City.objects.filter(slug="sarajevo").first(),
            "bio": sample(
                "The practitioner profile of the demo member account: a youth worker who "
                "runs exchanges between schools."
            ),
            "email": "demo-member@example.org",
        },
    )
    if profile.user_id is None:
        profile.user = user
        profile.save(update_fields=["user", "updated_at"])
    return profile


def ensure_demo_users():
    """The demo member (with its practitioner profile) and the demo moderator, created if
    missing; returns (member, moderator) fresh from the database."""
    member = _user(MEMBER_EMAIL, "Robin", "Demo", is_staff=False)
    _member_profile(member)
    moderator = _user(MODERATOR_EMAIL, "Morgan", "Moderator", is_staff=True)
    _give_moderation_rights(moderator)
    # Fresh objects: permission caches on the old ones predate the group membership.
    model = get_user_model()
    return model.objects.get(pk=member.pk), model.objects.get(pk=moderator.pk)


def new_password():
    return secrets.token_urlsafe(12)


def reset_passwords(*users):
    """Give each user a fresh generated password; returns {user: password}."""
    passwords = {}
    for user in users:
        password = new_password()
        user.set_password(password)
        user.save(update_fields=["password"])
        passwords[user] = password
    return passwords
