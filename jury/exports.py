"""Staff exports of a jury round: the ranking and every score, as CSV or XLSX.

The tables are built apart from the files so that the views serving them stay
thin and the figures are tested once, whatever the format. Each table costs a
fixed number of queries whatever the size of the round (an export of a large
campaign must not turn into one query per application).

Rows hold typed values (int, float, aware datetime, text): the XLSX keeps them
as numbers and dates a spreadsheet can sort; the CSV writes them the way a
French spreadsheet reads them (`;` separator, decimal comma, dd/mm/yyyy).
Every cell goes through `labels.exports.spreadsheet_cell`, as in the staff
listing's exports: applicants and jurors wrote those texts, and a spreadsheet
must not run them as formulas, whatever separator it splits the CSV on.
"""

import csv
import datetime
import io
import zoneinfo

from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jury import outcomes
from jury.models import Score, ScoreSheet, latest_decision
from jury.permissions import conflicted_q
from jury.progress import round_ranking
from labels.exports import spreadsheet_cell
from labels.models import Application

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

RANKING_HEADERS = [
    _("Rang"), _("Référence"), _("Organisation"), _("Catégorie"), _("Titre"), _("Nombre de notes"),
    _("Moyenne brute"), _("Médiane"), _("Moyenne normalisée"), _("Écart"), _("À discuter"), _("Décision"),
]
SCORES_HEADERS = [
    _("Référence"), _("Organisation"), _("Juré"), _("Critère"), _("Note"), _("Note maximale"),
    _("Commentaire sur le critère"), _("Commentaire général du juré"), _("Enregistrée le (heure de Paris)"),
]

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def _figure(value):
    """Totals are on 0-100: two decimals are what a jury reads; None (nobody scored yet) is an empty cell."""
    return None if value is None else round(value, 2)


def ranking_table(jury_round) -> tuple[list, list]:
    """The round's ranking, best first, with each application's facts and current decision.

    Four queries whatever the size: the three of `round_ranking`, then the
    applications with their category and the outcome of their latest decision.
    """
    result = round_ranking(jury_round)
    applications = {
        application.pk: application for application in
        Application.objects.filter(pk__in=[r.application_id for r in result.ranking.results])
        .select_related("category").annotate(decision_outcome=latest_decision("outcome", round_id=jury_round.pk),
                                             decision_level=latest_decision("level", round_id=jury_round.pk))
    }
    rows = []
    for entry in result.ranking.results:
        application = applications[entry.application_id]
        rows.append([
            entry.rank,
            application.reference or "",
            application.org_name,
            application.category.name if application.category else "",
            application.title,
            entry.count,
            _figure(entry.mean),
            _figure(entry.median),
            _figure(entry.normalised_mean),
            _figure(entry.spread),
            gettext("oui") if entry.to_discuss else gettext("non"),
            outcomes.label_of(application.decision_outcome, application.decision_level),
        ])
    return [str(header) for header in RANKING_HEADERS], rows


def scores_table(jury_round) -> tuple[list, list]:
    """One row per score of the round, in one query; scores of a juror conflicted on the file are left out.

    A conflicted juror's scores never count (see `jury.permissions.conflicted_q`),
    so they are not handed out either, even to staff, in a file that may
    travel further than the jury's pages.
    """
    overall_comment = (ScoreSheet.objects.filter(round_id=jury_round.pk, juror_id=OuterRef("juror_id"),
                                                 application_id=OuterRef("application_id"))
                       .values("overall_comment")[:1])
    scores = (Score.objects.filter(round=jury_round, application_id__in=jury_round.applications().values("pk"))
              .exclude(conflicted_q())
              .select_related("application", "criterion", "juror__user", "juror__person")
              .annotate(overall_comment=Subquery(overall_comment))
              .order_by("application__reference", "application_id", "juror_id", "criterion__position",
                        "criterion_id"))
    rows = [[
        score.application.reference or "",
        score.application.org_name,
        str(score.juror),
        score.criterion.name,
        score.value,
        score.criterion.max_score,
        score.comment,
        score.overall_comment or "",
        score.updated_at.astimezone(PARIS),
    ] for score in scores]
    return [str(header) for header in SCORES_HEADERS], rows


# --- Files --------------------------------------------------------------------------------------

def _safe_stem(filename_stem: str) -> str:
    """ASCII letters, digits and dashes only: nothing a header or a file system could misread."""
    return slugify(filename_stem)[:80].strip("-") or "export"


def _csv_cell(value):
    value = spreadsheet_cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("oui") if value else gettext("non")
    if isinstance(value, float):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value


def _xlsx_cell(value):
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones: the value is already in Paris time
    return spreadsheet_cell(value)


def _csv_body(headers, rows) -> bytes:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # the byte order mark tells Excel the file is UTF-8
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_cell(str(header)) for header in headers])
    writer.writerows([_csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _xlsx_body(headers, rows, title: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "export")
    sheet.append([_xlsx_cell(str(header)) for header in headers])
    for row in rows:
        sheet.append([_xlsx_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(headers, rows, filename_stem: str, fmt: str) -> HttpResponse:
    """The table as a download: "csv" (UTF-8 with BOM, `;`, for French Excel) or "xlsx"; any other format is a 404.

    The response is marked private and not stored: it carries scores and
    comments of a jury that is not public.
    """
    if fmt not in FORMATS:
        raise Http404(gettext("Format d'export inconnu."))
    stem = _safe_stem(filename_stem)
    if fmt == "csv":
        response = HttpResponse(_csv_body(headers, rows), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(_xlsx_body(headers, rows, stem), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    patch_cache_control(response, private=True, no_store=True)
    return response
