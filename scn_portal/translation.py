"""Site content with a text per language (django-modeltranslation): the FAQ."""

from modeltranslation.translator import TranslationOptions, register

from scn_portal.models import FaqEntry


@register(FaqEntry)
class FaqEntryTranslation(TranslationOptions):
    fields = ("question", "answer")
