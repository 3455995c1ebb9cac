"""Site content with a text per language (django-modeltranslation): region names."""

from modeltranslation.translator import TranslationOptions, register

from cities.models import Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", "hub_name", "hub_intro")
