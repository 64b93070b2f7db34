"""Template filters for French dates, numbers, sizes and plurals (the rules are in labels/formatting.py)."""

from django import template

from labels import formatting

register = template.Library()


@register.filter
def fr_number(value):
    return formatting.number(int(value)) if value not in (None, "") else ""


@register.filter
def fr_size(value):
    return formatting.size(int(value)) if value not in (None, "") else ""


@register.filter
def fr_plural(value):
    """True when French writes the plural: `{% if total|fr_plural %}`."""
    return formatting.is_plural(int(value or 0))


@register.filter
def fr_date(value):
    """"1er février 2027" (a date, or a datetime already in local time)."""
    return formatting.date(value) if value else ""
