"""Spreadsheet exports: every text cell made safe to open, whatever the format and the separator a spreadsheet picks.

One function, `spreadsheet_cell`, prepares every value of every CSV and XLSX
export (the staff listing of applications, the jury's ranking and scores):

- formulas (CSV/formula injection): a spreadsheet runs a text starting with
  `=`, `+`, `-`, `@`, a tab or a carriage return. It does so for a whole cell,
  and for any fragment of it it reads as a cell of its own: French Excel splits
  a comma-separated file on ";", another program a ";"-separated one on ",",
  tabs and line breaks. So an apostrophe goes before the text and after every
  separator (`,`, `;`, tab, line break) whose fragment starts with one of those
  characters, spaces and quotes before it included (`"=1"` is read as `=1`);
- control characters that XLSX cannot hold (openpyxl refuses them) are dropped,
  in both formats, so that both files say the same.
"""

import re

# A fragment starts at the start of the text or after a separator; it is live when, after spaces and quotes, it
# starts with a formula prefix. The apostrophe goes right after the separator: the spreadsheet shows the rest as text.
_LIVE_FRAGMENT = re.compile(r"""(^|[,;\t\r\n])(?=[ "]*[=+\-@\t\r])""")
# The characters XLSX refuses (openpyxl's ILLEGAL_CHARACTERS_RE): C0 controls but tab, line feed, carriage return.
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value):
    """Text with an apostrophe before every fragment a spreadsheet would run as a formula; other values unchanged.

    "=1+1" becomes "'=1+1", "Org a;=1+1" becomes "Org a;'=1+1"; a text that
    was already neutralised comes back unchanged.
    """
    if isinstance(value, str):
        return _LIVE_FRAGMENT.sub(r"\1'", value)
    return value


def spreadsheet_cell(value):
    """A value as an export writes it: text without the control characters XLSX refuses and with no live formula;
    numbers, dates and None unchanged."""
    if isinstance(value, str):
        return neutralise(_ILLEGAL_CHARACTERS.sub("", value))
    return value
