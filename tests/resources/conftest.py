"""The resource hub's tests: a suggestion form's fields as a member fills them in."""


def suggestion(**changes):
    """What a member types into the suggestion form."""
    return {
        "title": "Talking with young people about conspiracy myths",
        "kind": "guide",
        "summary": "A guide for youth workers on conversations about conspiracy myths.",
        "language": "en",
        "themes": "youth engagement, online harms",
        "publisher": "",
        "year": "2023",
        "url": "https://example.org/guide",
        **changes,
    }
