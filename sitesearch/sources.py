"""What the site search may find, and nothing else: one place that knows, per kind of thing, what is public
and what a hit shows (title, address, type, date, the text of its excerpt).

The rule of what is public is each section's own, reused here rather than
written again:

- pages: live, under no view restriction (Wagtail's `live().public()`), not
  hidden from search engines (`noindex`), never the root or the home page;
  an event or a manifesto is a hit of its own kind; a campaign and a tour
  are dated by their opening and their season;
- speakers: the people of a session of a live, public event, as the agenda's
  speaker index lists them (`EventIndexPage.speakers`), with what their public
  page shows (name, role, organisation, biography), never an e-mail or phone;
- organisations: those a public page names (a manifesto's cosignatories, an
  event's organisers and partners, a speaker's organisation), by name, type
  and region only;
- laureate projects: laureates and special mentions of live, public
  campaigns whose results publication is written, read through
  `labels.public_results` (the published columns only) and found from the
  moment of publication (`public_from`);
- AI projects: the AI library's use cases (pages) and each implementation of
  a public one, read through `library.tiers.visible_record` at level 0, so
  that no field of a higher level can reach the index;
- replays: those any page may name (`Replay.objects.announced()`: captions
  and consent, not kept for share links), found by their transcript chapter
  by chapter, so that a hit opens the replay at the chapter that says it
  (`?chapitre=N`); a members' replay is found by member agents only (its
  document's tier, `replays.permissions.search_tier`) and lends no word to
  the corrections offered to everyone;
- resources: the published, public resources of the resource space (a live,
  public `ResourceIndexPage`), through `Resource.objects.public()`: a
  members-only resource never reaches the index.

Everything is read in a bounded number of queries per kind; this runs when
the index is rebuilt, never while a visitor searches.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.search import index

from events.models import EventIndexPage, EventOrganisation, EventPage, SessionParticipant, TourPage
from interconnectes.models import HomePage, Organisation
from interconnectes.regions import Region
from labels import public_results
from labels.models import Application, LabelCampaignPage
from library.models import Implementation, UseCasePage
from library.tiers import Level, visible_record
from manifestes.models import ManifestoPage, ManifestoSignatory
from replays import permissions as replay_permissions
from replays.models import Replay
from replays.transcripts import chapter_texts
from resources.models import Resource, ResourceIndexPage
from sitesearch.models import Kind

BODY_LENGTH = 4000  # the text an excerpt is cut from; the terms come from all of it


@dataclass
class Document:
    key: str
    kind: str
    title: str
    url: str
    body: str = ""
    extra: list[str] = field(default_factory=list)  # found by, not shown (names of speakers, places…)
    date: datetime.date | None = None
    year: int | None = None
    public_from: datetime.datetime | None = None
    tier: int = 0  # found by readers of this tier and above (`accounts.tiers.Tier`)
    organisation_id: int | None = None  # a speaker's organisation, which is then public too


def joined(texts) -> str:
    """Distinct non-empty texts, in order, as one text."""
    return " ".join(dict.fromkeys(" ".join(str(text).split()) for text in texts if text and str(text).strip()))


def searchable_texts(page) -> list[str]:
    """The text of the fields the page type declares searchable (Wagtail's `search_fields`), rich text and
    StreamField content as plain text."""
    texts = []
    for search_field in type(page).get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        value = getattr(page, search_field.field_name, None)
        if value is None:
            continue
        try:
            model_field = page._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            texts.append(str(value() if callable(value) else value))
            continue
        content = getattr(model_field, "get_searchable_content", None)
        texts.extend(content(value) if content else [str(value)])
    return texts


def public_pages():
    """Live pages no view restriction covers, hidden from no search engine, never the root or the home page."""
    pages = Page.objects.live().public().filter(depth__gt=1).exclude(content_type__model="homepage",
                                                                    content_type__app_label="interconnectes")
    return [page for page in pages.specific() if not getattr(page, "noindex", False)
            and not isinstance(page, HomePage)]


def page_documents(pages) -> list[Document]:
    documents = []
    for page in pages:
        url = page.get_url()
        if not url:
            continue
        body = joined([page.search_description, *searchable_texts(page)])
        document = Document(key=f"page:{page.pk}", kind=Kind.PAGE, title=page.title, url=url, body=body)
        if isinstance(page, EventPage):
            event_document(page, document)
        elif isinstance(page, ManifestoPage):
            document.kind = Kind.MANIFESTO
            document.date, document.year = page.adoption_date, page.adoption_date.year
            document.extra += [page.adoption_place, page.get_kind_display()]
        elif isinstance(page, LabelCampaignPage):
            document.date = timezone.localdate(page.opens_at) if page.opens_at else None
            document.year = page.year
        elif isinstance(page, UseCasePage):
            document.kind = Kind.AI_PROJECT
        elif isinstance(page, TourPage) and page.season_start:
            document.date, document.year = page.season_start, page.season_start.year
        documents.append(document)
    return documents


def event_document(event, document) -> None:
    """An event's date and where it happens; its programme's titles are found in `programme_texts`."""
    document.kind = Kind.EVENT
    document.date = event.start_date
    document.year = event.start_date.year if event.start_date else None
    venue = event.venue
    document.extra += [event.city, event.get_region_display(), str(event.theme or "")]
    if venue is not None:
        document.extra += [venue.name, venue.city]


def programme_texts(event_ids) -> dict[int, list[str]]:
    """Per event, the titles and descriptions of its sessions and who spoke (one query)."""
    texts: dict[int, list[str]] = {}
    rows = SessionParticipant.objects.filter(session__page_id__in=event_ids).values_list(
        "session__page_id", "session__title", "session__description", "person__name")
    for page_id, title, description, name in rows:
        texts.setdefault(page_id, []).extend([title, description, name])
    return texts


def signatories(manifesto_ids) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for page_id, name in ManifestoSignatory.objects.filter(page_id__in=manifesto_ids).values_list(
            "page_id", "organisation__name"):
        found.setdefault(page_id, []).append(name)
    return found


def speaker_documents(agenda) -> list[Document]:
    """The agenda's speakers, with what their public page shows."""
    base = agenda.get_url()
    if not base:
        return []
    return [
        Document(key=f"person:{person.pk}", kind=Kind.SPEAKER, title=person.name,
                 url=base + agenda.reverse_subpage("speaker", args=(person.slug,)),
                 body=joined([person.role, person.organisation.name if person.organisation else "", person.bio]),
                 organisation_id=person.organisation_id)
        for person in agenda.speakers().select_related("organisation")
    ]


def organisation_documents(event_ids, manifestos, speakers) -> list[Document]:
    """The organisations public pages name, each linked to the first page that names it."""
    appearances: dict[int, list[tuple[str, str]]] = {}  # organisation → (what it did, where)
    by_id = {manifesto.pk: manifesto for manifesto in manifestos}
    for page_id, organisation_id in ManifestoSignatory.objects.filter(page_id__in=by_id).values_list(
            "page_id", "organisation_id"):
        appearances.setdefault(organisation_id, []).append(
            (_("Cosignataire de « %(title)s »") % {"title": by_id[page_id].title}, by_id[page_id].get_url()))
    events = {event.pk: event for event in EventPage.objects.filter(pk__in=event_ids).only("title", "url_path")}
    for page_id, organisation_id in EventOrganisation.objects.filter(page_id__in=event_ids).values_list(
            "page_id", "organisation_id"):
        event = events[page_id]
        appearances.setdefault(organisation_id, []).append(
            (_("Partenaire de « %(title)s »") % {"title": event.title}, event.get_url()))
    for speaker in speakers:
        if speaker.organisation_id:
            appearances.setdefault(speaker.organisation_id, []).append(
                (_("Organisation de %(name)s") % {"name": speaker.title}, speaker.url))
    documents = []
    for organisation in Organisation.objects.filter(pk__in=appearances):
        seen = [(text, url) for text, url in appearances[organisation.pk] if url]
        if not seen:
            continue
        details = [organisation.get_kind_display(), organisation.get_region_display() if organisation.region else ""]
        documents.append(Document(
            key=f"organisation:{organisation.pk}", kind=Kind.ORGANISATION, title=organisation.name, url=seen[0][1],
            body=joined([", ".join(detail for detail in details if detail) + ".", *(text for text, _url in seen)])))
    return documents


def laureate_documents() -> list[Document]:
    """Laureates and mentions of the live, public campaigns whose results are written, from their publication."""
    campaigns = {campaign.pk: campaign for campaign in LabelCampaignPage.objects.live().public()
                 .filter(results_publication__isnull=False).select_related("results_publication")}
    documents = []
    for application in public_results.laureates_and_mentions(Application.objects.filter(campaign_id__in=campaigns)):
        campaign = campaigns[application.campaign_id]
        url = campaign.get_url()
        if not url:
            continue
        published_at = campaign.results_publication.published_at
        region = Region(application.org_region).label if application.org_region else ""
        documents.append(Document(
            key=f"application:{application.pk}", kind=Kind.LAUREATE,
            title=application.published_title or application.published_org_name,
            url=url + campaign.reverse_subpage("laureate", args=(application.pk,)),
            body=joined([application.published_org_name, application.published_summary,
                         application.published_citation]),
            extra=[campaign.title, application.published_level, region,
                   application.category.name if application.category else "",
                   application.get_status_display()],
            date=published_at.date(), year=campaign.year, public_from=published_at,
        ))
    return documents


IMPLEMENTATION_TEXTS = ("purpose", "usage", "human_oversight", "environmental_note", "stopped_reason")


def implementation_documents(pages) -> list[Document]:
    """Each implementation of a public use case, as everyone may read it: its level-0 fields only."""
    use_cases = {page.pk: page for page in pages if isinstance(page, UseCasePage)}
    documents = []
    for implementation in Implementation.objects.filter(use_case_id__in=use_cases).visible_at(Level.PUBLIC):
        use_case = use_cases[implementation.use_case_id]
        record = visible_record(implementation, Level.PUBLIC, with_withheld=False)
        lead = record["lead_organisation"]
        started = record["started_on"]
        documents.append(Document(
            key=f"implementation:{implementation.pk}", kind=Kind.AI_PROJECT,
            title=f"{use_case.title} – {lead.name}", url=use_case.implementation_url(record["slug"]),
            body=joined([record[name] for name in IMPLEMENTATION_TEXTS]),
            extra=[use_case.title, record["status_label"], *(partner.name for partner in record["partners"]),
                   *(source.name for source in record["data_sources"])],
            date=started, year=started.year if started else None,
        ))
    return documents


def replay_documents() -> list[Document]:
    """A document per chapter of each replay pages may name (one for a replay without chapters), holding what is
    said in it; its address opens the replay at that chapter."""
    documents = []
    for replay in Replay.objects.announced().prefetch_related("chapters").order_by("pk"):
        url = reverse("replays:detail", args=(replay.slug,))
        common = {"kind": Kind.REPLAY, "extra": [replay.description, *replay.speaker_lines],
                  "date": replay.recorded_on, "year": replay.recorded_on.year,
                  "tier": replay_permissions.search_tier(replay)}
        texts = chapter_texts(replay)
        if texts is None:
            documents.append(Document(key=f"replay:{replay.pk}", title=replay.title, url=url, body=replay.transcript,
                                      **common))
            continue
        for number, (chapter, text) in enumerate(texts, start=1):
            documents.append(Document(key=f"replay:{replay.pk}:{number}", title=f"{replay.title} – {chapter.title}",
                                      url=f"{url}?chapitre={number}", body=text, **common))
    return documents
def resource_documents(pages) -> list[Document]:
    """Each public, published resource, at its address in the resource space (two queries)."""
    index = next((page for page in pages if isinstance(page, ResourceIndexPage)), None)
    if index is None:
        return []
    return [
        Document(key=f"resource:{resource.pk}", kind=Kind.RESOURCE, title=resource.title,
                 url=index.resource_url(resource.slug), body=resource.summary,
                 extra=[resource.get_kind_display(), resource.get_audience_display(),
                        *(theme.name for theme in resource.themes.all())],
                 date=resource.published_on, year=resource.published_on.year)
        for resource in Resource.objects.public().prefetch_related("themes").order_by("pk")
    ]


def documents() -> list[Document]:
    """Everything public the search may find."""
    pages = public_pages()
    page_docs = page_documents(pages)
    event_ids = [page.pk for page in pages if isinstance(page, EventPage)]
    manifestos = [page for page in pages if isinstance(page, ManifestoPage)]
    programmes, signed = programme_texts(event_ids), signatories([page.pk for page in manifestos])
    for document in page_docs:
        page_id = int(document.key.split(":")[1])
        document.extra += programmes.get(page_id, []) + signed.get(page_id, [])
    speakers = [speaker for agenda in pages if isinstance(agenda, EventIndexPage)
                for speaker in speaker_documents(agenda)]
    speakers = list({speaker.key: speaker for speaker in speakers}.values())
    return [*page_docs, *speakers, *organisation_documents(event_ids, manifestos, speakers), *laureate_documents(),
            *implementation_documents(pages), *replay_documents(), *resource_documents(pages)]
