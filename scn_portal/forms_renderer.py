"""Django's form renderer, with its two commonest templates written in Python.

Every text box, checkbox and label of every form goes through a template of three nested
includes (django/forms/widgets/input.html, attrs.html, label.html); rendering them costs a
filter form several times what the rest of its page costs. `FormRenderer` writes exactly
the markup of those templates in Python (tests/scn_portal/test_forms_renderer.py compares
the two) and leaves every other template to Django.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

# The widget templates that are nothing but {% include "django/forms/widgets/input.html" %}.
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in (
        "checkbox",
        "color",
        "date",
        "datetime",
        "email",
        "file",
        "hidden",
        "number",
        "password",
        "search",
        "tel",
        "text",
        "time",
        "url",
    )
)
LABEL_TEMPLATE = "django/forms/label.html"


def _text(value):
    # What {{ value|stringformat:'s' }} writes: safe values as they are, others escaped.
    if isinstance(value, tuple):
        value = str(value)
    return conditional_escape(value)


def attrs_html(attrs):
    """django/forms/attrs.html: ` name="value"` each, a bare name for True, none for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{_text(value)}"')
    return "".join(parts)


def input_html(widget):
    """django/forms/widgets/input.html for the widget context `widget`."""
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{attrs_html(widget["attrs"])}>'
    )


def label_html(context):
    """django/forms/label.html."""
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{attrs_html(context['attrs'] or {})}>{label}</{tag}>"


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES:
            return mark_safe(input_html(context["widget"]))  # noqa: S308 (escaped above)
        if template_name == LABEL_TEMPLATE:
            return mark_safe(label_html(context))  # noqa: S308 (escaped above)
        return super().render(template_name, context, request)
