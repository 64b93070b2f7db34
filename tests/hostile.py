"""Hostile inputs shared by the hardening tests, and the checks that they stayed inert.

Stored XSS: a payload typed by an applicant, a juror, staff or an editor must
come back as text wherever it is shown, never as markup. Formula injection: a
spreadsheet must show a cell starting with `=`, `+`, `-` or `@` as text. Image
bombs: a tiny file that claims huge dimensions must be refused before anyone
decodes it.
"""

import csv
import html
import io
import re
import struct
import zlib
from html.parser import HTMLParser

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
JAVASCRIPT_LINK = "javascript:alert(1)"
HYPERLINK = '=HYPERLINK("http://x")'
DDE = "+cmd|' /C calc'!A0"
AT_FORMULA = "@SUM(1+1)"

MARKUP_PAYLOADS = [SCRIPT, ATTRIBUTE, JAVASCRIPT_LINK]
FORMULA_PAYLOADS = [HYPERLINK, DDE, AT_FORMULA]
PAYLOADS = MARKUP_PAYLOADS + FORMULA_PAYLOADS
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A spreadsheet splits a CSV on the separator it guesses (French Excel: ";"), so a formula may hide after a
# separator inside a cell: "Org a;=1+1" is two cells, the second live, once a comma-separated file is read on ";".
SEPARATED_FORMULAS = ["Org a;=1+1+cmd|' /C calc'!A0", "e,=1+1+cmd|' /C calc'!A0", "Note\n@SUM(A1)",
                      'ligne\t"-2+3"', "x, +33 1 23"]
SEPARATORS = re.compile(r"[,;\t\r\n]")


class _ActiveMarkup(HTMLParser):
    """Collects what a browser would run: a payload's script, event-handler attributes, javascript: URLs."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert(1)" in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in self.URL_ATTRIBUTES and "".join(value.split()).lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip() == "alert(1)":
            self.found.append(f"<script>{data}</script>")


def assert_inert(content, where=""):
    """No payload became markup: no script of ours, no onerror= attribute, no javascript: link."""
    if isinstance(content, bytes):
        content = content.decode()
    parser = _ActiveMarkup()
    parser.feed(content)
    parser.close()
    assert parser.found == [], f"{where}: {parser.found}"
    assert SCRIPT not in content, where
    assert "<img src=x onerror" not in content.lower(), where
    assert 'href="javascript:' not in content.lower() and "href='javascript:" not in content.lower(), where


def assert_shown(content, payload, where=""):
    """The payload is on the page as text (so the inert check above was not passed by leaving it out)."""
    if isinstance(content, bytes):
        content = content.decode()
    assert payload in html.unescape(content), f"{where}: {payload!r} absent"


def csv_cells(content: bytes, delimiter: str | None = None) -> list[str]:
    """The cells a spreadsheet reads, splitting on `delimiter` (by default the one the file's header uses)."""
    text = content.decode("utf-8-sig")
    if delimiter is None:
        delimiter = ";" if ";" in text.splitlines()[0] else ","  # the jury's exports are for French Excel
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def xlsx_cells(content: bytes) -> list:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    cells = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {sheet.title}!{cell.coordinate}: {cell.value!r}"
                cells.append(cell.value)
    return cells


def assert_no_formula(cells, where=""):
    """Every text a spreadsheet would evaluate starts with an apostrophe instead: a cell, and any fragment of it
    after a separator (`,`, `;`, tab, line break), spaces and quotes before it included."""
    risky = [cell for cell in cells if isinstance(cell, str)
             and any(fragment.lstrip(' "').startswith(FORMULA_PREFIXES)
                     for fragment in [cell, *SEPARATORS.split(cell)[1:]])]
    assert risky == [], f"{where}: {risky}"


def huge_png(width=20_000, height=20_000) -> bytes:
    """A 67-byte PNG whose header claims width x height pixels (a 1x1 image with its IHDR rewritten)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    struct.pack_into(">II", data, 16, width, height)  # IHDR data starts after signature, length and type
    struct.pack_into(">I", data, 29, zlib.crc32(bytes(data[12:29])))
    return bytes(data)
