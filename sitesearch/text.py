"""How the site's search reads French text: accents and capitals folded, plurals reduced, small words dropped.

The same functions read the indexed documents and the visitor's query, so
that "Electronique", "électroniques" and "ÉLECTRONIQUE" all meet on the term
"electronique". No request, no ORM: plain functions tested on examples.

The indexed form of a text is its terms between single spaces, with a space
at each end (" illectronisme numerique responsable "): a term matches a
document when " term" occurs in it, i.e. at the start of one of its words, so
"numer" finds "numérique" (search as you type) while "ique" finds nothing.
That is a plain `LIKE '% term%'`, which SQLite and PostgreSQL answer alike.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from interconnectes.folding import LIGATURES, fold

# Words too common to tell documents apart; a query made of them only keeps them (see `query_terms`).
STOP_WORDS = frozenset("""
a au aux avec c ce ces cet cette d dans de des du elle en et est il ils j l la le les leur leurs lui m ma mais me
mes n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes ton un une vos votre vous y
""".split())

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MAX_QUERY_TERMS = 8  # what a visitor types; past it the query is cut rather than the database asked more



def stem(word: str) -> str:
    """A folded word's singular, roughly: "reseaux" → "reseau", "territoriaux" → "territorial",
    "collectivites" → "collectivite"; short words are left alone ("bus", "ias")."""
    if len(word) > 4 and word.endswith("eaux"):
        return word[:-1]
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and word[-2] != "s":
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of a text as written, hyphenated ones kept whole ("Start-up", "l'illectronisme" gives "l" and
    "illectronisme")."""
    return WORD.findall(text.translate(LIGATURES))


def word_terms(word: str) -> list[str]:
    """The terms one written word is indexed under: its parts, and for a hyphenated word the parts joined too
    ("Start-up" → "start", "up", "startup"), so that either spelling finds it."""
    folded = fold(word)
    parts = [part for part in folded.split("-") if part]
    terms = [stem(part) for part in parts]
    if len(parts) > 1:
        terms.append(stem("".join(parts)))
    return terms


def indexed(*texts: str) -> str:
    """The searchable form of texts: " term term … " (see the module's docstring)."""
    terms = [term for text in texts for word in words(text or "") for term in word_terms(word)]
    return " " + " ".join(terms) + " " if terms else " "


def query_words(query: str) -> list[tuple[str, str]]:
    """(written word, term) for each distinct term of a query, in order, without the small words unless it has
    nothing else ("le numérique des Territoires" → [("numérique", "numerique"), ("Territoires", "territoire")]),
    at most `MAX_QUERY_TERMS`."""
    pairs = [(part, fold(part)) for word in words(query) for part in word.split("-") if part]
    kept = [(written, stem(term)) for written, term in pairs if term not in STOP_WORDS] or \
        [(written, stem(term)) for written, term in pairs]
    seen: dict[str, str] = {}
    for written, term in kept:
        seen.setdefault(term, written)
    return [(written, term) for term, written in seen.items()][:MAX_QUERY_TERMS]


def query_terms(query: str) -> list[str]:
    return [term for _written, term in query_words(query)]


def matches(word: str, variants) -> bool:
    """Whether a written word matches one of the query's variants (a variant starts one of its terms)."""
    return any(term.startswith(variant) for term in word_terms(word) for variant in variants)


def highlight(text: str, variants) -> SafeString:
    """`text` escaped, with the words the query matched in <mark>: safe to show whatever the text and query."""
    out, last = [], 0
    for found in WORD.finditer(text):
        if matches(found.group(), variants):
            out += [escape(text[last:found.start()]), "<mark>", escape(found.group()), "</mark>"]
            last = found.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # nosec B308 B703 # every piece of text went through escape()


def excerpt(text: str, variants, length: int = 220) -> str:
    """About `length` characters of `text` around the first word the query matched (its start when none did),
    cut on word boundaries, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    start = next((found.start() for found in WORD.finditer(text) if matches(found.group(), variants)), 0)
    start = max(0, start - length // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
