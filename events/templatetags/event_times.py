"""Template filters for an event's times, shown in the event's own time zone."""

from datetime import UTC

from django import template

register = template.Library()


@register.filter
def utc_offset(value):
    """`{{ start|timezone:event.time_zone|utc_offset }}`: the offset from UTC of an aware
    datetime, as "+03:00" or "-04:30" (the "UTC" before it is the template's to word)."""
    offset = value.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


@register.filter
def utc_iso(value):
    """`{{ event.starts_at|utc_iso }}`: the moment in UTC for a <time datetime> attribute
    ("2027-05-12T06:00:00Z"), which static/js/local-time.js reads."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
