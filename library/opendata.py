"""The library as open data: every published record's level-0 fields, in CSV and JSON, under Licence Ouverte 2.0.

The columns below are the files' contract: their names do not change (a new
one may be added at the end), and the schema (Table Schema, published next
to the files and on the documentation page) says what each holds. Rows are
built from `VisibleRecord`s at level 0 (`library.tiers`): a field of a
higher level is never read, so it cannot be written. The one fact of level 1
a row holds is whether lessons learned exist ("retour_experience_disponible",
a yes or no computed by the database), never their text.

CSV cells go through the exports' `spreadsheet_cell` (labels/exports.py): a
text that a spreadsheet would run as a formula is neutralised.
"""

import csv
import io
import json
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from labels.exports import spreadsheet_cell
from library import facets

LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
FILE_NAME = "bibliotheque-ia"
PUBLISHER = "Les Interconnectés"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema types: string, date, boolean, integer
    description: object  # French
    format: str = "default"


COLUMNS = (
    Column("identifiant", "string", _("Identifiant stable : l'adresse du cas d'usage et celle de la fiche, "
                                      "« cas-d-usage/collectivite »."), ),
    Column("url", "string", _("Adresse de la fiche sur le site."), "uri"),
    Column("cas_usage", "string", _("Titre du cas d'usage.")),
    Column("cas_usage_url", "string", _("Adresse du cas d'usage."), "uri"),
    Column("theme", "string", _("Thème du cas d'usage.")),
    Column("technique", "string", _("Technique d'IA du cas d'usage.")),
    Column("collectivite", "string", _("Collectivité porteuse.")),
    Column("collectivite_siren", "string", _("SIREN de la collectivité porteuse, s'il est connu.")),
    Column("region", "string", _("Région de la collectivité porteuse.")),
    Column("type_collectivite", "string", _("Type de la collectivité porteuse (commune, métropole…).")),
    Column("taille_collectivite", "string", _("Tranche de population de la collectivité porteuse.")),
    Column("partenaires", "string", _("Organisations partenaires, séparées par « | ».")),
    Column("statut", "string", _("Idée, expérimentation, en production ou arrêté.")),
    Column("debut", "date", _("Date de début (AAAA-MM-JJ).")),
    Column("fin", "date", _("Date de fin d'un projet arrêté (AAAA-MM-JJ).")),
    Column("raison_arret", "string", _("Pourquoi le projet a été arrêté.")),
    Column("finalite", "string", _("Le problème que le projet résout, pour qui.")),
    Column("utilisation", "string", _("Qui s'en sert, quand, pour décider de quoi.")),
    Column("controle_humain", "string", _("Qui vérifie les résultats, et comment une erreur est corrigée.")),
    Column("sources_donnees", "string", _("Sources de données, « nom (adresse) », séparées par « | ».")),
    Column("risque_reglement_ia", "string", _("Catégorie de risque au sens du règlement européen sur l'IA.")),
    Column("contact", "string", _("Adresse de contact de service."), "email"),
    Column("licence", "string", _("Identifiant SPDX de la licence du code ou des données, ou « autre ».")),
    Column("code_url", "string", _("Adresse du code ouvert."), "uri"),
    Column("donnees_ouvertes_url", "string", _("Adresse des données ouvertes."), "uri"),
    Column("demonstrateur_url", "string", _("Adresse du démonstrateur public."), "uri"),
    Column("note_environnementale", "string", _("Calcul nécessaire, choix de sobriété.")),
    Column("contenu_illustratif", "boolean", _("Vrai pour une fiche d'exemple, non vérifiée.")),
    Column("retour_experience_disponible", "boolean", _("Vrai si la collectivité a rédigé un retour d'expérience "
                                                        "(réservé aux agents vérifiés).")),
    Column("a_revoir_le", "date", _("Date à laquelle la fiche doit être revue (AAAA-MM-JJ).")),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)


def table_schema(*, name: str, title: str, description: str, columns, csv_url: str, json_url: str) -> dict:
    """A Table Schema of a CSV and a JSON file of the site's open data, with their licence and where they are."""
    return {
        "name": name,
        "title": title,
        "description": description,
        "licenses": [LICENCE],
        "publisher": PUBLISHER,
        "resources": [{"path": csv_url, "format": "csv", "encoding": "utf-8"},
                      {"path": json_url, "format": "json", "encoding": "utf-8"}],
        "fields": [{"name": column.name, "type": column.type, "format": column.format,
                    "description": str(column.description)} for column in columns],
        "missingValues": [""],
    }


def schema(*, csv_url: str, json_url: str) -> dict:
    """The Table Schema of the library's files."""
    return table_schema(
        name=FILE_NAME, title="Bibliothèque d'IA territorialisée",
        description="Les projets d'IA des collectivités publiés dans la bibliothèque des Interconnectés : "
                    "informations publiques (niveau 0) de chaque fiche.",
        columns=COLUMNS, csv_url=csv_url, json_url=json_url)


def row(record, *, use_case, url: str, use_case_url: str, has_lessons: bool) -> dict:
    """One record's row, from its level-0 `VisibleRecord`; missing values are empty strings."""
    lead = record["lead_organisation"]
    band = facets.size_band(lead.population)
    values = {
        "identifiant": f"{use_case.slug}/{record['slug']}",
        "url": url,
        "cas_usage": use_case.title,
        "cas_usage_url": use_case_url,
        "theme": use_case.theme.name if use_case.theme else "",
        "technique": use_case.technique.name if use_case.technique else "",
        "collectivite": lead.name,
        "collectivite_siren": lead.siren,
        "region": lead.get_region_display() if lead.region else "",
        "type_collectivite": lead.get_kind_display() if lead.kind else "",
        "taille_collectivite": str(band.label) if band else "",
        "partenaires": " | ".join(partner.name for partner in record["partners"]),
        "statut": str(record["status_label"]),
        "debut": record["started_on"].isoformat() if record["started_on"] else "",
        "fin": record["ended_on"].isoformat() if record["ended_on"] else "",
        "raison_arret": record["stopped_reason"],
        "finalite": record["purpose"],
        "utilisation": record["usage"],
        "controle_humain": record["human_oversight"],
        "sources_donnees": " | ".join(f"{source.name} ({source.url})" if source.url else source.name
                                      for source in record["data_sources"]),
        "risque_reglement_ia": str(record["ai_act_risk_label"]),
        "contact": record["contact_email"],
        "licence": record["licence"],
        "code_url": record["code_url"],
        "donnees_ouvertes_url": record["open_data_url"],
        "demonstrateur_url": record["demonstrator_url"],
        "note_environnementale": record["environmental_note"],
        "contenu_illustratif": record["is_illustrative"],
        "retour_experience_disponible": has_lessons,
        "a_revoir_le": record["review_due_on"].isoformat() if record["review_due_on"] else "",
    }
    return values


def to_csv(rows, column_names=COLUMN_NAMES) -> str:
    """Comma-separated, a header line of the column names, booleans as "true"/"false" (Table Schema's); other
    datasets of the site (the consultations' commitments) pass their own column names."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(column_names)
    for values in rows:
        writer.writerow([("true" if value else "false") if isinstance(value, bool) else spreadsheet_cell(value)
                         for value in values.values()])
    return out.getvalue()


def to_json(rows, *, schema_url: str, generated_at) -> str:
    """The rows under "records", with the licence, the schema's address and when the file was made."""
    return json.dumps({"licence": LICENCE, "publisher": PUBLISHER, "schema": schema_url,
                       "generated_at": generated_at.isoformat(), "records": list(rows)},
                      ensure_ascii=False, indent=1)


def dataset(*, url: str, csv_url: str, json_url: str, schema_url: str) -> dict:
    """The schema.org `Dataset` of the documentation page: what search engines for data (Google Dataset Search,
    data.gouv.fr's harvesters) read."""
    return {
        "@context": "https://schema.org", "@type": "Dataset", "@id": url, "url": url,
        "name": "Bibliothèque d'IA territorialisée", "inLanguage": "fr", "isAccessibleForFree": True,
        "description": "Les projets d'intelligence artificielle des collectivités publiés dans la bibliothèque des "
                       "Interconnectés : informations publiques de chaque fiche (collectivité, finalité, statut, "
                       "contrôle humain, sources de données, licence, liens).",
        "license": LICENCE["path"],
        "creator": {"@type": "Organization", "name": PUBLISHER},
        "distribution": [{"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": csv_url},
                         {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": json_url}],
        "variableMeasured": list(COLUMN_NAMES),
        "subjectOf": {"@type": "CreativeWork", "url": schema_url, "name": "Schéma des colonnes (Table Schema)"},
    }
