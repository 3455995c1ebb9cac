"""`manage.py purge_expired [--dry-run]`: remove what the portal no longer keeps
(privacy.retention), and say per kind how much went and from before when. Run daily by cron
or a systemd timer, its output is the mail an operator reads."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from privacy import retention

MOMENT = "%Y-%m-%d %H:%M"


def detail(rule, cutoff):
    months = settings.RETENTION_MONTHS[rule.setting]
    values = {"cutoff": cutoff.strftime(MOMENT), "months": months}
    if rule.counted_from == retention.REJECTED:
        return (
            ngettext(
                "rejected before %(cutoff)s (kept %(months)d month)",
                "rejected before %(cutoff)s (kept %(months)d months)",
                months,
            )
            % values
        )
    return (
        ngettext(
            "received before %(cutoff)s (kept %(months)d month)",
            "received before %(cutoff)s (kept %(months)d months)",
            months,
        )
        % values
    )


class Command(BaseCommand):
    help = (
        "Remove the contact messages, relayed messages, membership applications, interest "
        "in events and rejected submissions older than their retention period "
        "(settings.RETENTION_MONTHS), and expired sessions. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be removed, and remove nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.localtime()
        counts = retention.purge(now, dry_run=dry_run)
        cutoffs = retention.cutoffs(now)
        values = {"now": now.strftime(MOMENT), "zone": now.tzname()}
        if dry_run:
            heading = _("Dry run on %(now)s (%(zone)s): nothing was removed. It would remove:")
        else:
            heading = _("Expired data removed on %(now)s (%(zone)s):")
        rows = [
            (str(rule.label), counts[kind], detail(rule, cutoffs[kind]))
            for kind, rule in retention.RULES.items()
        ]
        rows.append(
            (str(retention.SESSIONS_LABEL), counts[retention.SESSIONS], _("past their expiry"))
        )
        width = max(len(label) for label, _count, _detail in rows)
        digits = max(len(str(count)) for _label, count, _detail in rows)
        out = self.stdout
        out.write(heading % values)
        for label, count, text in rows:
            out.write(f"  {label:<{width}}  {count:>{digits}}  {text}")
        total = sum(counts.values())
        if dry_run:
            summary = ngettext(
                "Total: %(count)d record would be removed.",
                "Total: %(count)d records would be removed.",
                total,
            )
        else:
            summary = ngettext(
                "Total: %(count)d record removed.", "Total: %(count)d records removed.", total
            )
        out.write(summary % {"count": total})
