"""Forms a person sends to the network: a city's membership application, and a member's
message to a practitioner through the relay."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import MembershipApplication, PractitionerMessage
from scn_portal.abuse import TrappedForm


class MembershipApplicationForm(TrappedForm, forms.ModelForm):
    abuse_scope = "join"

    class Meta:
        model = MembershipApplication
        fields = [
            "city_name",
            "country",
            "applicant_name",
            "applicant_role",
            "email",
            "motivation",
            "heard_about",
        ]
        widgets = {
            "applicant_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "applicant_role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "motivation": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "city_name": _("The city, town or region that wants to join."),
            "motivation": _(
                "What the city hopes to learn and share, and what it already does to "
                "prevent violent extremism."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        country.choices = [("", _("Choose a country"))] + [c for c in country.choices if c[0]]
        heard_about = self.fields["heard_about"]
        heard_about.choices = [("", _("Prefer not to say"))] + list(
            MembershipApplication.HeardAbout.choices
        )


class PractitionerMessageForm(TrappedForm, forms.ModelForm):
    """The relay form. The view gives it an instance with the sender and practitioner set."""

    abuse_scope = "relay"

    class Meta:
        model = PractitionerMessage
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "body": _(
                "Say who you are and why you are writing. The practitioner answers you by email "
                "if they wish to."
            ),
        }

    def sender_email(self):
        return self.instance.sender.email
