"""The case-study form members fill in, in sections that follow the structure of a practice.

Only the title is required to save a draft; what a submission needs is decided by
practices.workflow.missing_for_submission, never here.
"""

import hashlib
import json
import time

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag

from cities.models import City, PartnerOrganisation, Practitioner
from practices.models import Attachment, ExtremismForm, Part, Practice, Status, sections_in
from practices.uploads import validate_pdf
from scn_portal import abuse
from scn_portal.forms import Checklist, tags_from_string

# The scope of the display tokens of the case-study form (see PracticeForm.form_token).
DISPLAY_SCOPE = "contribute"


class KeyChoicesField(forms.ModelMultipleChoiceField):
    """Several choices by primary key. A number too big for a key column is an invalid
    choice like any other (left to the query, SQLite and PostgreSQL raise on it)."""

    KEY_RANGE = range(-(2**63), 2**63)

    def _check_values(self, value):
        for pk in value:
            try:
                in_range = int(pk) in self.KEY_RANGE
            except (TypeError, ValueError):
                continue  # not a number: Django's own check explains it
            if not in_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class PractitionerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} — {obj.role_title}"


# (legend, introduction, field names): the sections of the form's page, in reading order.
FIELDSETS = (
    (
        _("The practice at a glance"),
        _("What it is called, where it happens and who runs it."),
        ["title", "city", "other_cities", "organisations", "summary", "language"],
    ),
    (
        _("The problem and the response"),
        _("Why the city acted and what it did."),
        [*sections_in(Part.RESPONSE), "extremism_forms", "themes", "new_themes"],
    ),
    (
        _("Time and scope"),
        "",
        ["stage", "start_year", "end_year", "scope"],
    ),
    (
        _("Results and lessons"),
        _("What changed, how you know, and what another city needs to adapt it."),
        [*sections_in(Part.RESULTS), "evidence_level", *sections_in(Part.TRANSFER)],
    ),
    (
        _("Contact and documents"),
        _(
            "Reports and evaluations help other cities judge the practice. "
            "PDF files only, at most 10 MB each and 5 per practice."
        ),
        ["contact_practitioner", "attachment", "attachment_title"],
    ),
    (
        _("Do no harm"),
        _(
            "People who take part in prevention work can be at risk. The text must not "
            "let anyone identify a beneficiary, and never a minor."
        ),
        ["do_no_harm_confirmed"],
    ),
)

# The fields of the form that the model form does not save (PracticeForm.save_extras does).
EXTRA_FIELDS = ("themes", "new_themes", "attachment", "attachment_title")


class PracticeForm(forms.ModelForm):
    themes = KeyChoicesField(
        label=_("Themes"),
        queryset=Tag.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose every theme that fits; they help others find the practice."),
    )
    new_themes = forms.CharField(
        label=_("Propose other themes"),
        required=False,
        max_length=300,
        help_text=_(
            "If no theme above fits, type new ones separated by commas, "
            "for example: sport, street outreach. Moderators review them."
        ),
    )
    contact_practitioner = PractitionerChoiceField(
        label=_("Contact person"),
        queryset=Practitioner.objects.none(),
        required=False,
        help_text=_(
            "Members can write to this person through the portal; their email address is "
            "never shown. The list holds your own profile and the practitioners of the "
            "city you chose (save to refresh it)."
        ),
    )
    attachment = forms.FileField(
        label=_("Add a PDF document"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text=_("An evaluation, a report or a handbook. One file each time you save."),
    )
    attachment_title = forms.CharField(
        label=_("Title of the document"),
        required=False,
        max_length=Attachment._meta.get_field("title").max_length,
        help_text=_("For example: Evaluation report 2023. Left empty, the file name is used."),
    )
    # Names this display of the form, so that the same filled-in form sent twice (a double
    # click, a reload) is saved once; a form sent without one is saved as it comes.
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Practice
        fields = [
            name
            for _legend, _intro, names in FIELDSETS
            for name in names
            if name not in EXTRA_FIELDS
        ]
        field_classes = {
            "other_cities": KeyChoicesField,
            "organisations": KeyChoicesField,
            "extremism_forms": KeyChoicesField,
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "target_audience": forms.Textarea(attrs={"rows": 3}),
            "resources_needed": forms.Textarea(attrs={"rows": 4}),
            # Lists of checkboxes, not multi-selects that need Ctrl-click; long ones scroll in
            # their box and can be narrowed by typing (static/js/checklist.js).
            "other_cities": Checklist,
            "organisations": Checklist,
            "extremism_forms": forms.CheckboxSelectMultiple,
            "stage": forms.RadioSelect,
            "evidence_level": forms.RadioSelect,
            "scope": forms.RadioSelect,
        }
        help_texts = {
            "title": _(
                "A short, plain name that says what the city did, e.g. “Youth mentors in "
                "the northern districts”. Only the title is needed to save a draft."
            ),
            "city": _("The member city that runs the practice."),
            "other_cities": _("Other member cities that took part: tick every one."),
            "organisations": _("Partner organisations that took part: tick every one."),
            "summary": _(
                "Two or three sentences a busy reader can skim: what was done, for whom, "
                "and what came of it."
            ),
            "problem": _(
                "The local situation that made the city act: what was happening, who was "
                "affected, and what was known about it. Facts and sources beat adjectives."
            ),
            "approach": _(
                "What was actually done, step by step: activities, who carried them out, "
                "how often, and how partners worked together."
            ),
            "target_audience": _(
                "Who the practice is for (age, group, setting) and how people were reached."
            ),
            "extremism_forms": _("The forms of violent extremism the practice responds to."),
            "start_year": _("The year the practice started (or will start)."),
            "end_year": _("Leave empty if it is still running."),
            "outcomes": _(
                "What changed and how you know: numbers, observations, feedback. "
                "Say honestly what did not work."
            ),
            "evidence_level": _(
                "How strong the evidence is. “Described only” is fine: most practice is not "
                "evaluated. Choose an evaluated level only if there is an evaluation report."
            ),
            "lessons": _(
                "What another city should know before adapting it: conditions for success, "
                "pitfalls, what you would do differently."
            ),
            "resources_needed": _("Staff, budget, partners and time it took, roughly."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"].initial = abuse.issue_token(DISPLAY_SCOPE)
        self.nonce = None
        practice = self.instance
        # A draft needs only its title; fields left unanswered keep the model's default.
        for name in ("language", "stage", "scope", "evidence_level"):
            self.fields[name].required = False
        self.fields["city"].queryset = City.objects.order_by("name")
        self.fields["city"].empty_label = _("— choose a city —")
        self.fields["other_cities"].queryset = City.objects.order_by("name")
        self.fields["organisations"].queryset = PartnerOrganisation.objects.order_by("name")
        self.fields["extremism_forms"].queryset = ExtremismForm.objects.all()

        current_themes = list(practice.themes.all()) if practice.pk else []
        self.fields["themes"].queryset = (
            Tag.objects.filter(
                Q(practices__status=Status.PUBLISHED) | Q(pk__in=[t.pk for t in current_themes])
            )
            .distinct()
            .order_by("name")
        )
        if practice.pk and not self.is_bound:
            self.initial["themes"] = [t.pk for t in current_themes]

        contacts = Q(user=user) if user is not None else Q(pk__in=[])
        if practice.city_id:
            contacts |= Q(city_id=practice.city_id)
        if practice.contact_practitioner_id:
            contacts |= Q(pk=practice.contact_practitioner_id)
        self.fields["contact_practitioner"].queryset = Practitioner.objects.filter(
            contacts
        ).order_by("full_name")

    @property
    def upload_to_choose_again(self):
        """The name of a file sent with a form that failed: browsers never keep a chosen
        file, so the page asks for it again by name (unless the file itself was refused)."""
        upload = self.files.get("attachment") if self.is_bound else None
        refused = "attachment" in self.errors
        return upload.name if upload and self.errors and not refused else None

    def sections(self):
        """(legend, introduction, bound fields) for each section of the page."""
        return [
            (legend, intro, [self[name] for name in names]) for legend, intro, names in FIELDSETS
        ]

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return upload
        count = self.instance.attachments.count() if self.instance.pk else 0
        limit = settings.ATTACHMENT_MAX_COUNT
        if count >= limit:
            raise forms.ValidationError(
                ngettext(
                    "A practice can have at most %(limit)d document. "
                    "Delete one before adding another.",
                    "A practice can have at most %(limit)d documents. "
                    "Delete one before adding another.",
                    limit,
                )
                % {"limit": limit},
                code="too_many",
            )
        validate_pdf(upload)
        return upload

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

    def clean_new_themes(self):
        return tags_from_string(self.cleaned_data.get("new_themes", ""))

    def save(self, commit=True):
        practice = super().save(commit=commit)
        if commit:
            self.save_extras()
        return practice

    def save_extras(self):
        """Themes and the uploaded document, which need the practice's primary key."""
        practice = self.instance
        chosen = list(self.cleaned_data.get("themes") or [])
        practice.themes.set(chosen + list(self.cleaned_data.get("new_themes") or []))
        upload = self.cleaned_data.get("attachment")
        if upload:
            attachment = Attachment.from_upload(
                practice, upload, title=self.cleaned_data.get("attachment_title")
            )
            try:
                attachment.save()
            except Exception:
                # The file reaches storage before its row: leave no orphan behind.
                if attachment.file.name and attachment.file.name != upload.name:
                    attachment.file.delete(save=False)
                raise
