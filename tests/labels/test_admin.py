"""Applications in the Wagtail admin: listing, filters, exports, audited staff actions."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from labels import services
from labels.exports import neutralise
from labels.models import ApplicationStatus, EventKind
from tests.hostile import SEPARATED_FORMULAS, assert_no_formula, csv_cells, xlsx_cells
from tests.labels.factories import ApplicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+33 1 23", "'+33 1 23"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("Ville de Lyon", "Ville de Lyon"), (42, 42), (None, None),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("Org a;=1+1+cmd|' /C calc'!A0", "Org a;'=1+1+cmd|' /C calc'!A0"), ("e,=1+1", "e,'=1+1"),
    ("Note\n@SUM(A1)", "Note\n'@SUM(A1)"), ("a\r\n-2", "a\r\n'-2"), ("a\t+1", "a\t'+1"),
    ("a;\t=1", "a;'\t'=1"), ('x; "=1"', "x;' \"=1\""), (" =1", "' =1"),
    ("Lyon, Villeurbanne; Vénissieux", "Lyon, Villeurbanne; Vénissieux"),
    ("13-14 ans, 2-3 jours", "13-14 ans, 2-3 jours"),
])
def test_neutralise_every_fragment_after_a_separator(value, expected):
    assert neutralise(value) == expected
    assert neutralise(expected) == expected  # a second pass changes nothing


@pytest.fixture
def separated(campaign, clock):
    """An application whose texts hide a formula behind a separator, as a spreadsheet splitting on "," or ";"
    would read them."""
    org_name, title, summary, problem, solution = SEPARATED_FORMULAS
    application = ApplicationFactory(campaign=campaign, org_name=org_name, title=title, summary=summary,
                                     problem=problem, solution=solution)
    services.submit(application.pk, application.owner, clock(), lambda a: "")
    return application


def export_content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_export_neutralises_formulas_behind_a_separator(staff_client, separated, delimiter):
    response = staff_client.get(reverse("labels_application:index"), {"export": "csv"})
    cells = csv_cells(export_content(response), delimiter)
    assert_no_formula(cells, f"export CSV lu avec « {delimiter} »")
    assert any("'=1+1+cmd" in cell for cell in cells)


def test_xlsx_export_neutralises_formulas_behind_a_separator(staff_client, separated):
    response = staff_client.get(reverse("labels_application:index"), {"export": "xlsx"})
    cells = xlsx_cells(export_content(response))
    assert_no_formula(cells, "export XLSX")
    assert "Org a;'=1+1+cmd|' /C calc'!A0" in cells


@pytest.fixture
def submitted(campaign, clock):
    application = ApplicationFactory(campaign=campaign, org_name="=cmd|' /C calc'!A0", title="@SOMME(A1)")
    services.submit(application.pk, application.owner, clock(), lambda a: "")
    application.refresh_from_db()
    return application


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_listing_and_filters(staff_client, submitted, campaign):
    ApplicationFactory(campaign=campaign, title="Un brouillon")
    url = reverse("labels_application:index")
    content = staff_client.get(url).content.decode()
    assert submitted.reference in content
    filtered = staff_client.get(url, {"status": ApplicationStatus.DRAFT}).content.decode()
    assert submitted.reference not in filtered and "Un brouillon" in filtered
    assert staff_client.get(url, {"campaign": campaign.pk, "org_region": "bre", "eligible": "true"}).status_code == 200
    assert staff_client.get(url, {"status": "n-importe-quoi"}).status_code == 200


def test_csv_export_neutralises_formulas(staff_client, submitted):
    response = staff_client.get(reverse("labels_application:index"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = rows[1]
    assert submitted.reference in row
    assert "'=cmd|' /C calc'!A0" in row
    assert "'@SOMME(A1)" in row


def test_xlsx_export_neutralises_formulas(staff_client, submitted):
    response = staff_client.get(reverse("labels_application:index"), {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)
                                                 if response.streaming else response.content))
    values = [cell.value for cell in list(workbook.active.iter_rows())[1]]
    assert "'=cmd|' /C calc'!A0" in values


def test_inspect_view(staff_client, submitted):
    response = staff_client.get(reverse("labels_application:inspect", args=[submitted.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert submitted.reference in content
    assert "Version 1 du" in content
    assert "Aucune pièce jointe" in content  # the soft-rule warning the jury will see


def test_no_edit_or_delete_in_the_admin(staff_client, submitted):
    assert staff_client.get(reverse("labels_application:edit", args=[submitted.pk])).status_code in (302, 403)
    staff_client.post(reverse("labels_application:delete", args=[submitted.pk]))
    submitted.refresh_from_db()


def test_applicants_and_plain_editors_cannot_use_the_admin_listing(client, submitted):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("labels_application:index")).status_code in (302, 403)
    assert client.get(reverse("labels_admin_reopen", args=[submitted.pk])).status_code in (302, 403)
    client.force_login(submitted.owner)
    assert client.get(reverse("labels_application:index")).status_code in (302, 403)


def test_campaign_staff_group_gets_access(client, submitted):
    member = UserFactory(is_staff=True)
    group = Group.objects.create(name="Équipe labels")
    group.permissions.add(Permission.objects.get(codename="access_admin"),
                          Permission.objects.get(codename="review_application"))
    member.groups.add(group)
    client.force_login(member)
    assert client.get(reverse("labels_application:index")).status_code == 200


def test_mark_ineligible_from_the_admin(staff_client, submitted, clock):
    url = reverse("labels_admin_ineligible", args=[submitted.pk])
    response = staff_client.post(url, {"reason": ""})
    assert response.status_code == 200
    staff_client.post(url, {"reason": "Hors périmètre du label"})
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.INELIGIBLE
    assert submitted.events.filter(kind=EventKind.INELIGIBLE).exists()


def test_reopen_from_the_admin(staff_client, submitted, clock):
    clock.set(2026, 4, 2, 10, 0)
    mail.outbox.clear()
    staff_client.post(reverse("labels_admin_reopen", args=[submitted.pk]),
                      {"reason": "Merci de joindre le budget détaillé.", "until": "2026-04-09T18:00"})
    submitted.refresh_from_db()
    assert submitted.reopened_until.isoformat() == "2026-04-09T16:00:00+00:00"
    assert submitted.is_editable(clock())
    assert "budget détaillé" in mail.outbox[0].body


def test_control_characters_do_not_break_the_xlsx_export(staff_client, campaign):
    ApplicationFactory(campaign=campaign, org_name="Ville\x0b de Test")
    response = staff_client.get(reverse("labels_application:index"), {"export": "xlsx"})
    assert "Ville de Test" in xlsx_cells(export_content(response))


def test_a_draft_is_listed_without_none_as_its_reference(staff_client, submitted, campaign):
    draft = ApplicationFactory(campaign=campaign, title="Un brouillon")
    response = staff_client.get(reverse("labels_application:index"), {"status": ApplicationStatus.DRAFT})
    content = response.content.decode()
    assert "Brouillon sans référence" in content
    row = content[content.index("Brouillon sans référence") - 400:content.index("Brouillon sans référence")]
    assert f"/{draft.pk}/" in row  # still the link to the file
    assert ">None<" not in content
