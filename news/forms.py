"""Forms of the news: the filters of the story list (from the query string, so a filtered
list can be shared), and the story form staff fill in the admin, which checks and redraws
the image (news/images.py)."""

from urllib.parse import urlencode

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from news.images import ACCEPT, prepare_image
from news.models import Story
from scn_portal.languages import tag_name

FILTERS = ("region", "theme")


def _option(name, count):
    return _("%(name)s (%(count)d)") % {"name": name, "count": count}


class StoryFilterForm(forms.Form):
    """What a visitor asked the story list for. An unknown value is reported under its
    field and ignored; the other filter still applies. `facets` (Story's `facet_counts`,
    or a function returning it, read only when the form is drawn or checked) gives the
    choices: the regions and themes of published stories, with how many each has."""

    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        error_messages={
            "invalid_choice": _("No published story is about this region: choose one listed.")
        },
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        error_messages={
            "invalid_choice": _("No published story has this theme: choose one listed.")
        },
    )

    def __init__(self, data, facets):
        super().__init__(data)
        self._facets = facets
        self.fields["region"].choices = self._region_choices
        self.fields["theme"].choices = self._theme_choices

    def _read(self, kind):
        facets = self._facets() if callable(self._facets) else self._facets
        return facets[kind]

    def _region_choices(self):
        options = [(slug, _option(name, count)) for slug, name, count in self._read("region")]
        return [("", _("All regions")), *options]

    def _theme_choices(self):
        named = [(slug, tag_name(name), count) for slug, name, count in self._read("theme")]
        named.sort(key=lambda option: option[1].casefold())
        options = [(slug, _option(name, count)) for slug, name, count in named]
        return [("", _("All themes")), *options]

    @property
    def chosen(self):
        """{filter: slug} of the valid filters chosen."""
        if not self.is_bound or not self.data:
            return {}
        self.is_valid()
        return {name: self.cleaned_data[name] for name in FILTERS if self.cleaned_data.get(name)}

    @property
    def active(self):
        """Whether the visitor chose any filter, valid or not ("Clear filters")."""
        return any(self.data.get(name) for name in FILTERS)

    @property
    def query(self):
        """The valid filters as a query string (for the feed of the same stories)."""
        return urlencode(sorted(self.chosen.items()))

    def apply(self, stories):
        return filter_stories(stories, **self.chosen)


def filter_stories(stories, region="", theme=""):
    if region:
        stories = stories.for_region(region)
    if theme:
        stories = stories.with_theme(theme)
    return stories


class _CurrentImage:
    """What the file widget shows as the current image: its address on the site (the
    stored file has none of its own: media are not served as they are)."""

    def __init__(self, url, label):
        self.url = url
        self.label = label

    def __str__(self):
        return str(self.label)


class StoryImageInput(AdminFileWidget):
    preview_url = ""

    def __init__(self, attrs=None):
        super().__init__({"accept": ACCEPT, **(attrs or {})})

    def format_value(self, value):
        if self.is_initial(value) and self.preview_url:
            return _CurrentImage(self.preview_url, _("the current image"))
        return super().format_value(value)


class StoryAdminForm(forms.ModelForm):
    """The story form in the admin. The image is any upload Pillow recognises as JPEG, PNG
    or WebP, whatever its name, redrawn without its metadata (news.images); its description
    is required with it (Story.clean)."""

    image = forms.FileField(
        label=_("image"),
        required=False,
        widget=StoryImageInput,
        help_text=_(
            "A JPEG, PNG or WebP photo of at most 10 MB. It is stored at most 1600 pixels "
            "wide, without its metadata (camera, date, place taken)."
        ),
    )

    class Meta:
        model = Story
        fields = [
            "title",
            "slug",
            "standfirst",
            "body",
            "image",
            "image_alt",
            "language",
            "status",
            "publish_at",
            "regions",
            "cities",
            "practices",
            "themes",
        ]
        help_texts = {
            "status": _(
                "A story stays a draft, seen only by staff, until you set it to published."
            ),
            "publish_at": _(
                "A published story appears on the site from this time on: a time in the "
                "future schedules it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.image:
            self.fields["image"].widget.preview_url = self.instance.image_url

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            return prepare_image(image)
        return image
