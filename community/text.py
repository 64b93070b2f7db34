"""What a post shows: plain text, escaped, with its web addresses made links and its mentions marked.

Everything typed is escaped first, piece by piece: only the markup made here
(paragraphs, line breaks, links to http(s) addresses, mentions) is HTML. An
address ends at a space, a quote or an angle bracket, and loses trailing
punctuation (the full stop ending a sentence); `javascript:` and any other
scheme stay text. A mention is "@" and a member's handle; the handles a page
needs are looked up once for all its posts (`mentioned_handles`), never one
by one.
"""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
MENTION = re.compile(r"(?<![\w@./-])@([a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?)", re.IGNORECASE)
TOKEN = re.compile(f"{URL.pattern}|{MENTION.pattern}", re.IGNORECASE)
TRAILING = ".,;:!?)]}»"
LINK_TEXT_MAX = 60
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def mentioned_handles(body: str) -> set[str]:
    """The handles a post names ("@camille-martin" → "camille-martin"), lower-cased, its addresses aside."""
    return {match[1].lower() for match in TOKEN.finditer(body) if match[1]}


def handles_in(bodies: Iterable[str]) -> set[str]:
    return set().union(*(mentioned_handles(body) for body in bodies))


def link(url: str) -> str:
    shown = url if len(url) <= LINK_TEXT_MAX else url[:LINK_TEXT_MAX - 1] + "…"
    return f'<a href="{escape(url)}" rel="nofollow ugc noopener">{escape(shown)}</a>'


def inline(line: str, known: set[str]) -> str:
    """One line: escaped text, with links and the mentions of `known` handles."""
    parts, position = [], 0
    for match in TOKEN.finditer(line):
        if match[1] is not None:
            handle = match[1].lower()
            if handle not in known:
                continue
            parts += [escape(line[position:match.start()]), f'<span class="mention">@{escape(handle)}</span>']
        else:
            url = match[0].rstrip(TRAILING)
            parts += [escape(line[position:match.start()]), link(url)]
            position = match.start() + len(url)
            continue
        position = match.end()
    parts.append(escape(line[position:]))
    return "".join(parts)


def render(body: str, known: set[str] = frozenset()) -> SafeString:  # type: ignore[assignment]
    """The post as HTML: a <p> per paragraph (blank line), <br> between its lines."""
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [paragraph.strip("\n") for paragraph in PARAGRAPH_BREAK.split(text) if paragraph.strip()]
    html = "".join("<p>" + "<br>".join(inline(line, known) for line in paragraph.split("\n")) + "</p>"
                   for paragraph in paragraphs)
    return mark_safe(html)  # nosec B308 B703  # every piece of typed text went through escape()
