"""Typo tolerance and "Essayez plutôt …": a query's terms checked against the words the index holds.

A term the index knows (or that starts one of its words, as someone typing
"numér") is searched as it is. A term it does not know is searched under the
indexed words that are spelled most like it (difflib's ratio, at least
`CUTOFF`), so "ilectronisme" finds "illectronisme" and "numerik" finds
"numérique"; the closest of them, as most documents write it, is offered as
the correction. Words of three letters or fewer are never corrected: too many
short words are one letter apart.

The candidates are the indexed words that start with the term's first letter
and are about as long (`candidates_filter`): one query, whatever the size of
the vocabulary, and a typo in the first letter is left uncorrected.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

CUTOFF = 0.75
MAX_VARIANTS = 3
LENGTH_SLACK = 3
MIN_FUZZY_LENGTH = 4


@dataclass(frozen=True)
class Word:
    """A word of the index: its term, the form most documents write it in, how many documents hold it."""

    term: str
    display: str
    documents: int = 1


@dataclass
class Expansion:
    """What the index is searched for: per term, the variants any of which a document must hold."""

    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    corrections: dict[str, str] = field(default_factory=dict)  # term → the written form proposed instead

    @property
    def all_variants(self) -> frozenset[str]:
        return frozenset(variant for variants in self.variants.values() for variant in variants)

    def suggestion(self, written_terms) -> str:
        """The corrected query (the visitor's own words where nothing was corrected), or "" without correction."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(term, written) for written, term in written_terms)


def similarity(first: str, second: str) -> float:
    return SequenceMatcher(None, first, second).ratio()


def candidate_bounds(term: str) -> tuple[str, int, int]:
    """(first letter, shortest, longest) of the indexed words a misspelled `term` may stand for."""
    return term[0], max(1, len(term) - LENGTH_SLACK), len(term) + LENGTH_SLACK


def expand(terms, vocabulary) -> Expansion:
    """The variants of each term and the corrections, given `vocabulary`: the `Word`s of the index that start
    with one of the terms or are candidates for one (extra words are harmless)."""
    expansion = Expansion()
    for term in terms:
        if any(word.term.startswith(term) for word in vocabulary):
            expansion.variants[term] = (term,)
            continue
        first, shortest, longest = candidate_bounds(term)
        scored = sorted(
            ((similarity(term, word.term), word) for word in vocabulary
             if len(term) >= MIN_FUZZY_LENGTH and word.term.startswith(first)
             and shortest <= len(word.term) <= longest),
            key=lambda pair: (-pair[0], -pair[1].documents, pair[1].term))
        close = [word for score, word in scored if score >= CUTOFF][:MAX_VARIANTS]
        expansion.variants[term] = tuple(word.term for word in close) or (term,)
        if close:
            expansion.corrections[term] = close[0].display
    return expansion
