"""Site content with a text per language (django-modeltranslation): the FAQ, and the names
of themes and focus areas (tags) in the other languages."""

from modeltranslation.translator import TranslationOptions, register

from scn_portal.models import FaqEntry, TagName


@register(FaqEntry)
class FaqEntryTranslation(TranslationOptions):
    fields = ("question", "answer")


@register(TagName)
class TagNameTranslation(TranslationOptions):
    fields = ("name",)
