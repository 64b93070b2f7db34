"""What search engines and link previews read in a page's head: its description, canonical address and image.

Plain functions, no query: the pages pass what they hold. A description is
never empty (search engines otherwise pick a random sentence of the page, or
the menu) and never longer than `DESCRIPTION_LENGTH` characters, cut on a
word, so that result pages show it whole.
"""

import re
from html import unescape
from urllib.parse import urlencode

from django.utils.html import strip_tags

DESCRIPTION_LENGTH = 160
ELLIPSIS = "…"
SITE_NAME = "Les Interconnectés"
# The image link previews show: Open Graph's recommended size, in a format every previewer reads.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
SHARE_IMAGE_SIZE = (1200, 630)
# The GET parameters of paginated lists; a canonical address keeps them past the first page only.
PAGE_PARAMETERS = ("page", "a_venir")


def plain_text(text: str) -> str:
    """Text without tags, entities or runs of white space (a rich text paragraph becomes a sentence)."""
    return " ".join(unescape(strip_tags(text or "")).split())


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """`text` in `limit` characters at most, cut after the last whole word that fits, with an ellipsis."""
    text = plain_text(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - len(ELLIPSIS) + 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    else:
        cut = cut[:limit - len(ELLIPSIS)]
    return cut.rstrip(" ,;:.-–—(«") + ELLIPSIS


def first_paragraph(html: str) -> str:
    """The first non-empty paragraph of rich text, as plain text."""
    for paragraph in re.findall(r"<p[^>]*>(.*?)</p>", html or "", flags=re.S | re.I):
        text = plain_text(paragraph)
        if text:
            return text
    return plain_text(html)


def description(*candidates: str, fallback: str) -> str:
    """The first candidate with text in it, shortened; else the fallback, shortened (never empty)."""
    for candidate in candidates:
        text = shorten(candidate)
        if text:
            return text
    return shorten(fallback)


def canonical_url(base_url: str, query) -> str:
    """`base_url` with the page numbers of `query` (a QueryDict) kept when past the first page, nothing else.

    `/agenda/?page=1` and `/agenda/?theme=x` are the agenda itself; `/agenda/?page=3` is a page of its own.
    """
    kept = []
    for name in PAGE_PARAMETERS:
        value = query.get(name, "")
        if value.isdigit() and int(value) > 1:
            kept.append((name, int(value)))
    return base_url + ("?" + urlencode(kept) if kept else "")
