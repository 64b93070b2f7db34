"""The programme's open data: each dataset in CSV and JSON with its Table Schema, under Licence Ouverte 2.0, and
the page that documents them.

A `Dataset` says what differs from one dataset to the next (its file name,
columns, rows, schema and URL names); the three export views are the same
for all, and each dataset's URLs pass it to them (consultations/urls.py).
Rows are read in a fixed number of queries whatever their number.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultations import opendata, permissions, record_opendata, record_submissions
from consultations.record_models import Finding
from interconnectes import canonical, clock
from library import opendata as library_opendata


@dataclass(frozen=True)
class Dataset:
    file_name: str
    title: object  # French, for the documentation page
    scope: object  # French: which rows the files hold, and what they never hold
    columns: tuple  # library.opendata.Column, in the files' order
    rows: Callable  # request → list of dicts, keyed by the columns' names in order
    schema: Callable  # (csv_url=, json_url=) → the Table Schema
    page_url_name: str  # the page that documents it
    csv_url_name: str
    json_url_name: str
    schema_url_name: str

    @property
    def column_names(self) -> tuple:
        return tuple(column.name for column in self.columns)


def absolute(name: str, request) -> str:
    return canonical.absolute(reverse(name), request)


def commitment_rows(request) -> list[dict]:
    """Every commitment of the public register, in one query."""
    found = (permissions.public_commitments()
             .select_related("organisation", "charter_version", "organisation__territory_location")
             .order_by("organisation__name", "signed_on", "pk"))
    return [opendata.row(commitment, verified_on=commitment.decided_at and timezone.localdate(commitment.decided_at),
                         location=getattr(commitment.organisation, "territory_location", None))
            for commitment in found]


COMMITMENTS = Dataset(
    file_name=opendata.FILE_NAME, title=_("Les engagements dans la charte"),
    scope=_("Seuls les engagements du registre public y figurent : vérifiés, en cours ou retirés. Les engagements "
            "en attente ou refusés et les chartes signées n’en font jamais partie."),
    columns=opendata.COLUMNS, rows=commitment_rows, schema=opendata.schema,
    page_url_name="consultations:open_data", csv_url_name="consultations:export_csv",
    json_url_name="consultations:export_json", schema_url_name="consultations:export_schema")


def project_reference(implementation, request) -> str:
    """A library project as a row names it: the absolute address of its record, or its title when its use case has
    no address on the site."""
    use_case = implementation.use_case
    if use_case.get_url(request) is None:
        return f"{use_case.title} · {implementation.lead_organisation.name}"
    return canonical.absolute(use_case.implementation_url(implementation.slug, request), request)


def record_rows(request) -> list[dict]:
    """Every published consultation, first published first, in the same queries whatever their number: the
    records with their territory and charter version, their findings with their lessons, their published library
    projects, and what the projects' addresses read once (the view restrictions, the site and its root paths)."""
    found = (permissions.public_consultations()
             .select_related("organisation", "charter_version")
             .prefetch_related(Prefetch("findings", Finding.objects.select_related("lesson")),
                               Prefetch("implementations", record_submissions.public_implementations()))
             .order_by("first_published_at", "pk"))
    return [record_opendata.row(
        consultation, url=canonical.absolute(consultation.get_absolute_url(), request),
        projects=[project_reference(implementation, request) for implementation in consultation.implementations.all()])
        for consultation in found]


RECORDS = Dataset(
    file_name=record_opendata.FILE_NAME, title=_("Les concertations publiées"),
    scope=_("Seules les concertations publiées y figurent, une fois relues par l’équipe : jamais un brouillon ni une "
            "fiche en relecture. Les exemples illustratifs y figurent, signalés par la colonne "
            "« exemple_illustratif ». L’auto-évaluation au regard de la charte, les citations des constats, le suivi "
            "et les personnes qui ont rédigé ou relu une fiche n’en font jamais partie."),
    columns=record_opendata.COLUMNS, rows=record_rows, schema=record_opendata.schema,
    page_url_name="consultations:records_open_data", csv_url_name="consultations:records_csv",
    json_url_name="consultations:records_json", schema_url_name="consultations:records_schema")
DATASETS = (COMMITMENTS, RECORDS)


def licence_headers(response, request, dataset: Dataset):
    response["Link"] = (f'<{library_opendata.LICENCE["path"]}>; rel="license", '
                        f'<{absolute(dataset.schema_url_name, request)}>; rel="describedby"')
    return response


def export_csv(request, dataset: Dataset):
    response = HttpResponse(library_opendata.to_csv(dataset.rows(request), dataset.column_names),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dataset.file_name}.csv"'
    return licence_headers(response, request, dataset)


def export_json(request, dataset: Dataset):
    body = library_opendata.to_json(dataset.rows(request), schema_url=absolute(dataset.schema_url_name, request),
                                    generated_at=clock.now())
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{dataset.file_name}.json"'
    return licence_headers(response, request, dataset)


def export_schema(request, dataset: Dataset):
    return JsonResponse(dataset.schema(csv_url=absolute(dataset.csv_url_name, request),
                                       json_url=absolute(dataset.json_url_name, request)),
                        json_dumps_params={"ensure_ascii": False, "indent": 1})


def open_data(request, dataset: Dataset):
    """What one dataset's files hold, column by column, and their licence; a page per dataset, each within a content
    page's DOM budget, linking to the programme's other datasets."""
    return render(request, "consultations/open_data.html", {
        "dataset": dataset, "others": [other for other in DATASETS if other is not dataset],
        "licence": library_opendata.LICENCE})
