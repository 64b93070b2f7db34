"""The submission pages and the public history run a fixed number of queries, whatever the number of versions,
drafts or submissions (tests/queries.py)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from interconnectes.models import NavigationSettings, SiteSettings
from library import submissions
from library.models import Implementation
from reviews.models import Draft, Version
from reviews.states import State
from tests.accounts.factories import organisation
from tests.library.factories import ImplementationFactory
from tests.library.reviewing import agent, library_staff
from tests.queries import page_queries, within_budget

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


def settings_made_once(use_case):
    SiteSettings.for_site(use_case.get_site())  # created once by editors in real life
    NavigationSettings.for_site(use_case.get_site())


def test_the_history_runs_the_same_queries_for_2_or_40_versions(reader_client, use_case):
    settings_made_once(use_case)
    record = ImplementationFactory(use_case=use_case, lead_organisation=organisation("Nantes Métropole"))
    content_type = ContentType.objects.get_for_model(Implementation)
    counts, made = [], 0
    for size in (2, 40):
        Version.objects.bulk_create([
            Version(content_type=content_type, object_id=record.pk, number=number, published_at=NOW,
                    snapshot={"purpose": f"Finalité {number}", "status": "production", "lessons_worked": "n1"})
            for number in range(made + 1, size + 1)])
        made = size
        counts.append(page_queries(reader_client, use_case.url + record.slug + "/historique/"))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts


def drafts(use_case, people, lyon, count, state):
    content_type = submissions.content_type()
    Draft.objects.bulk_create([
        Draft(content_type=content_type, organisation=lyon, created_by=people, created_at=NOW, updated_at=NOW,
              submitted_at=NOW, state=state, context={"use_case": use_case.pk}, data=submissions.defaults())
        for _ in range(count)])


@pytest.mark.parametrize("page", ["projects", "queue"])
def test_the_agents_and_the_teams_lists_run_the_same_queries_for_2_or_30_rows(client, use_case, page):
    settings_made_once(use_case)
    lyon = organisation("Ville de Lyon", kind="commune")
    person = agent("agent@lyon.example.org", lyon)
    client.force_login(person if page == "projects" else library_staff())
    ImplementationFactory(use_case=use_case, lead_organisation=lyon)
    url = "/projets-ia/" if page == "projects" else "/projets-ia/relecture/"
    client.get(url)  # the process's own caches (content types), filled once per worker in real life
    counts = []
    for count in (2, 28):
        drafts(use_case, person, lyon, count, State.SUBMITTED if page == "queue" else State.REFUSED)
        counts.append(page_queries(client, url))
    assert counts[0] == counts[1] and within_budget(counts[0]), counts
