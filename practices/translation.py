"""Site content with a text per language (django-modeltranslation): the names of the forms
of extremism."""

from modeltranslation.translator import TranslationOptions, register

from practices.models import ExtremismForm


@register(ExtremismForm)
class ExtremismFormTranslation(TranslationOptions):
    fields = ("name",)
