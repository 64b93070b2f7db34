"""Exports survive applications at every step of the form: a draft just created has nothing but its contact, no
category, no reference, no figures; each step fills a few more fields.

One application is built through the services at each step of `labels/steps.py`
(just created, after each step, submitted), then exported in CSV and XLSX from
the staff listing and from every jury export. The jury's exports list only the
files in a round: the test puts each partial application in the round (status
"déposée") with a score of an anonymous-looking juror, so that every optional
field reaches them empty.
"""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jury.models import Assignment, Score
from jury.services import decisions
from labels import services
from labels.models import Application, ApplicationStatus
from labels.steps import FORM_STEPS, SUMMARY
from tests.hostile import assert_no_formula, csv_cells, xlsx_cells
from tests.jury.factories import OPEN, JuryMemberFactory, JuryRoundFactory, frozen
from tests.labels.factories import ApplicationFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"
STATES = ["créée", *[f"après « {step.slug} »" for step in FORM_STEPS], "après les pièces jointes",
          "après le récapitulatif", "déposée"]


@pytest.fixture
def applications_at_every_step(campaign, clock):
    """{state: application}, each one owned by its own applicant and saved the way the form's steps save it."""
    complete = ApplicationFactory.build(campaign=campaign)
    built = {}
    for index, state in enumerate(STATES):
        user = UserFactory(first_name="", last_name="")
        application = services.start(campaign, user, clock()).application
        for step in FORM_STEPS[:index]:
            application = services.save_fields(application, {name: getattr(complete, name) for name in step.fields},
                                               user, clock())
        if index > len(FORM_STEPS):
            services.add_attachment(application.pk, user, clock(), SimpleUploadedFile("annexe.pdf", PDF))
        if index > len(FORM_STEPS) + 1:
            application = services.save_fields(application, {name: True for name in SUMMARY.fields}, user, clock())
        if state == "déposée":
            services.submit(application.pk, user, clock(), lambda a: "")
        built[state] = Application.objects.get(pk=application.pk)
    assert built["créée"].category is None and built["créée"].org_name == ""
    assert built["déposée"].status == ApplicationStatus.SUBMITTED and built["déposée"].reference
    return built


def content(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def rows_of(data, fmt, delimiter):
    """The rows of an export, each a list of cells, checked for formulas on the way."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
        assert_no_formula(csv_cells(data, delimiter), "CSV")
    else:
        rows = [[cell.value for cell in row] for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows()]
        assert_no_formula(xlsx_cells(data), "XLSX")
    assert len({len(row) for row in rows}) == 1, "every row has every column"
    return rows


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_staff_listing_exports_applications_at_every_step(fmt, client, staff, applications_at_every_step):
    client.force_login(staff)
    rows = rows_of(content(client.get(reverse("labels_application:index"), {"export": fmt})), fmt, ",")
    assert len(rows) == 1 + len(STATES)
    assert rows[0][2:4] == ["Campagne", "Catégorie"]
    submitted = applications_at_every_step["déposée"]
    assert any(submitted.reference in row and submitted.category.name in row for row in rows)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", ["classement", "notes"])
def test_every_jury_export_lists_applications_at_every_step(kind, fmt, client, staff, campaign, criteria,
                                                            applications_at_every_step):
    applications = list(applications_at_every_step.values())
    Application.objects.filter(pk__in=[a.pk for a in applications]).update(status=ApplicationStatus.SUBMITTED)
    jury_round = JuryRoundFactory(campaign=campaign)
    juror = JuryMemberFactory(campaign=campaign, user=UserFactory(first_name="", last_name=""))
    impact = frozen(jury_round, criteria[0])
    for application in applications:
        Assignment.objects.create(round=jury_round, juror=juror, application=application)
        Score.objects.create(round=jury_round, juror=juror, application=application, criterion=impact, value=3,
                             updated_at=OPEN)
    decisions.record_decision(applications[0], outcome="non-retenu", by=staff, now=OPEN)
    client.force_login(staff)
    rows = rows_of(content(client.get(reverse("jury:export", args=[jury_round.pk, kind, fmt]))), fmt, ";")
    assert len(rows) == 1 + len(STATES)
    assert any(applications_at_every_step["déposée"].reference in row for row in rows)
