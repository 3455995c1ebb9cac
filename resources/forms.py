"""The form members suggest a resource with (and change it with, when moderators ask), and
the form staff edit resources with in the admin. A PDF goes through the same checks as a
case study's attachments (practices.uploads.validate_pdf, settings.ATTACHMENT_MAX_BYTES)."""

import hashlib
import json
import time
from pathlib import PurePath

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models import PartnerOrganisation, Region
from practices.forms import KeyChoicesField
from practices.models import shortened
from practices.uploads import validate_pdf
from resources.models import Resource
from scn_portal import abuse
from scn_portal.forms import Checklist, tags_from_string

# The scope of the display tokens of the suggestion form (see SuggestionForm.form_token).
DISPLAY_SCOPE = "suggest-resource"


def https_urls(field, **kwargs):
    """A link typed without a scheme ("strongcities.org") is taken as https://, as Django 6.0
    will do by default (and as cities.admin.HTTPS_URLS says for the admin)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def themes_as_text(resource):
    """The themes of a saved resource as the form's box shows them: comma-separated."""
    if resource.pk is None:
        return ""
    return ", ".join(sorted((tag.name for tag in resource.themes.all()), key=str.casefold))


class ResourceFileMixin:
    """The PDF and the link of a resource: the PDF checked by content, at least one of
    the two, and the upload's name and size kept with it."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        # A new upload is checked; the file already saved (or none) is left as it is.
        if isinstance(upload, UploadedFile):
            validate_pdf(upload)
        return upload

    def clean(self):
        data = super().clean()
        if "file" in self.errors or "url" in self.errors:
            return data
        if not data.get("file") and not data.get("url"):
            self.file_or_link_missing = True
            self.add_error(
                None,
                forms.ValidationError(
                    _("Give a PDF file, a link to the resource, or both."), code="file_or_link"
                ),
            )
        return data

    file_or_link_missing = False

    def _get_validation_exclusions(self):
        # The model's own check of a file or link (resource_file_or_link) would say it again,
        # in words meant for developers.
        exclude = super()._get_validation_exclusions()
        if self.file_or_link_missing:
            exclude |= {"file", "url"}
        return exclude

    def keep_upload_details(self, resource):
        """The name and size of a new upload, kept as data (the file is stored under a
        random name: resources.models.resource_file_path)."""
        upload = self.cleaned_data.get("file")
        if "file" in self.changed_data and upload:
            name_length = Resource._meta.get_field("original_name").max_length
            resource.original_name = shortened(PurePath(upload.name).name, name_length)
            resource.size = upload.size
        elif not upload:
            resource.original_name, resource.size = "", 0


class SuggestionForm(ResourceFileMixin, forms.ModelForm):
    themes = forms.CharField(
        label=_("Themes"),
        required=False,
        max_length=300,
        help_text=_(
            "Separated by commas, for example: youth engagement, online harms. They help "
            "others find the resource; moderators review them."
        ),
    )
    # Names this display of the form, so that the same filled-in form sent twice (a double
    # click, a reload) is saved once.
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Resource
        formfield_callback = https_urls
        fields = [
            "title",
            "kind",
            "summary",
            "language",
            "themes",
            "regions",
            "publisher",
            "year",
            "file",
            "url",
        ]
        field_classes = {"regions": KeyChoicesField}
        widgets = {
            "kind": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 5}),
            "regions": Checklist,
            "year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "file": forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
            "url": forms.URLInput(attrs={"placeholder": "https://"}),
        }
        labels = {"file": _("PDF file"), "url": _("Link")}
        help_texts = {
            "title": _("Its title as published."),
            "summary": _(
                "What it is, who it is for and why it is useful, in two or three sentences."
            ),
            "language": _("The language the resource is written or recorded in."),
            "regions": _("The regions it concerns; none for a resource of use everywhere."),
            "publisher": _("A partner organisation that published it; empty for any other."),
            "year": _("The year it was published."),
            "file": _("PDF only, at most 10 MB. Give a file, a link, or both."),
            "url": _("Where it can be read or watched online."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"].initial = abuse.issue_token(DISPLAY_SCOPE)
        self.nonce = None
        self.fields["kind"].choices = Resource.Kind.choices
        self.fields["regions"].queryset = Region.objects.order_by("order", "name")
        self.fields["publisher"].queryset = PartnerOrganisation.objects.order_by("name")
        self.fields["publisher"].empty_label = _("— none of these —")
        if not self.is_bound:
            self.initial["themes"] = themes_as_text(self.instance)

    @property
    def upload_to_choose_again(self):
        """The name of a file sent with a form that failed: browsers never keep a chosen
        file, so the page asks for it again by name (unless the file itself was refused)."""
        upload = self.files.get("file") if self.is_bound else None
        return upload.name if upload and self.errors and "file" not in self.errors else None

    def clean_themes(self):
        return tags_from_string(self.cleaned_data.get("themes", ""))

    def clean_form_token(self):
        token = abuse.read_token(DISPLAY_SCOPE, self.cleaned_data.get("form_token"))
        if token is not None and time.time() - token[1] <= abuse.FORM_MAX_AGE:
            self.nonce = token[0]
        return ""

    def fingerprint(self):
        """What was sent, to tell the same form sent again from a changed one."""
        values = sorted(
            (name, value)
            for name, values in self.data.lists()
            for value in values
            if name not in ("csrfmiddlewaretoken", "form_token")
        )
        files = sorted((name, upload.name, upload.size) for name, upload in self.files.items())
        return hashlib.sha256(json.dumps([values, files]).encode()).hexdigest()

    def renew_token(self):
        abuse.renew_token(self, "form_token", DISPLAY_SCOPE)

    def save(self, commit=True):
        # The themes (a list of names, from the box) are set with the regions, by save_m2m.
        resource = super().save(commit=False)
        self.keep_upload_details(resource)
        if commit:
            resource.save()
            self.save_m2m()
        return resource


class ResourceAdminForm(ResourceFileMixin, forms.ModelForm):
    """Staff's form in the admin: the same checks on the PDF and the link."""

    class Meta:
        model = Resource
        formfield_callback = https_urls
        fields = [
            "title",
            "slug",
            "kind",
            "summary",
            "language",
            "themes",
            "regions",
            "publisher",
            "year",
            "file",
            "url",
            "suggested_by",
        ]
