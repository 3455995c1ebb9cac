"""A member's registration of interest in an event."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Interest


class InterestForm(forms.ModelForm):
    class Meta:
        model = Interest
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "note": _(
                "Optional. Anything the organiser should know: your role, your city, what you "
                "hope to take from the event. They receive it with your name and email address."
            )
        }
