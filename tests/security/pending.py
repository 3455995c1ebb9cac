"""PENDING_VIEWS: the one list of pages the security harnesses skip because their view is
still a placeholder on this branch (it raises Http404 until the branch named here lands).

After merging a branch, delete its entries: the permission matrix, the leak checks, the fuzz
and the stored-XSS harness then cover those pages. `test_pending_views_are_still_placeholders`
fails as soon as a listed view is real, so no entry outlives its placeholder.
"""

import pytest

PENDING_VIEWS = {
    # url name: the branch that builds the view (none pending now)
}


def is_placeholder(view):
    """The foundation's stand-ins: a view named `_pending`, and a feed titled "placeholder"."""
    return (
        getattr(view, "__name__", None) == "_pending"
        or getattr(view, "title", None) == "placeholder"
    )


def pending_marks(*url_names):
    """The skip mark for a test row that needs any of `url_names` while one is pending."""
    for name in url_names:
        if name in PENDING_VIEWS:
            return [pytest.mark.skip(reason=f"view {name} lands from branch {PENDING_VIEWS[name]}")]
    return []


def row(*values, url_names, id=None):  # noqa: A002 - the name pytest.param uses
    """pytest.param for a row that exercises the pages named `url_names`."""
    return pytest.param(*values, marks=pending_marks(*url_names), id=id)
