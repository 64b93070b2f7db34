"""Every jury page: a fixed number of SQL queries within the site's cold-request budget whatever the round's
size, a score sheet saved within 12 queries on one scoring state and one validation of its scores, and nothing
the site's strict Content-Security-Policy would block."""

import pytest
from django.urls import reverse

from interconnectes.budgets import MAX_COLD_QUERIES
from jury.models import Score
from tests.interconnectes.test_security_headers import assert_allowed_by_policy, assert_strict
from tests.jury.factories import OPEN, build_scored_round, frozen, save_sheet
from tests.queries import cold_queries

# A juror's save: session, user, their scoring state (one query), the round's frozen criteria, then the sheet
# row locked and written, the scores read, written (and removed, if any) and their changes logged, within a
# savepoint.
MAX_SCORE_POST_QUERIES = 12

pytestmark = pytest.mark.django_db

JUROR_PAGES = {
    "home": lambda s: reverse("jury:home"),
    "round": lambda s: reverse("jury:round", args=[s.round.pk]),
    "sheet": lambda s: reverse("jury:sheet", args=[s.round.pk, s.file.pk]),
    "declare": lambda s: reverse("jury:declare", args=[s.round.pk, s.other_file.pk]),
}
STAFF_PAGES = {
    "home": lambda s: reverse("jury:home"),
    "progress": lambda s: reverse("jury:progress", args=[s.round.pk]),
    "ranking": lambda s: reverse("jury:ranking", args=[s.round.pk]),
    "ranking to discuss": lambda s: reverse("jury:ranking", args=[s.round.pk]) + "?vue=a-discuter",
    "ranking of a category": lambda s: reverse("jury:ranking", args=[s.round.pk])
    + f"?vue=categorie-{s.file.category_id}",
    "ranking jurors and charts": lambda s: reverse("jury:ranking", args=[s.round.pk]) + "?vue=jures",
    "decide": lambda s: reverse("jury:decide", args=[s.round.pk, s.file.pk]),
    "publish": lambda s: reverse("jury:publish", args=[s.round.campaign_id]),
}


def counts_small_and_large(client, scene, criteria, campaign, url):
    """Cold queries with the scene's three files, then with 25 more scored by both jurors."""
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    small = cold_queries(client, url)
    build_scored_round(scene.round, [scene.juror_a, scene.juror_b], criteria, campaign, 25, sheets=True)
    return small, cold_queries(client, url)


@pytest.mark.parametrize("name", JUROR_PAGES)
def test_juror_pages(client, scene, criteria, campaign, clock, name):
    clock.set(OPEN)
    client.force_login(scene.juror_a.user)
    small, large = counts_small_and_large(client, scene, criteria, campaign, JUROR_PAGES[name](scene))
    assert small == large <= MAX_COLD_QUERIES, (small, large)


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages(client, scene, criteria, campaign, campaign_staff, clock, name):
    clock.set(OPEN)
    client.force_login(campaign_staff)
    small, large = counts_small_and_large(client, scene, criteria, campaign, STAFF_PAGES[name](scene))
    assert small == large <= MAX_COLD_QUERIES, (small, large)


@pytest.mark.parametrize("who,name",
                         [("juror", name) for name in JUROR_PAGES] + [("staff", name) for name in STAFF_PAGES])
def test_pages_keep_the_strict_policy(client, scene, criteria, campaign, campaign_staff, clock, who, name):
    clock.set(OPEN)
    client.force_login(scene.juror_a.user if who == "juror" else campaign_staff)
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 8, criteria[1]: 4})
    url = (JUROR_PAGES if who == "juror" else STAFF_PAGES)[name](scene)
    response = client.get(url)
    assert response.status_code == 200
    assert_strict(response)
    assert_allowed_by_policy(response, url)
    assert "wagtailadmin/" not in response.content.decode()  # the site's frame, not the admin's bundle


@pytest.mark.parametrize("first", [True, False], ids=["first save", "later save"])
def test_a_score_post_runs_at_most_12_queries(client, scene, criteria, clock, django_assert_max_num_queries, first):
    clock.set(OPEN)
    client.force_login(scene.juror_a.user)
    url = reverse("jury:sheet", args=[scene.round.pk, scene.file.pk])
    assert client.get(url).status_code == 200  # the juror opened the sheet (the round's criteria froze then)
    if not first:
        save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 3})
    impact, sobriety = (frozen(scene.round, criterion) for criterion in criteria)
    data = {f"score_{impact.pk}": "8", f"comment_{impact.pk}": "Solide.", f"score_{sobriety.pk}": "4",
            f"comment_{sobriety.pk}": "", "overall_comment": "Beau projet.", "loaded_at": ""}
    with django_assert_max_num_queries(MAX_SCORE_POST_QUERIES):
        response = client.post(url, data)
    assert response.status_code == 302
    assert sorted(Score.objects.values_list("value", flat=True)) == [4, 8]


def test_a_score_post_decides_access_once_and_validates_the_scores_once(client, scene, criteria, clock,
                                                                         monkeypatch):
    """One scoring state per request answers the view, the form and the service; the form alone checks the
    scores (the service trusts what it cleaned)."""
    from jury import rules, scoring_state

    calls = {"load": 0, "clean_scores": 0}

    def counted(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return wrapper

    clock.set(OPEN)
    client.force_login(scene.juror_a.user)
    url = reverse("jury:sheet", args=[scene.round.pk, scene.file.pk])
    assert client.get(url).status_code == 200
    monkeypatch.setattr(scoring_state, "load", counted("load", scoring_state.load))
    monkeypatch.setattr(rules, "clean_scores", counted("clean_scores", rules.clean_scores))
    impact, sobriety = (frozen(scene.round, criterion) for criterion in criteria)
    data = {f"score_{impact.pk}": "8", f"comment_{impact.pk}": "", f"score_{sobriety.pk}": "4",
            f"comment_{sobriety.pk}": "", "overall_comment": "", "loaded_at": ""}
    assert client.post(url, data).status_code == 302
    assert calls == {"load": 1, "clean_scores": 1}
    assert sorted(Score.objects.values_list("value", flat=True)) == [4, 8]
