"""`{% jinja "name" key=value ... %}`: an include drawn by Jinja2, Django's second template
engine, from templates/jinja2/. The names given in the tag are its whole context.

Every page is Django's templates. Three includes are Jinja2's, because a page draws them by
the hundred and Django's engine spends some microseconds on every value it writes: the map's
marks (cities/includes/map_marks.html: 154 on the member cities' map), a facet's options
(practices/includes/facet_options.html: about a hundred on a library page) and highlighted
search text (includes/marked.html: sixty parts on a search page). None of them has words to
translate: what they write comes translated, or is a name or a number. Drawn by Jinja2 the
city directory costs a quarter fewer instructions (docs/benchmarks.md). An include with
words to translate stays Django's (makemessages reads Django's templates only).

The templates read a row's values by key (`mark["x"]`): on a dict Jinja2 finds an item at
once, where `mark.x` first looks for an attribute and finds none."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def jinja(template_name, **context):
    """`template_name` from templates/jinja2/ drawn with `context`. Its output is escaped by
    Jinja2 as it is drawn (autoescape), so it is marked safe as an include's is."""
    drawn = engines["jinja2"].get_template(template_name).render(context)
    return mark_safe(drawn)  # noqa: S308 (escaped by Jinja2's autoescape)
