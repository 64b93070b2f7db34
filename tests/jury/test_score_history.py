"""The history of score changes: written by the score service with every save (who, when, before, after),
append-only, shown to campaign staff on a file's own page, never to jurors, within the query budget."""

import datetime
import html

import pytest
from django.urls import reverse

from interconnectes.budgets import MAX_COLD_QUERIES
from jury.models import AppendOnlyError, ScoreChange
from jury.services import conflicts
from tests.jury.factories import DELIBERATION, OPEN, frozen, save_sheet
from tests.queries import cold_queries

pytestmark = pytest.mark.django_db
LATER = OPEN + datetime.timedelta(hours=2)


def history_url(scene):
    return reverse("jury:score_history", args=[scene.round.pk, scene.file.pk])


def rows(jury_round, criteria):
    copies = {frozen(jury_round, criterion).pk: criterion.name for criterion in criteria}
    return [(copies[change.criterion_id], change.value_before, change.value_after, change.comment_before,
             change.comment_after, change.changed_at) for change in ScoreChange.objects.order_by("changed_at", "pk")]


def test_every_save_records_what_changed_and_only_that(scene, criteria):
    impact, sobriety = criteria
    save_sheet(scene.juror_a, scene.round, scene.file, {impact: 7, sobriety: 4}, {impact: "Avis initial"})
    save_sheet(scene.juror_a, scene.round, scene.file, {impact: 2, sobriety: None}, {impact: "Avis révisé"},
               now=LATER)
    save_sheet(scene.juror_a, scene.round, scene.file, {impact: 2, sobriety: None}, {impact: "Avis révisé"},
               now=LATER + datetime.timedelta(minutes=1))  # nothing changed: nothing recorded
    assert rows(scene.round, criteria) == [
        ("Impact", None, 7, "", "Avis initial", OPEN),
        ("Sobriété", None, 4, "", "", OPEN),
        ("Impact", 7, 2, "Avis initial", "Avis révisé", LATER),
        ("Sobriété", 4, None, "", "", LATER),
    ]
    assert {(change.juror_id, change.round_id, change.application_id) for change in ScoreChange.objects.all()} == {
        (scene.juror_a.pk, scene.round.pk, scene.file.pk)}


def test_the_history_is_append_only(scene, criteria):
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 7})
    change = ScoreChange.objects.get()
    change.value_after = 9
    with pytest.raises(AppendOnlyError):
        change.save()
    with pytest.raises(AppendOnlyError):
        change.delete()


def test_staff_read_the_history_of_a_file(client, scene, criteria, campaign_staff):
    impact = criteria[0]
    save_sheet(scene.juror_a, scene.round, scene.file, {impact: 7}, {impact: "Avis initial"})
    save_sheet(scene.juror_a, scene.round, scene.file, {impact: 2}, {impact: "Avis révisé"}, now=LATER)
    client.force_login(campaign_staff)
    decide = html.unescape(client.get(reverse("jury:decide", args=[scene.round.pk, scene.file.pk])).content.decode())
    assert history_url(scene) in decide
    response = client.get(history_url(scene))
    content = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert str(scene.juror_a) in content
    assert "10 avril 2026 à 14:00" in content  # when, Paris time
    assert "Avis initial" in content and "Avis révisé" in content
    assert "7 / 10" in content and "2 / 10" in content


def test_jurors_never_see_the_history(client, scene, criteria, clock):
    impact = criteria[0]
    colleague = scene.outsider.__class__.objects.create(campaign=scene.round.campaign, user=scene.outsider.user)
    scene.round.assignments.create(juror=colleague, application=scene.file)
    conflicts.declare(colleague, scene.file, has_conflict=False, by=colleague.user, now=OPEN)
    save_sheet(colleague, scene.round, scene.file, {impact: 7}, {impact: "Avis initial"})
    save_sheet(colleague, scene.round, scene.file, {impact: 2}, {impact: "Avis révisé"}, now=LATER)
    clock.set(DELIBERATION)
    for juror in (scene.juror_a, colleague):
        client.force_login(juror.user)
        assert client.get(history_url(scene)).status_code == 403
    client.force_login(scene.juror_a.user)
    sheet = html.unescape(client.get(reverse("jury:sheet", args=[scene.round.pk, scene.file.pk])).content.decode())
    assert "Avis révisé" in sheet  # the colleague's current score, at deliberation
    assert "Avis initial" not in sheet and history_url(scene) not in sheet


def test_a_conflicted_jurors_changes_are_left_out(client, scene, criteria, campaign_staff):
    save_sheet(scene.juror_a, scene.round, scene.file, {criteria[0]: 7}, {criteria[0]: "Avant le conflit"})
    conflicts.declare(scene.juror_a, scene.file, has_conflict=True, reason="Ancien employeur", by=scene.juror_a.user,
                      now=LATER)
    client.force_login(campaign_staff)
    assert "Avant le conflit" not in html.unescape(client.get(history_url(scene)).content.decode())


def test_the_history_page_stays_within_the_query_budget(client, scene, criteria, campaign_staff):
    impact, sobriety = criteria
    client.force_login(campaign_staff)
    save_sheet(scene.juror_a, scene.round, scene.file, {impact: 7, sobriety: 3})
    small = cold_queries(client, history_url(scene))
    for minutes in range(1, 150):
        save_sheet(scene.juror_a, scene.round, scene.file, {impact: minutes % 10 + 1, sobriety: minutes % 5 + 1},
                   {impact: f"Révision {minutes}"}, now=OPEN + datetime.timedelta(minutes=minutes))
    assert ScoreChange.objects.count() > 250
    large = cold_queries(client, history_url(scene))
    assert small == large <= MAX_COLD_QUERIES, (small, large)
    content = client.get(history_url(scene)).content.decode()
    assert "Révision 149" in content and "Révision 1<" not in content  # newest first, paginated
