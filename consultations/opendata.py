"""The programme's commitments as open data: every commitment of the public register, in CSV and JSON, under
Licence Ouverte 2.0, with a Table Schema.

The columns below are the files' contract: their names do not change (a new
one may be added at the end). Only what the public register shows is
written: never a pending or refused commitment, the signed document, or
who at the association decided. The files' shape (CSV writer, JSON envelope,
licence) is the library's (library/opendata.py), so that both datasets of
the site read the same way.
"""

from django.utils.translation import gettext_lazy as _

from library.opendata import Column, table_schema

FILE_NAME = "concertations-ia-engagements"
TITLE = "Concertations territoriales de l'IA : engagements dans la charte"

COLUMNS = (
    Column("identifiant", "string", _("Identifiant stable de l'engagement.")),
    Column("organisation", "string", _("Organisation engagée.")),
    Column("organisation_siren", "string", _("SIREN de l'organisation, s'il est connu.")),
    Column("type_organisation", "string", _("Type de l'organisation (commune, métropole…).")),
    Column("region", "string", _("Région de l'organisation.")),
    Column("version_charte", "integer", _("Numéro de la version de la charte signée.")),
    Column("signataire", "string", _("Nom du ou de la signataire.")),
    Column("fonction_signataire", "string", _("Fonction publique du ou de la signataire.")),
    Column("signe_le", "date", _("Date de signature (AAAA-MM-JJ).")),
    Column("verifie_le", "date", _("Date de la vérification par l'association (AAAA-MM-JJ).")),
    Column("perimetre", "string", _("Périmètre de l'engagement.")),
    Column("en_cours", "boolean", _("Vrai si l'engagement est en cours, faux s'il a été retiré.")),
    Column("retire_le", "date", _("Date du retrait (AAAA-MM-JJ), pour un engagement retiré.")),
    Column("motif_retrait", "string", _("Motif du retrait.")),
    Column("latitude", "number", _("Latitude du siège de l'organisation (WGS 84), si elle est connue.")),
    Column("longitude", "number", _("Longitude du siège de l'organisation (WGS 84), si elle est connue.")),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)


def row(commitment, *, verified_on, location) -> dict:
    """One commitment's row: `verified_on` its verification day (Paris), `location` its TerritoryLocation or None."""
    organisation = commitment.organisation
    return {
        "identifiant": f"engagement-{commitment.pk}",
        "organisation": organisation.name,
        "organisation_siren": organisation.siren,
        "type_organisation": organisation.get_kind_display() if organisation.kind else "",
        "region": organisation.get_region_display() if organisation.region else "",
        "version_charte": commitment.charter_version.number,
        "signataire": commitment.signatory_name,
        "fonction_signataire": commitment.signatory_role,
        "signe_le": commitment.signed_on.isoformat(),
        "verifie_le": verified_on.isoformat() if verified_on else "",
        "perimetre": commitment.scope,
        "en_cours": commitment.status == "verified",
        "retire_le": commitment.withdrawn_on.isoformat() if commitment.withdrawn_on else "",
        "motif_retrait": commitment.withdrawal_reason,
        "latitude": float(location.latitude) if location else "",
        "longitude": float(location.longitude) if location else "",
    }


def schema(*, csv_url: str, json_url: str) -> dict:
    return table_schema(
        name=FILE_NAME, title=TITLE, columns=COLUMNS, csv_url=csv_url, json_url=json_url,
        description="Les organisations engagées dans la charte des concertations territoriales de l'IA des "
                    "Interconnectés, en cours et passées : signataire, version signée, dates, périmètre.")
