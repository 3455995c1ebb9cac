"""How the portal adapts django-allauth so that nothing a person does is lost.

- A sign-up stores the account and its email address together in one transaction, or
  nothing; when the database fails, the form comes back with everything typed and says so.
- The verification email goes out after the account is committed. When the mail server is
  down, the account stays (unverified, as the admin shows it) and the person is told that
  the email could not be sent, instead of being told that it was, or seeing an error page.
  Signing in later sends it again.
- Any other account email that cannot be sent (a password reset, say) is logged and
  explained on the next page.
- Sign-up does not tell whether an address already has an account: with an address that
  has one, no account is made and its owner is told by email (allauth's enumeration
  prevention, the email limited per address by ACCOUNT_RATE_LIMITS["confirm_email"]), and
  the answer takes as long and reads the same as for a new address.
"""

import logging

from allauth.account import views as allauth_views
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.core import context
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.hashers import make_password
from django.db import DatabaseError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scn_portal.languages import address_in, page_language

logger = logging.getLogger(__name__)

# Templates of the emails that ask a person to confirm an address. The one a sign-up with a
# taken address sends instead counts as one: were it not sent, the warning must read the
# same as for a new address.
CONFIRMATION_EMAILS = (
    "account/email/email_confirmation",
    "account/email/email_confirmation_signup",
    "account/email/account_already_exists",
)
# allauth's messages saying that an email went out.
SENT_MESSAGES = ("account/messages/email_confirmation_sent.txt",)
MAIL_FAILED = "_scn_account_mail_failed"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # A new member's emails and pages are in the language they signed up in.
        user.language = page_language()
        if form.cleaned_data.get("privacy_notice"):
            user.privacy_notice_version = settings.PRIVACY_NOTICE_VERSION
            user.privacy_notice_accepted_at = timezone.now()
        return super().save_user(request, user, form, commit=commit)

    def post_login(self, request, user, **kwargs):
        # Signing in leads to the page asked for, in the member's own language.
        response = super().post_login(request, user, **kwargs)
        if isinstance(response, HttpResponseRedirect) and user.language:
            response["Location"] = address_in(response["Location"], user.language)
        return response

    def send_mail(self, template_prefix, email, context_data):
        try:
            super().send_mail(template_prefix, email, context_data)
        except Exception as error:
            # Neither the address nor the error's text (an SMTP refusal quotes the address).
            user = context_data.get("user")
            logger.error(
                "Could not send the %s email (user %s): %s",
                template_prefix,
                getattr(user, "pk", None),
                type(error).__name__,
            )
            request = context.request
            if request is None:
                return
            setattr(request, MAIL_FAILED, True)
            if template_prefix in CONFIRMATION_EMAILS:
                text = _(
                    "We could not send the email to confirm %(email)s just now. Your account "
                    "is saved: sign in again in a few minutes and we will send it again."
                )
            else:
                text = _(
                    "We could not send an email to %(email)s just now. Nothing you did here is "
                    "lost; please try again in a few minutes."
                )
            messages.warning(request, text % {"email": email})

    def add_message(self, request, level, message_template=None, *args, **kwargs):
        # Never claim that an email went out when it did not.
        if getattr(request, MAIL_FAILED, False) and message_template in SENT_MESSAGES:
            return
        super().add_message(request, level, message_template, *args, **kwargs)


class AccountNotSaved(Exception):
    """The database refused the sign-up; the form carries the error to show."""


class SignupForm(AllauthSignupForm):
    # The member accepts the privacy notice; the account records which version, and when.
    privacy_notice = forms.BooleanField(
        label=gettext_lazy("I have read the privacy notice and accept it"),
        error_messages={
            "required": gettext_lazy(
                "Please read the privacy notice and accept it to create an account."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Last, after the passwords allauth adds, just above the link to the notice.
        self.fields["privacy_notice"] = self.fields.pop("privacy_notice")

    def try_save(self, request):
        if self.account_already_exists:
            # A new account costs a password hash (the slow part of a sign-up); without one
            # here, a quick answer would tell that the address is registered.
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request):
        try:
            with transaction.atomic():
                return super().save(request)
        except DatabaseError as error:
            # The class only: a database's error text can quote the values of the row.
            logger.error("Could not store a sign-up: %s", type(error).__name__)
            self.add_error(
                None,
                _(
                    "We could not create your account just now, so nothing was saved. "
                    "Please try again in a few minutes."
                ),
            )
            raise AccountNotSaved from error


class SignupView(allauth_views.SignupView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except AccountNotSaved:
            return self.form_invalid(form)


signup = SignupView.as_view()
