"""`{% cache_answers as name %}`: whether the shared cache answers, for the page that
explains a refusal (429.html) to say why honestly."""

from django import template

from scn_portal.page_cache import answers

register = template.Library()


@register.simple_tag
def cache_answers():
    return answers()
