"""Staff exports of a round: a hand-checked ranking and score list, conflicts left out, no formula, fixed queries."""

import csv
import io

import openpyxl
import pytest
from django.http import Http404

from jury import exports
from jury.exports import export_response, ranking_table, scores_table
from jury.models import DecisionOutcome, Score, ScoreSheet
from jury.services import conflicts, decisions
from tests.factories import PersonFactory
from tests.hostile import SEPARATED_FORMULAS, assert_no_formula, csv_cells, xlsx_cells
from tests.jury.factories import OPEN, build_scored_round, frozen
from tests.labels.factories import SubmittedApplicationFactory

pytestmark = pytest.mark.django_db


def score(jury_round, juror, application, criterion, value, comment=""):
    Score.objects.create(round=jury_round, juror=juror, application=application,
                         criterion=frozen(jury_round, criterion), value=value, comment=comment, updated_at=OPEN)


@pytest.fixture
def example(round1, jurors, criteria, campaign, staff):
    """Impact weighs 2 (out of 10), Sobriété 1 (out of 5); a total is 100 × Σ w·s/max ÷ Σ w.

    A on X: 8, 4 → 80      B on X: 5, 5 → 66.67     X: mean 73.33, median 73.33, spread 13.33
    A on Y: 10, 5 → 100    B on Y: 2, 1 → 20        Y: mean 60, spread 80 → à discuter
    Fewer than 5 files per juror: nobody is normalised, the normalised mean is the raw one.
    C scored X 0, 0 and then declared a conflict: left out everywhere. Z is not scored yet.
    """
    impact, sobriety = criteria
    a, b, c = jurors[:3]
    a.person = PersonFactory(name="Alice Hubert")
    a.save()
    x = SubmittedApplicationFactory(campaign=campaign, reference="TI-2026-0001", org_name="Ville de Xertigny",
                                    title="Projet X")
    y = SubmittedApplicationFactory(campaign=campaign, reference="TI-2026-0002", org_name="Ville d'Yerres",
                                    title="Projet Y")
    z = SubmittedApplicationFactory(campaign=campaign, reference="TI-2026-0003", org_name="Ville de Zillisheim",
                                    title="Projet Z")
    for juror, application, values in [(a, x, (8, 4)), (b, x, (5, 5)), (a, y, (10, 5)), (b, y, (2, 1)),
                                       (c, x, (0, 0))]:
        score(round1, juror, application, impact, values[0], comment=f"impact {values[0]}")
        score(round1, juror, application, sobriety, values[1])
        ScoreSheet.objects.create(round=round1, juror=juror, application=application,
                                  overall_comment=f"avis de {juror.pk}", updated_at=OPEN)
    conflicts.declare(c, x, has_conflict=True, reason="Ancien employeur", by=c.user)
    decisions.record_decision(y, outcome=DecisionOutcome.NOT_SELECTED, by=staff, jury_round=round1, now=OPEN)
    decisions.record_decision(y, outcome=DecisionOutcome.LAUREATE, level="Or", citation="Un projet exemplaire.",
                              by=staff, jury_round=round1, now=OPEN.replace(hour=13))
    return {"a": a, "b": b, "c": c, "x": x, "y": y, "z": z}


def test_ranking_table_checked_by_hand(example, round1):
    headers, rows = ranking_table(round1)
    assert headers == ["Rang", "Référence", "Organisation", "Catégorie", "Titre", "Nombre de notes", "Moyenne brute",
                       "Médiane", "Moyenne normalisée", "Écart", "À discuter", "Décision"]
    category = example["x"].category.name
    assert rows == [
        [1, "TI-2026-0001", "Ville de Xertigny", category, "Projet X", 2, 73.33, 73.33, 73.33, 13.33, "non", ""],
        [2, "TI-2026-0002", "Ville d'Yerres", category, "Projet Y", 2, 60.0, 60.0, 60.0, 80.0, "oui", "Lauréat — Or"],
        [None, "TI-2026-0003", "Ville de Zillisheim", category, "Projet Z", 0, None, None, None, None, "non", ""],
    ]


def test_scores_table_lists_every_score_but_the_conflicted_ones(example, round1):
    headers, rows = scores_table(round1)
    assert headers == ["Référence", "Organisation", "Juré", "Critère", "Note", "Note maximale",
                       "Commentaire sur le critère", "Commentaire général du juré", "Enregistrée le (heure de Paris)"]
    a, b = example["a"], example["b"]
    b_name = b.user.get_full_name()
    assert [row[:8] for row in rows] == [
        ["TI-2026-0001", "Ville de Xertigny", "Alice Hubert", "Impact", 8, 10, "impact 8", f"avis de {a.pk}"],
        ["TI-2026-0001", "Ville de Xertigny", "Alice Hubert", "Sobriété", 4, 5, "", f"avis de {a.pk}"],
        ["TI-2026-0001", "Ville de Xertigny", b_name, "Impact", 5, 10, "impact 5", f"avis de {b.pk}"],
        ["TI-2026-0001", "Ville de Xertigny", b_name, "Sobriété", 5, 5, "", f"avis de {b.pk}"],
        ["TI-2026-0002", "Ville d'Yerres", "Alice Hubert", "Impact", 10, 10, "impact 10", f"avis de {a.pk}"],
        ["TI-2026-0002", "Ville d'Yerres", "Alice Hubert", "Sobriété", 5, 5, "", f"avis de {a.pk}"],
        ["TI-2026-0002", "Ville d'Yerres", b_name, "Impact", 2, 10, "impact 2", f"avis de {b.pk}"],
        ["TI-2026-0002", "Ville d'Yerres", b_name, "Sobriété", 1, 5, "", f"avis de {b.pk}"],
    ]
    saved_at = rows[0][8]
    assert (saved_at.utcoffset().total_seconds(), saved_at.hour) == (7200, 12)  # Paris summer time
    assert example["c"].user.get_full_name() not in {row[2] for row in rows}


def read_csv(response):
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [[cell.value for cell in row] for row in workbook.active.iter_rows()], workbook.active


def test_csv_for_french_excel(example, round1):
    response = export_response(*ranking_table(round1), "Classement « tour 1 »/../", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="classement-tour-1.csv"'
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    rows = read_csv(response)
    assert rows[0][0] == "Rang"
    assert rows[1] == ["1", "TI-2026-0001", "Ville de Xertigny", example["x"].category.name, "Projet X", "2",
                       "73,33", "73,33", "73,33", "13,33", "non", ""]
    assert rows[3][6:10] == ["", "", "", ""]
    scores = read_csv(export_response(*scores_table(round1), "notes", "csv"))
    assert scores[1][8] == "10/04/2026 12:00"


def test_xlsx_keeps_numbers_and_paris_times(example, round1):
    response = export_response(*scores_table(round1), "notes-tour-1", "xlsx")
    assert response["Content-Type"] == exports.XLSX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="notes-tour-1.xlsx"'
    rows, _sheet = read_xlsx(response)
    assert rows[0][0] == "Référence"
    assert rows[1][4:6] == [8, 10]
    assert rows[1][8].isoformat() == "2026-04-10T12:00:00"
    ranking, _sheet = read_xlsx(export_response(*ranking_table(round1), "classement", "xlsx"))
    assert ranking[1][6] == 73.33


FORMULAS = ["=HYPERLINK(\"http://example.org\")", "+33 1 23", "-2+3", "@SUM(A1)"]


def test_formulas_are_neutralised_in_csv_and_xlsx(round1, jurors, criteria, campaign):
    impact, sobriety = criteria
    juror = jurors[0]
    application = SubmittedApplicationFactory(campaign=campaign, org_name=FORMULAS[0], title=FORMULAS[1])
    score(round1, juror, application, impact, 5, comment=FORMULAS[2])
    ScoreSheet.objects.create(round=round1, juror=juror, application=application, overall_comment=FORMULAS[3],
                              updated_at=OPEN)
    headers, rows = scores_table(round1)
    csv_rows = read_csv(export_response(headers, rows, "notes", "csv"))
    assert csv_rows[1][1] == "'" + FORMULAS[0]
    assert csv_rows[1][6:8] == ["'" + FORMULAS[2], "'" + FORMULAS[3]]
    xlsx_rows, sheet = read_xlsx(export_response(headers, rows, "notes", "xlsx"))
    assert xlsx_rows[1][1] == "'" + FORMULAS[0]
    assert xlsx_rows[1][6:8] == ["'" + FORMULAS[2], "'" + FORMULAS[3]]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    ranking = read_csv(export_response(*ranking_table(round1), "classement", "csv"))
    assert ranking[1][2:5:2] == ["'" + FORMULAS[0], "'" + FORMULAS[1]]


@pytest.fixture
def separated_round(round1, jurors, criteria, campaign):
    """Texts of applicants and jurors hiding a formula behind a separator (`e,=1+…` in a juror's comment)."""
    org_name, comment, overall, title, other = SEPARATED_FORMULAS
    application = SubmittedApplicationFactory(campaign=campaign, org_name=org_name, title=title)
    score(round1, jurors[0], application, criteria[0], 5, comment=comment)
    score(round1, jurors[0], application, criteria[1], 3, comment=other)
    ScoreSheet.objects.create(round=round1, juror=jurors[0], application=application, overall_comment=overall,
                              updated_at=OPEN)
    return round1


@pytest.mark.parametrize("table", [ranking_table, scores_table])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_neutralises_formulas_behind_a_separator(separated_round, table, delimiter):
    cells = csv_cells(export_response(*table(separated_round), "export", "csv").content, delimiter)
    assert_no_formula(cells, f"{table.__name__} lu avec « {delimiter} »")


@pytest.mark.parametrize("table", [ranking_table, scores_table])
def test_xlsx_neutralises_formulas_behind_a_separator(separated_round, table):
    cells = xlsx_cells(export_response(*table(separated_round), "export", "xlsx").content)
    assert_no_formula(cells, table.__name__)
    assert "Org a;'=1+1+cmd|' /C calc'!A0" in cells


def test_control_characters_do_not_break_the_xlsx(round1, jurors, criteria, campaign):
    application = SubmittedApplicationFactory(campaign=campaign, org_name="Ville\x0b de Test")
    score(round1, jurors[0], application, criteria[0], 5)
    rows, _sheet = read_xlsx(export_response(*scores_table(round1), "notes", "xlsx"))
    assert rows[1][1] == "Ville de Test"


def test_unknown_format_is_a_404(round1):
    with pytest.raises(Http404):
        export_response(*ranking_table(round1), "classement", "pdf")


@pytest.mark.parametrize("count", [5, 50])
def test_tables_take_a_fixed_number_of_queries(count, round1, jurors, criteria, campaign, staff,
                                               django_assert_num_queries):
    applications = build_scored_round(round1, jurors, criteria, campaign, count, sheets=True)
    for application in applications[:3]:
        decisions.record_decision(application, outcome=DecisionOutcome.MENTION, citation="Bravo", by=staff,
                                  jury_round=round1)
    with django_assert_num_queries(5):
        headers, rows = ranking_table(round1)
    assert len(rows) == count
    assert sum(row[-1] == "Mention spéciale" for row in rows) == 3
    with django_assert_num_queries(1):
        headers, rows = scores_table(round1)
    assert len(rows) == (count * len(jurors) - 1) * len(criteria)
