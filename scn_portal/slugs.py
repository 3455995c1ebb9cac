"""Readable, unique slugs for rows that members create (practices, practitioner profiles)."""

from django.utils.text import slugify


def unique_slug(model, text, max_length=None, exclude_pk=None, fallback="item"):
    """A slug made from `text` that no other row of `model` uses: `name`, `name-2`, ...

    Looks the candidates up in one query rather than one per attempt.
    """
    max_length = max_length or model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - 6].strip("-") or fallback
    taken = model.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    taken = set(taken.values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
