"""Spreadsheet exports: neutralise cells a spreadsheet would run as a formula (CSV/formula injection)."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix with an apostrophe any text starting with =, +, -, @, tab or carriage return."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
