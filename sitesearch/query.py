"""Searching the index: matching, ranking, grouping by type, counts per type and year, in a fixed number of
queries whatever the index holds.

1. the query's terms (`text.query_words`) are checked against the index's
   words in one query and expanded to the words they may be a typo of
   (`spelling.expand`);
2. a document matches when, for every term, it holds one of its variants at
   the start of a word (`LIKE '% variant%'` on folded text: the same on
   SQLite and PostgreSQL, no full-text dialect);
3. it is scored per term (`score`); ties go to the thing itself before a
   page that lists it (`Kind`'s order), then to the most recent;
4. without a type filter the three best of each type are read in one query
   (a window function) and the types come in the order of their best hit;
   with one, that type is paginated.

Then one query counts the hits per type and one per year (the filters' counts).
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import Length, RowNumber
from django.utils.safestring import SafeString

from sitesearch import spelling, text
from sitesearch.models import KIND_PLURALS, Kind, SearchDocument, SearchWord

PER_GROUP = 3
PER_PAGE = 10
MIN_PREFIX = 4  # shorter terms match whole words only
KIND_ORDER = {kind: position for position, kind in enumerate(Kind.values)}


@dataclass
class Hit:
    document: SearchDocument
    title: SafeString
    excerpt: SafeString
    kind_label: str
    score: int = 0


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit]


@dataclass
class Results:
    query: str
    terms: list[str]
    suggestion: str = ""
    total: int = 0
    groups: list[Group] = field(default_factory=list)  # without a type filter
    page: Page | None = None  # with one: a page of `Hit`s
    kind_counts: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, plural label, hits)
    year_counts: list[tuple[int, int]] = field(default_factory=list)  # (year, hits), newest first

    @property
    def first(self) -> Hit | None:
        hits = list(self.page.object_list) if self.page is not None else [hit for group in self.groups
                                                                          for hit in group.hits[:1]]
        return hits[0] if hits else None


def vocabulary(terms) -> list[spelling.Word]:
    """The index's words that start with one of `terms` or may be what a typo of one meant (one query)."""
    if not terms:
        return []
    wanted = []
    for term in terms:
        first, shortest, longest = spelling.candidate_bounds(term)
        wanted += [Q(term__startswith=term), Q(term__startswith=first, length__gte=shortest, length__lte=longest)]
    rows = SearchWord.objects.annotate(length=Length("term")).filter(reduce(or_, wanted)).values_list(
        "term", "display", "documents")
    return [spelling.Word(*row) for row in rows]


def start(variant: str) -> str:
    """What a document's folded text holds where a word starts with `variant`; a short one must be the whole
    word ("man" is Le Mans, not every "manifeste")."""
    return f" {variant}" if len(variant) >= MIN_PREFIX else f" {variant} "


def matching(expansion: spelling.Expansion) -> Q:
    return reduce(and_, (reduce(or_, (Q(terms__contains=start(variant)) for variant in variants))
                         for variants in expansion.variants.values()))


def either(lookup: str, texts) -> Q:
    return reduce(or_, (Q(**{lookup: found}) for found in texts))


def score(expansion: spelling.Expansion):
    """Per term: 8 for a whole word of the title, 5 for the start of one, 3 for a whole word elsewhere, 1 for
    the start of one; 10 more when the title holds the query's terms in a row ("territoires numériques
    responsables" before "numérique responsable des territoires")."""
    def term_score(variants):
        return Case(
            When(either("title_terms__contains", [f" {variant} " for variant in variants]), then=Value(8)),
            When(either("title_terms__contains", [start(variant) for variant in variants]), then=Value(5)),
            When(either("terms__contains", [f" {variant} " for variant in variants]), then=Value(3)),
            default=Value(1), output_field=IntegerField())
    total = reduce(lambda total, part: total + part, (term_score(v) for v in expansion.variants.values()))
    if len(expansion.variants) > 1 and not expansion.corrections:
        phrase = " " + " ".join(expansion.variants) + " "
        total += Case(When(title_terms__contains=phrase, then=Value(10)), default=Value(0),
                      output_field=IntegerField())
    return total


def kind_priority():
    """Between hits that score alike, the thing itself before a page that lists it (an event before its tour)."""
    return Case(*(When(kind=kind, then=Value(position)) for kind, position in KIND_ORDER.items()),
                output_field=IntegerField())


def visible(now, tier: int) -> Q:
    """What a reader of `tier` may find at `now`."""
    return (Q(public_from__isnull=True) | Q(public_from__lte=now)) & Q(tier__lte=tier)


def hit(document, variants) -> Hit:
    return Hit(document=document, title=text.highlight(document.title, variants),
               excerpt=text.highlight(text.excerpt(document.body, variants), variants),
               kind_label=str(Kind(document.kind).label), score=getattr(document, "score", 0))


def search(query: str, now, *, kind: str = "", year: int | None = None, page_number=None, tier: int = 0) -> Results:
    """The hits of `query` that a reader of `tier` may see at `now`, filtered by type and year."""
    written = text.query_words(query)
    terms = [term for _written, term in written]
    results = Results(query=query, terms=terms)
    if not terms:
        return results
    expansion = spelling.expand(terms, vocabulary(terms))
    variants = expansion.all_variants
    found = SearchDocument.objects.filter(visible(now, tier), matching(expansion))
    in_year = found.filter(year=year) if year else found
    of_kind = found.filter(kind=kind) if kind else found
    counts = dict(in_year.order_by().values_list("kind").annotate(hits=Count("pk")))
    results.kind_counts = [(kind_value, str(KIND_PLURALS[Kind(kind_value)]), counts[kind_value])
                           for kind_value in Kind.values if kind_value in counts]
    results.year_counts = list(of_kind.exclude(year__isnull=True).order_by("-year").values_list("year")
                               .annotate(hits=Count("pk")))
    results.total = sum(counts.values()) if not kind else counts.get(kind, 0)
    results.suggestion = expansion.suggestion(written) if counts else ""  # a correction that finds something
    ranked = (of_kind.filter(year=year) if year else of_kind).annotate(score=score(expansion))
    ranked = ranked.annotate(priority=kind_priority())
    ordering: list = [F("score").desc(), "priority", F("date").desc(nulls_last=True), "title", "pk"]
    if kind:
        page = Paginator(ranked.order_by(*ordering), PER_PAGE).get_page(page_number)
        hits: list = [hit(document, variants) for document in page.object_list]
        page.object_list = hits
        results.page = page
        return results
    best = ranked.annotate(rank=Window(RowNumber(), partition_by=[F("kind")], order_by=ordering)).filter(
        rank__lte=PER_GROUP).order_by(*ordering)
    groups: dict[str, Group] = {}
    for document in best:
        group = groups.setdefault(document.kind, Group(document.kind, str(KIND_PLURALS[Kind(document.kind)]),
                                                        counts.get(document.kind, 0), []))
        group.hits.append(hit(document, variants))
    results.groups = list(groups.values())  # in the order of their best hit
    return results
