"""`manage.py demo_accounts`: the demo member and demo moderator, each with a fresh
generated password on every run, and how to sign in as them."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse

from demo import accounts


class Command(BaseCommand):
    help = (
        "Create or refresh the demo member and demo moderator accounts with new generated "
        "passwords, and print how to sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help="Where the portal runs (default: SITE_URL, which `make run` sets to the "
            "address it serves).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            member, moderator = accounts.ensure_demo_users()
            passwords = accounts.reset_passwords(member, moderator)
        base = (options["base_url"] or settings.SITE_URL).rstrip("/")
        login = base + reverse(settings.LOGIN_URL)
        admin = base + reverse("admin:index")
        out = self.stdout
        out.write("")
        out.write(self.style.SUCCESS("Demo accounts (new passwords, valid until the next run):"))
        out.write(f"  Member     sign in at {login}")
        out.write(f"             email     {member.email}")
        out.write(f"             password  {passwords[member]}")
        out.write(f"  Moderator  sign in at {login}  (staff admin: {admin})")
        out.write(f"             email     {moderator.email}")
        out.write(f"             password  {passwords[moderator]}")
        out.write("")
