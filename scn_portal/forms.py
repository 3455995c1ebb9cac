"""Site-wide forms: the contact form, and how every form's fields are drawn."""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _
from taggit.utils import _parse_tags

from cities.models import Region
from scn_portal.abuse import TrappedForm
from scn_portal.models import ContactMessage


class ContactForm(TrappedForm, forms.ModelForm):
    abuse_scope = "contact"

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "topic", "region", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "topic": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every message has a topic: the radio buttons start on "general", with no blank.
        self.fields["topic"].choices = ContactMessage.Topic.choices
        self.fields["topic"].initial = self.initial.get("topic") or ContactMessage.Topic.GENERAL
        # Only regions with a hub: their staff receive the message (Region.hub_email).
        region = self.fields["region"]
        region.queryset = Region.objects.filter(hub_name__gt="")
        region.empty_label = _("None in particular: the network's staff")
        region.to_field_name = "slug"
        region.label_from_instance = lambda hub: hub.hub_name
        region.help_text = _("Choose a regional hub and its staff will answer you.")


class Checklist(forms.CheckboxSelectMultiple):
    """A list of checkboxes that scrolls in its box, for choices too many for a glance (other
    cities, partner organisations). static/js/checklist.js adds a box that narrows it as one
    types; without JavaScript the whole list is there. Used by the case-study form and the
    admin, which both include the script from the widget's media (`{{ form.media }}`)."""

    template_name = "includes/checklist.html"

    class Media:
        js = ["js/checklist.js"]

    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "checklist", **(attrs or {})}, choices)


class FormRenderer(TemplatesSetting):
    """Django's templates for widgets, found through the project's TEMPLATES (so they can be
    overridden in templates/), and one template for a field with its label, help and errors:
    `{{ form.field.as_field_group }}` draws templates/includes/form_field.html."""

    field_template_name = "includes/form_field.html"


# Commas a keyboard types between listed words: the Arabic comma, the ideographic and the
# full-width one, read as the Latin comma that taggit splits on.
LIST_COMMAS = str.maketrans({"\u060c": ",", "\u3001": ",", "\uff0c": ","})


def tags_from_string(text):
    """Themes or areas of expertise typed in a box, one list (TAGGIT_TAGS_FROM_STRING): as
    taggit's default reader, which this replaces, reads them, with an Arabic comma
    separating them as a Latin one does."""
    return _parse_tags((text or "").translate(LIST_COMMAS))
