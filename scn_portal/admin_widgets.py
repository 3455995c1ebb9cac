"""The admin's widgets, where Django's own draw HTML that the Nu Html Checker rejects."""

from django.contrib.auth.forms import ReadOnlyPasswordHashWidget


class PasswordSummary(ReadOnlyPasswordHashWidget):
    """The user page's summary of a password, without the `disabled` attribute that Django
    5.2 puts on its `<div>`, where HTML does not allow it."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].pop("disabled", None)
        return context


class ChecklistLists:
    """A ModelAdmin mixin: lists of other rows (many-to-many) as a `Checklist`, except those
    in `raw_id_fields` (thousands of practices), which keep the row's number and Django's
    search window. A `formfield_overrides` entry would win over `raw_id_fields`."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        from scn_portal.forms import Checklist

        if db_field.name not in self.raw_id_fields:
            kwargs["widget"] = Checklist
        return super().formfield_for_manytomany(db_field, request, **kwargs)
