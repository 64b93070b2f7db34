"""The juror's screens: their list (own total per file, progress, filters), the sheet's previous / next, the rubric
of each criterion (frozen with the round), the other jurors' scores as one table, the read-only sheet."""

import html

import pytest
from django.urls import reverse

from jury import juror_lists
from jury.models import Assignment
from jury.services import conflicts
from labels.models import EvaluationCriterion
from tests.jury.factories import DELIBERATION, OPEN, JuryMemberFactory, frozen, save_sheet

pytestmark = pytest.mark.django_db


# --- Pure rules, on hand-made examples ------------------------------------------------------------

@pytest.mark.parametrize(("facts", "state"), [
    ({"conflict": True, "declared": True, "scored": 2, "criteria": 2}, juror_lists.CONFLICT),
    ({"conflict": False, "declared": False, "scored": 0, "criteria": 2}, juror_lists.TO_DECLARE),
    ({"conflict": False, "declared": True, "scored": 0, "criteria": 2}, juror_lists.TO_SCORE),
    ({"conflict": False, "declared": True, "scored": 1, "criteria": 2}, juror_lists.IN_PROGRESS),
    ({"conflict": False, "declared": True, "scored": 2, "criteria": 2}, juror_lists.SCORED),
    ({"conflict": False, "declared": True, "scored": 0, "criteria": 0}, juror_lists.TO_SCORE),
])
def test_file_state(facts, state):
    assert juror_lists.file_state(**facts) == state


def test_neighbours_and_filters():
    assert juror_lists.neighbours([3, 5, 8], 3) == (None, 5)
    assert juror_lists.neighbours([3, 5, 8], 5) == (3, 8)
    assert juror_lists.neighbours([3, 5, 8], 8) == (5, None)
    assert juror_lists.neighbours([3, 5, 8], 4) == (None, None)
    assert juror_lists.chosen_filter("notees") == "notees" and juror_lists.chosen_filter("<x>") == ""


def test_rubric_steps_at_the_bottom_middle_and_top_of_the_scale():
    assert juror_lists.rubric_steps(10, "Absent", "Correct", "Exemplaire") == [
        (0, "Absent"), (5, "Correct"), (10, "Exemplaire")]
    assert juror_lists.rubric_steps(5, "", "Moyen", "") == [(2, "Moyen")]
    assert juror_lists.rubric_steps(10, "", "", "") == []


# --- Pages ------------------------------------------------------------------------------------------

def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def juror_client(client, scene, clock):
    clock.set(OPEN)
    client.force_login(scene.juror_a.user)
    return client


def test_the_list_shows_the_juror_s_own_total_and_filters(juror_client, scene, criteria):
    impact, sobriety = criteria
    # 100 × (2 × 7/10 + 1 × 3/5) / 3 = 66,67
    save_sheet(scene.juror_a, scene.round, scene.file, {impact: 7, sobriety: 3})
    Assignment.objects.create(round=scene.round, juror=scene.juror_a, application=scene.hidden_file)
    conflicts.declare(scene.juror_a, scene.hidden_file, has_conflict=True, reason="Ma commune", by=scene.juror_a.user,
                      jury_round=scene.round, now=OPEN)
    url = reverse("jury:round", args=[scene.round.pk])
    page = text(juror_client.get(url))
    assert "66,7" in page and "1 / 2 notées" in page
    assert "Toutes (2)" in page and "À noter (1)" in page and "Notées (1)" in page and "Conflit d'intérêts (1)" in page
    assert "Projet secret des marais" not in page
    scored = text(juror_client.get(url, {"etat": "notees"}))
    assert "Cantines sans gaspillage" in scored and "Bus à la demande" not in scored
    to_score = text(juror_client.get(url, {"etat": "a-noter"}))
    assert "Bus à la demande" in to_score and "Cantines sans gaspillage" not in to_score
    conflict = text(juror_client.get(url, {"etat": "conflit"}))
    assert "Projet secret des marais" in conflict and "Conflit d'intérêts déclaré" in conflict
    assert reverse("jury:sheet", args=[scene.round.pk, scene.hidden_file.pk]) not in conflict  # listed, not opened


def test_the_sheet_leads_to_the_previous_and_next_file(juror_client, scene):
    conflicts.declare(scene.juror_a, scene.other_file, has_conflict=False, by=scene.juror_a.user,
                      jury_round=scene.round, now=OPEN)
    first, second = sorted([scene.file, scene.other_file], key=lambda a: a.reference)
    page = text(juror_client.get(reverse("jury:sheet", args=[scene.round.pk, first.pk])))
    assert f'href="{reverse("jury:sheet", args=[scene.round.pk, second.pk])}" rel="next"' in page
    assert 'rel="prev"' not in page and "Dossier 1 sur 2" in page
    page = text(juror_client.get(reverse("jury:sheet", args=[scene.round.pk, second.pk])))
    assert f'href="{reverse("jury:sheet", args=[scene.round.pk, first.pk])}" rel="prev"' in page


def test_the_rubric_is_frozen_with_the_round_and_shown_on_the_sheet(juror_client, scene, criteria, clock):
    impact, _sobriety = criteria
    EvaluationCriterion.objects.filter(pk=impact.pk).update(
        rubric_bottom="Aucun effet mesurable", rubric_middle="Effet local documenté",
        rubric_top="Effet reproduit ailleurs")
    copy = frozen(scene.round, impact)
    assert (copy.rubric_bottom, copy.rubric_top) == ("Aucun effet mesurable", "Effet reproduit ailleurs")
    EvaluationCriterion.objects.filter(pk=impact.pk).update(rubric_bottom="Changé après l'ouverture")
    page = text(juror_client.get(reverse("jury:sheet", args=[scene.round.pk, scene.file.pk])))
    assert "<dt>0</dt><dd>Aucun effet mesurable</dd>" in page and "<dt>5</dt><dd>Effet local documenté</dd>" in page
    assert "<dt>10</dt><dd>Effet reproduit ailleurs</dd>" in page and "Changé après l'ouverture" not in page


def test_the_other_jurors_scores_are_one_table_under_one_heading(juror_client, scene, criteria, clock, campaign):
    impact, sobriety = criteria
    juror_c = JuryMemberFactory(campaign=campaign)
    Assignment.objects.create(round=scene.round, juror=juror_c, application=scene.file)
    conflicts.declare(juror_c, scene.file, has_conflict=False, by=juror_c.user, jury_round=scene.round, now=OPEN)
    save_sheet(juror_c, scene.round, scene.file, {impact: 4, sobriety: 5}, comments={impact: "Peu chiffré"},
               overall="À revoir")
    url = reverse("jury:sheet", args=[scene.round.pk, scene.file.pk])
    assert "Notes des autres jurés" not in text(juror_client.get(url))  # not before the deliberation
    clock.set(DELIBERATION)
    page = text(juror_client.get(url))
    assert page.count("Notes des autres jurés") == 1
    table = page.split('class="data-table jury-others"')[1].split("</table>")[0]
    assert table.count("<tr>") == 2  # the header and juror C; juror B (conflicted) is left out
    assert str(juror_c) in table and str(scene.juror_b) not in table
    # 100 × (2 × 4/10 + 1 × 5/5) / 3 = 60,0
    assert "Peu chiffré" in table and "60,0" in table and "Commentaire général de" in table and "À revoir" in table


# --- Staff's progress page ----------------------------------------------------------------------------

def test_staff_see_the_declared_conflicts_with_their_reasons(client, scene, staff, clock):
    clock.set(OPEN)
    client.force_login(staff)
    page = text(client.get(reverse("jury:progress", args=[scene.round.pk])))
    section = page.split('id="conflicts-title"')[1].split("</section>")[0]
    assert "Ancien employeur" in section and str(scene.juror_b) in section and scene.file.reference in section
    assert str(scene.juror_a) not in section  # declared no conflict
    jurors = page.split('id="jurors-title"')[1].split("</table>")[0]
    row = jurors.split(str(scene.juror_b))[1].split("</tr>")[0]
    assert row.rstrip().endswith('<td class="numeric">1</td>')
