"""{% fragment "name" key %}…{% endfragment %}: a part of a page kept as HTML in the cache.

Drawing a page's content costs more than reading what it shows (which the views keep in the
cache already: scn_portal.page_cache.cached_data). A fragment is kept the same way: under
the content generation, so any change to published content forgets it, in the visitor's
language, and keyed by `key`, which the view sets to everything the fragment depends on
(the object shown, whether the viewer is signed in). When `key` is None or not set, the
fragment is drawn every time: so it is for anything personal, such as an author's preview.

What is personal to one request never goes in a fragment: a {% csrf_token %} inside one is
refused when the template is compiled.
"""

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.translation import get_language

from scn_portal.page_cache import cached_data

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, key):
        self.nodelist = nodelist
        self.name = name
        self.key = key

    def render(self, context):
        # A key the view did not set is None too (not the empty string of a missing variable).
        key = self.key.resolve(context, ignore_failures=True)
        if key is None:
            return self.nodelist.render(context)
        return cached_data(
            f"fragment:{self.name}",
            lambda: self.nodelist.render(context),
            key,
            get_language(),
        )


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            f'Usage: {{% {bits[0]} "name" key %}}…{{% end{bits[0]} %}}'
        )
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(CsrfTokenNode):
        raise template.TemplateSyntaxError(
            "A fragment is kept for everyone: it cannot hold a {% csrf_token %}."
        )
    return FragmentNode(nodelist, bits[1][1:-1], parser.compile_filter(bits[2]))
