"""The demo data set: invented but realistic sample content for trying the portal, and a
bulk generator of large data sets for benchmarks. `manage.py load_demo_data` and
`manage.py demo_accounts` are the entry points; every text is marked as sample content, in
the language it is written in."""

SAMPLE_MARK = "(Sample content.)"
SAMPLE_MARKS = {
    "en": SAMPLE_MARK,
    "fr": "(Contenu d’exemple.)",
    "ar": "(محتوى تجريبي.)",
    "es": "(Contenido de ejemplo.)",
}


def sample(text, language="en"):
    """`text` marked as sample content, so nobody mistakes the demo for real records."""
    return f"{text.strip()} {SAMPLE_MARKS[language]}"
