"""Text that staff format (news stories, event descriptions): a small subset of Markdown,
turned into HTML and cleaned with nh3, so that whatever is typed (raw HTML, scripts, styles,
images, event handlers) only ever comes out as the few elements below."""

import markdown
import nh3

# What a story may contain: paragraphs, emphasis, links, lists, quotes and two levels of
# heading below the page's own title (## and ###).
TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "h2", "h3"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render(text):
    """The HTML of `text` (Markdown), safe to show as it is."""
    html = markdown.markdown(text or "", output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
