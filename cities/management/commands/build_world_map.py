"""Draw the world the city maps stand on (static/img/world.svg) from the vendored Natural
Earth boundaries (cities/worldmap.py). The file is committed; run this after changing the
projection, the boundaries or templates/cities/map/world.svg, and a test fails until then."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cities.worldmap import render_world

OUTPUT = Path(settings.BASE_DIR) / "static" / "img" / "world.svg"


class Command(BaseCommand):
    help = "Draw static/img/world.svg from the vendored Natural Earth boundaries."

    def handle(self, *args, **options):
        OUTPUT.write_text(render_world())
        self.stdout.write(f"Wrote {OUTPUT} ({OUTPUT.stat().st_size:,} bytes).")
