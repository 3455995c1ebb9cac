"""The admin's widgets, where Django's own draw HTML that the Nu Html Checker rejects."""

from django.contrib.auth.forms import ReadOnlyPasswordHashWidget


class PasswordSummary(ReadOnlyPasswordHashWidget):
    """The user page's summary of a password, without the `disabled` attribute that Django
    5.2 puts on its `<div>`, where HTML does not allow it."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("disabled", None)
        return context
