"""Forms members fill in about themselves: their own practitioner profile."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import City, PartnerOrganisation, Practitioner


class ProfileForm(forms.ModelForm):
    is_public = forms.TypedChoiceField(
        label=_("Who may see your profile"),
        choices=[
            (
                False,
                _("Members only (recommended): signed-in members of the network see it."),
            ),
            (True, _("Public: anyone on the internet sees it, and search engines may list it.")),
        ],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        initial=False,
        help_text=_(
            "Either way your email address is never shown: people who may see your profile "
            "can write to you only through the portal, and only if you allow it below."
        ),
    )

    class Meta:
        model = Practitioner
        fields = [
            "full_name",
            "role_title",
            "sector",
            "city",
            "organisation",
            "bio",
            "expertise",
            "is_public",
            "accepts_messages",
        ]
        labels = {"accepts_messages": _("Members may write to me through the portal")}
        help_texts = {
            "full_name": _("As colleagues in the network know you."),
            "role_title": _("For example: Youth worker, Deputy mayor, Prevention coordinator."),
            "city": _("The member city you work in, if any."),
            "organisation": _("The partner organisation you work for, if any."),
            "bio": _(
                "A few sentences about your work and what you can help others with. "
                "Leave out anything that could put you or others at risk."
            ),
            "expertise": _(
                "Topics you know well, separated by commas: e.g. mentoring, online harms."
            ),
            "accepts_messages": _(
                "Messages are relayed by email; the sender never learns your address. "
                "Turn this off to receive none."
            ),
        }
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.order_by("name")
        self.fields["organisation"].queryset = PartnerOrganisation.objects.order_by("name")
        self.fields["city"].empty_label = _("— none —")
        self.fields["organisation"].empty_label = _("— none —")
        self.fields["sector"].choices = [
            ("", _("— choose a sector —")),
            *Practitioner.Sector.choices,
        ]
