"""Writing the search index: rebuilt whole from `sitesearch.sources`, after any change a reader could see.

Why rebuild rather than patch rows: what a hit shows depends on more than
its own row (a speaker is public because an event is; an organisation
because a manifesto names it; a private section hides all its subpages), so
the one rule of what is public stays in `sources`, applied to everything at
once. A rebuild of the demo (128 documents, 1,042 words) takes about 3 s on
the reference machine (2 busy cores, SQLite), in a handful of queries per
kind; it runs after the editor's transaction commits, once per transaction
however many rows it changed (`sitesearch.signals`), through the site's task
backend (the database worker in production, at once in development).
"""

import threading
from collections import Counter, defaultdict

from django.db import transaction

from interconnectes import clock
from interconnectes.content_version import bump_content_version
from sitesearch import sources, text
from sitesearch.models import Kind, SearchDocument, SearchWord

MAX_TERM_LENGTH = 60  # longer "words" are identifiers or addresses: not worth correcting to


class RebuildState(threading.local):
    """Rebuilds requested and done in this thread, so that one transaction's many changes rebuild once."""

    requested = 0
    done = 0


state = RebuildState()


def extra_texts(document: sources.Document) -> list[str]:
    """What a document is found by without showing it, its type included ("manifeste intelligence artificielle"
    finds the manifesto on AI even though its text never calls itself one)."""
    return [str(extra) for extra in [*document.extra, Kind(document.kind).label] if extra]


def document_row(document: sources.Document) -> SearchDocument:
    title_terms = text.indexed(document.title)
    return SearchDocument(
        key=document.key, kind=document.kind, title=document.title[:255], url=document.url[:500],
        date=document.date, year=document.year, public_from=document.public_from, tier=document.tier,
        body=document.body[:sources.BODY_LENGTH], title_terms=title_terms,
        terms=title_terms + text.indexed(document.body, *extra_texts(document)).lstrip(),
    )


def vocabulary(documents) -> list[SearchWord]:
    """Each term of the documents, with the form most of them write it in and how many hold it."""
    forms: dict[str, Counter] = defaultdict(Counter)
    holders: Counter = Counter()
    for document in documents:
        seen = set()
        for written in text.words(" ".join([document.title, document.body, *extra_texts(document)])):
            parts = [part for part in written.split("-") if part]
            pairs = [(text.stem(text.fold(part)), part.lower()) for part in parts]
            if len(parts) > 1:
                pairs.append((text.stem(text.fold("".join(parts))), written.lower()))
            for term, form in pairs:
                if len(term) <= MAX_TERM_LENGTH and len(form) <= 100:
                    forms[term][form] += 1
                    seen.add(term)
        holders.update(seen)
    return [SearchWord(term=term, display=forms[term].most_common(1)[0][0], documents=count)
            for term, count in holders.items()]


def rebuild() -> int:
    """Replace the whole index with what is public now; the number of documents."""
    state.done = state.requested
    found = sources.documents()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchWord.objects.all().delete()
        SearchDocument.objects.bulk_create([document_row(document) for document in found], batch_size=500)
        # Words of results whose publication is scheduled are not offered as corrections before it comes, nor
        # words only members may find (the corrections are offered to everyone).
        now = clock.now()
        public = [document for document in found
                  if (document.public_from is None or document.public_from <= now) and document.tier == 0]
        SearchWord.objects.bulk_create(vocabulary(public), batch_size=1000)
    # A search page cached for anonymous readers between the change and this rebuild is not served again.
    transaction.on_commit(bump_content_version)
    return len(found)
