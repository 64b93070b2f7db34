"""French typography for what the labels pages and e-mails show: numbers, sizes, dates, plurals.

Django's own filters follow the language's locale data only partly (`filesizeformat` writes "10,0 Mio", and
without a translation catalogue `blocktrans count` applies the English plural to 0), so the few formats the
applicants read are written here once, as plain functions, and exposed as template filters.
"""

import datetime

from django.utils import formats

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
KILO = 1024


def number(value: int) -> str:
    """85000 → "85 000", thousands grouped by a narrow no-break space (French typography)."""
    sign, digits = ("-", str(-value)) if value < 0 else ("", str(value))
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + NARROW_NBSP.join(groups)


def size(value: int) -> str:
    """A file size in octets as French readers write it: "850 ko", "2,5 Mo", "10 Mo" (1 Mo = 1 024 ko)."""
    for unit, scale in (("Go", KILO**3), ("Mo", KILO**2), ("ko", KILO)):
        if value >= scale:
            amount = round(value / scale, 1)
            text = f"{amount:.1f}".removesuffix(".0").replace(".", ",")
            return f"{text}{NBSP}{unit}"
    return f"{value}{NBSP}o"


def date(value: datetime.date) -> str:
    """2015-03-01 → "1er mars 2015"."""
    text = formats.date_format(value, "j F Y")
    return text.replace("1 ", "1er ", 1) if value.day == 1 else text


def is_plural(count: int) -> bool:
    """French puts 0 and 1 in the singular: "0 lauréat", "1 lauréat", "2 lauréats"."""
    return abs(count) > 1
