"""`manage.py load_demo_data`: the demo data set (idempotent), or with --scale a large
generated data set for benchmarks (cities, organisations, practitioners, practice, news
stories, events and resources, in the numbers given by the options)."""

import time

from django.core.management.base import BaseCommand

from demo import scale
from demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo data set (sample content; running it again changes nothing). "
        "With --scale, bulk-load a large generated data set for benchmarks instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            action="store_true",
            help="Bulk-load generated rows (slugs start with 'scale-'), replacing earlier ones.",
        )
        parser.add_argument("--cities", type=int, default=scale.DEFAULTS["cities"])
        parser.add_argument("--organisations", type=int, default=scale.DEFAULTS["organisations"])
        parser.add_argument("--practitioners", type=int, default=scale.DEFAULTS["practitioners"])
        parser.add_argument("--practices", type=int, default=scale.DEFAULTS["practices"])
        parser.add_argument(
            "--stories",
            type=int,
            default=scale.DEFAULTS["stories"],
            help="News stories for --scale, all published over the past three years.",
        )
        parser.add_argument(
            "--events",
            type=int,
            default=scale.DEFAULTS["events"],
            help="Events for --scale, all published: half of them over, half to come.",
        )
        parser.add_argument(
            "--resources",
            type=int,
            default=scale.DEFAULTS["resources"],
            help="Resources for --scale, all published, each with its recorded step.",
        )
        parser.add_argument("--seed", type=int, default=2015, help="Random seed for --scale.")

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["scale"]:
            counts = scale.load_scale(
                cities=options["cities"],
                organisations=options["organisations"],
                practitioners=options["practitioners"],
                practices=options["practices"],
                stories=options["stories"],
                events=options["events"],
                resources=options["resources"],
                seed=options["seed"],
            )
            summary = ", ".join(f"{n} {label}" for label, n in counts.items())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Scale data loaded in {time.monotonic() - started:.1f} s: {summary}."
                )
            )
            return
        created = load_demo()
        made = ", ".join(f"{n} {label}" for label, n in created.items() if n)
        if made:
            self.stdout.write(self.style.SUCCESS(f"Demo data loaded: created {made}."))
        else:
            self.stdout.write("Demo data already present: nothing to change.")
