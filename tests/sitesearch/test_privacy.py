"""Only what is public is ever found: a distinctive word put in everything that is not, searched for."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from interconnectes.demo_pages import stream
from labels.models import ApplicationStatus
from sitesearch import indexing
from sitesearch.models import SearchDocument, SearchWord
from tests.events.factories import (
    EventIndexPageFactory,
    JourneeExpertPageFactory,
    ProgrammeSessionFactory,
    SessionParticipantFactory,
    TourPageFactory,
)
from tests.factories import OrganisationFactory, PersonFactory, StandardPageFactory
from tests.labels.factories import ApplicationFactory, LabelCampaignPageFactory, SubmittedApplicationFactory, paris

pytestmark = pytest.mark.django_db

SECRET = "Quokkazar"


def found(client, query=SECRET):
    page = BeautifulSoup(client.get("/recherche/", {"q": query}).content, "html.parser")
    return [a.get_text() for a in page.select(".hit-title")]


def test_nothing_private_is_indexed_or_found(client, home, label_index, clock):
    # Pages: a draft, an unpublished page, a page behind a password, one for logged-in readers, one for a group,
    # one hidden from search engines; a draft change of a live page.
    StandardPageFactory(parent=home, title=f"{SECRET} brouillon", live=False)
    unpublished = StandardPageFactory(parent=home, intro=f"{SECRET} retiré")
    unpublished.unpublish()
    for restriction in (PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS):
        private = StandardPageFactory(parent=home, title="Section privée", slug=f"prive-{restriction}")
        StandardPageFactory(parent=private, title=f"{SECRET} sous une restriction {restriction}",
                            body=stream([("rich_text", f"<p>{SECRET}</p>")]))
        view_restriction = PageViewRestriction.objects.create(page=private, restriction_type=restriction,
                                                              password="secret")
        if restriction == PageViewRestriction.GROUPS:
            view_restriction.groups.add(Group.objects.create(name="Adhérents"))
    StandardPageFactory(parent=home, title=f"{SECRET} masquée", noindex=True)
    live = StandardPageFactory(parent=home, title="Page publique")
    live.intro = f"{SECRET} pas encore publié"
    live.save_revision()
    # Speakers of a private event only, and a person in no programme; an organisation no public page names.
    agenda = EventIndexPageFactory(parent=home)
    private_tour = TourPageFactory(parent=agenda)
    PageViewRestriction.objects.create(page=private_tour, restriction_type=PageViewRestriction.LOGIN)
    event = JourneeExpertPageFactory(parent=private_tour)
    SessionParticipantFactory(session=ProgrammeSessionFactory(page=event),
                              person=PersonFactory(name=f"Camille {SECRET}",
                                                   organisation=OrganisationFactory(name=f"Ville de {SECRET}")))
    PersonFactory(name=f"Dominique {SECRET}", bio=SECRET)
    # Applications: a draft, a submitted one, a laureate whose results are not published, a laureate whose
    # publication is scheduled later, the private fields (e-mail, phone, budget) of a published laureate.
    unpublished_campaign = LabelCampaignPageFactory(parent=label_index)
    ApplicationFactory(campaign=unpublished_campaign, title=f"{SECRET} brouillon", summary=SECRET)
    SubmittedApplicationFactory(campaign=unpublished_campaign, title=f"{SECRET} déposé")
    ApplicationFactory(campaign=unpublished_campaign, status=ApplicationStatus.LAUREATE, title=f"{SECRET} lauréat")
    later = LabelCampaignPageFactory(parent=label_index, results_published_at=paris(2026, 6, 1, 10, 0))
    ApplicationFactory(campaign=later, status=ApplicationStatus.LAUREATE, title=f"{SECRET} à venir")
    published = LabelCampaignPageFactory(parent=label_index, results_published_at=paris(2026, 2, 1, 10, 0))
    ApplicationFactory(campaign=published, status=ApplicationStatus.LAUREATE, title="Projet public",
                       contact_email=f"{SECRET.lower()}@example.org", contact_name=SECRET, problem=SECRET,
                       solution=SECRET, impact=SECRET, funding=SECRET, data_protection=SECRET)
    ApplicationFactory(campaign=published, status=ApplicationStatus.NOT_SELECTED, title=f"{SECRET} non retenu")

    indexing.rebuild()

    assert found(client) == []
    assert found(client, "example.org") == []
    folded = SECRET.lower()
    now_public = SearchDocument.objects.exclude(public_from__gt=clock.now)  # a scheduled publication waits
    assert not now_public.filter(terms__contains=folded).exists()
    assert not now_public.filter(body__icontains=folded).exists()
    assert not SearchWord.objects.filter(term__contains=folded).exists()  # nor offered as a correction
    assert found(client, "Projet public") == ["Projet public"]  # the published laureate itself is found
    clock.set(2026, 6, 1, 10, 0)  # the scheduled publication comes: then, and only then, it is found
    assert found(client) == [f"{SECRET} à venir"]
