"""A practice's card, as lists of practice show it (library, home, city and organisation
pages, related practice), written in Python rather than as a template per card: a page shows
twenty, and a template include per row costs more than the rest of the page.

The markup was that of the former includes/practice_card.html:

    <article class="card practice-card">
      <h3 class="card-title"><a href="URL">TITLE</a></h3>
      <p class="card-meta">CITY · REGION · <span class="badge ...">EVIDENCE</span></p>
      <p>SUMMARY, cut at 36 words</p>
      <ul class="tags" aria-label="Themes"><li>THEME</li>...</ul>
    </article>
"""

from html import escape

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext

SUMMARY_WORDS = 36


def card_html(practice):
    """The card of `practice` (loaded with `for_cards()`: city, region and themes at hand)."""
    city = practice.city
    meta = escape(city.name)
    if city.region_id:
        meta += " · " + escape(city.region.name)
    level = escape(practice.evidence_level)
    meta += (
        f'\n    · <span class="badge badge-evidence-{level}">'
        f"{escape(str(practice.get_evidence_level_display()))}</span>"
    )
    parts = [
        '<article class="card practice-card">\n'
        f'  <h3 class="card-title"><a href="'
        f'{escape(reverse("practices:detail", args=[practice.slug]))}">'
        f"{escape(practice.title)}</a></h3>\n"
        f'  <p class="card-meta">\n    {meta}\n  </p>\n'
    ]
    if practice.summary:
        summary = Truncator(practice.summary).words(SUMMARY_WORDS, truncate=" …")
        parts.append(f"  <p>{escape(summary)}</p>\n")
    themes = practice.themes.all()
    if themes:
        label = escape(gettext("Themes"))
        items = "".join(f"<li>{escape(theme.name)}</li>" for theme in themes)
        parts.append(f'  <ul class="tags" aria-label="{label}">{items}</ul>\n')
    parts.append("</article>")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


def cards_html(practices):
    """The cards of `practices`, a list of safe strings: plain values, cheap to keep in the
    cache in place of the model instances."""
    return [card_html(practice) for practice in practices]
