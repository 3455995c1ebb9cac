"""Django's template engine against Jinja2 for the practice card: a page of twenty cards
drawn from the bench database (DATABASE_URL, default scn_bench_20000 on 127.0.0.1;
CACHE_URL, default Redis on 127.0.0.1). The Jinja2 card (bench/jinja2/) mirrors
templates/practices/includes/card.html and exists for this measurement only: the card has
words to translate, so the portal draws it with Django's engine. (A facet's options, the
map's marks and highlighted search text are Jinja2's in the portal itself:
scn_portal/templatetags/jinja.py.) Prints the median of each, in milliseconds.

    .venv/bin/python bench/template_engines.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/scn_bench_20000")
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-not-for-any-deployment-0123456789")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("ALLOWED_HOSTS", "localhost")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/9")
os.environ.setdefault("CACHE_KEY_PREFIX", "scn-bench")

import django  # noqa: E402

django.setup()

import jinja2  # noqa: E402
from django.template import engines  # noqa: E402
from django.template.defaultfilters import truncatewords  # noqa: E402
from django.utils import translation  # noqa: E402

from practices.filters import Library  # noqa: E402

TIMES = 300


def median_ms(draw):
    draw()
    spent = []
    for _ in range(TIMES):
        started = time.perf_counter()
        draw()
        spent.append(time.perf_counter() - started)
    return statistics.median(spent) * 1000


def main():
    translation.activate("en")
    library = Library({})
    cards = library.page(0, 20)

    django_engine = engines["django"]
    django_cards = django_engine.from_string(
        '{% for practice in cards %}{% include "practices/includes/card.html" %}{% endfor %}'
    )

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(BASE_DIR / "bench" / "jinja2"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translation, newstyle=True)
    env.filters["truncatewords"] = truncatewords
    card = env.get_template("practices/card.html")

    def jinja_cards():
        return "".join(card.render(practice=practice) for practice in cards)

    print(f"{'what':<28}{'Django ms':>12}{'Jinja2 ms':>12}")
    for label, with_django, with_jinja in [
        ("20 practice cards", lambda: django_cards.render({"cards": cards}), jinja_cards),
    ]:
        print(f"{label:<28}{median_ms(with_django):>12.2f}{median_ms(with_jinja):>12.2f}")


if __name__ == "__main__":
    main()
