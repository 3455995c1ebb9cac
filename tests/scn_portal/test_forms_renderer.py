"""The form renderer writes the same markup as Django's own templates, for every kind of
text box, checkbox and label, whatever the attributes and values (escaped the same way)."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from scn_portal.forms_renderer import INPUT_TEMPLATES, FormRenderer

TRICKY = "a \"quoted\" <b>&amp;</b> 'value'"


class Everything(forms.Form):
    text = forms.CharField(label=TRICKY, help_text="help", max_length=20)
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, assume_scheme="https")
    number = forms.IntegerField(required=False, min_value=1, max_value=9)
    password = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search"}), required=False)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    checkbox = forms.BooleanField(required=False)
    flags = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"autofocus": True, "disabled": False, "data-x": TRICKY}),
    )
    upload = forms.FileField(required=False)
    safe = forms.CharField(required=False, label=mark_safe("<em>safe</em> label"))


DATA = {
    "text": TRICKY,
    "email": "not an email",
    "url": "x",
    "number": "12",
    "password": TRICKY,
    "hidden": TRICKY,
    "search": "<script>",
    "date": "2024-01-02",
    "checkbox": "on",
    "flags": "",
}


def rendered(form, renderer):
    form.renderer = renderer
    out = []
    for field in form:
        out.append(str(field))
        out.append(field.label_tag())
        out.append(field.label_tag(attrs={"class": "x", "hidden": True}, label_suffix=":"))
        out.append(field.legend_tag())
    return out


@pytest.mark.parametrize("data", [None, DATA], ids=["unbound", "bound with errors"])
def test_every_input_and_label_is_written_as_django_writes_it(data):
    ours = rendered(Everything(data), FormRenderer())
    django = rendered(Everything(data), DjangoTemplates())
    assert ours == django
    # The tricky text (in an attribute, and as a value when bound) is escaped, never raw.
    written = "".join(ours)
    assert '"a &quot;quoted&quot; &lt;b&gt;&amp;amp;&lt;/b&gt; &#x27;value&#x27;"' in written
    assert "<b>" not in written
    assert "<em>safe</em> label" in written


def test_the_python_path_covers_only_templates_that_are_the_plain_input():
    from pathlib import Path

    import django

    widgets = Path(django.__file__).parent / "forms" / "templates" / "django" / "forms" / "widgets"
    plain = '{% include "django/forms/widgets/input.html" %}'
    for name in INPUT_TEMPLATES:
        assert (widgets / name.rsplit("/", 1)[1]).read_text().strip() == plain, name


def test_the_site_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert settings.FORM_RENDERER == "scn_portal.forms_renderer.FormRenderer"
    assert isinstance(Everything().renderer or get_default_renderer(), FormRenderer)
