from django import template

from practices.cards import card_html

register = template.Library()


@register.simple_tag
def practice_card(practice):
    """`{% practice_card practice %}`: the practice's card (practices/cards.py)."""
    return card_html(practice)
