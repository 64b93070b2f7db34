"""The published consultation records as open data: one row per published consultation, in CSV and JSON, under
Licence Ouverte 2.0, with a Table Schema.

The columns below are the files' contract: their names do not change (a new
one may be added at the end). A row is built from a `Consultation`, which
exists only once the team has published it (drafts and records under review
live in the `reviews` app and never reach that table); demonstration records
are written too, flagged by `exemple_illustratif`. The files' shape (CSV
writer with formulas neutralised, JSON envelope, licence) is the library's
(library/opendata.py), like the commitments' dataset (consultations/opendata.py).

What a row never holds, although the record's page shows some of it:

- the self-assessment against the charter, answers and comments alike. The
  comments are free text the territory writes about itself, where the form
  only warns about an e-mail address or a telephone number
  (consultations/personal_data.py) and a person may still be named; on the
  page they read next to the article they answer, but a file is copied and
  kept by others, and a comment corrected on the site stays wrong in every
  copy. The answers alone say little without the article of the version
  signed, which differs from one version of the charter to the next.
- the findings' evidence (quotes, figures): a quote is a participant's words;
  only the numbers of the programme's lessons a consultation found are written.
- the follow-up commitments and their progress, the published versions and
  who drafted, reviewed or published the record.
- a library project that is not published (`record_submissions.public_implementations`).
"""

from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library.opendata import Column, table_schema

FILE_NAME = "concertations-ia-concertations"
TITLE = "Concertations territoriales de l'IA : concertations publiées"
SEPARATOR = " | "
PARIS = ZoneInfo("Europe/Paris")

COLUMNS = (
    Column("identifiant", "string", _("Identifiant stable de la concertation, le dernier segment de son adresse "
                                      "sur le site.")),
    Column("url", "string", _("Adresse de la concertation sur le site."), "uri"),
    Column("titre", "string", _("Titre de la concertation.")),
    Column("territoire", "string", _("Territoire qui a mené la concertation.")),
    Column("territoire_siren", "string", _("SIREN du territoire, s'il est connu.")),
    Column("region", "string", _("Région du territoire.")),
    Column("questions", "string", _("Questions posées aux participants.")),
    Column("objectif", "string", _("Objectif de la concertation.")),
    Column("publics", "string", _("Publics visés, séparés par « | ».")),
    Column("recrutement", "string", _("Recrutement des participants : ouvert, ciblé ou tirage au sort.")),
    Column("methodes", "string", _("Méthodes employées, séparées par « | ».")),
    Column("niveau_participation", "string", _("Niveau de participation : informer, consulter, concerter ou "
                                               "co-construire.")),
    Column("format", "string", _("Présentiel, en ligne ou hybride.")),
    Column("debut", "date", _("Date de début (AAAA-MM-JJ).")),
    Column("fin", "date", _("Date de fin (AAAA-MM-JJ).")),
    Column("phase", "string", _("Annoncée, en cours, restitution ou suivi.")),
    Column("participants", "integer", _("Nombre de participants, vide s'il n'est pas connu.")),
    Column("animateurs", "string", _("Structures ou fonctions qui ont animé la concertation.")),
    Column("partenaires", "string", _("Partenaires de la concertation.")),
    Column("ressources_utilisees", "string", _("Ressources utilisées (kits, fiches, supports).")),
    Column("synthese", "string", _("Synthèse des résultats.")),
    Column("documents_url", "string", _("Adresse des documents de résultats."), "uri"),
    Column("licence_resultats", "string", _("Identifiant de la licence ouverte des résultats (etalab-2.0, "
                                            "ODbL-1.0, CC-BY-4.0, CC-BY-SA-4.0 ou CC0-1.0).")),
    Column("version_charte", "integer", _("Numéro de la version de la charte au regard de laquelle la "
                                          "concertation s'est évaluée.")),
    Column("enseignements", "string", _("Numéros des enseignements du programme que la concertation a "
                                        "constatés, séparés par « | ».")),
    Column("projets_ia", "string", _("Projets de la bibliothèque d'IA discutés : adresse de chaque fiche publiée "
                                     "(ou son titre si elle n'a pas d'adresse), séparées par « | ».")),
    Column("exemple_illustratif", "boolean", _("Vrai pour une concertation d'exemple, non vérifiée.")),
    Column("publiee_le", "date", _("Date de la première publication (AAAA-MM-JJ, heure de Paris).")),
    Column("mise_a_jour_le", "date", _("Date de la dernière publication (AAAA-MM-JJ, heure de Paris).")),
)
COLUMN_NAMES = tuple(column.name for column in COLUMNS)


def paris_day(moment) -> str:
    return timezone.localdate(moment, PARIS).isoformat() if moment else ""


def iso_day(day) -> str:
    return day.isoformat() if day else ""


def row(consultation, *, url: str, projects: list[str]) -> dict:
    """One published consultation's row: `url` its absolute address, `projects` its published library projects
    (each an absolute address or a title). Reads the consultation's organisation, charter version and findings
    with their lessons: select and prefetch them. Missing values are empty strings."""
    organisation = consultation.organisation
    lessons = sorted({finding.lesson.number for finding in consultation.findings.all()})
    return {
        "identifiant": consultation.slug,
        "url": url,
        "titre": consultation.title,
        "territoire": organisation.name,
        "territoire_siren": organisation.siren,
        "region": organisation.get_region_display() if organisation.region else "",
        "questions": consultation.questions,
        "objectif": consultation.objective,
        "publics": SEPARATOR.join(consultation.public_labels),
        "recrutement": consultation.get_recruitment_display(),
        "methodes": SEPARATOR.join(consultation.method_labels),
        "niveau_participation": consultation.get_participation_level_display(),
        "format": consultation.get_format_display(),
        "debut": iso_day(consultation.starts_on),
        "fin": iso_day(consultation.ends_on),
        "phase": consultation.get_phase_display(),
        "participants": consultation.participants if consultation.participants is not None else "",
        "animateurs": consultation.facilitators,
        "partenaires": consultation.partners,
        "ressources_utilisees": consultation.resources_used,
        "synthese": consultation.synthesis,
        "documents_url": consultation.documents_url,
        "licence_resultats": consultation.licence,
        "version_charte": consultation.charter_version.number if consultation.charter_version else "",
        "enseignements": SEPARATOR.join(str(number) for number in lessons),
        "projets_ia": SEPARATOR.join(projects),
        "exemple_illustratif": consultation.is_illustrative,
        "publiee_le": paris_day(consultation.first_published_at),
        "mise_a_jour_le": paris_day(consultation.last_published_at),
    }


def schema(*, csv_url: str, json_url: str) -> dict:
    return table_schema(
        name=FILE_NAME, title=TITLE, columns=COLUMNS, csv_url=csv_url, json_url=json_url,
        description="Les concertations territoriales de l'IA publiées par les territoires engagés dans la charte "
                    "des Interconnectés : questions, publics, méthodes, dates, phase, participants, résultats et "
                    "enseignements constatés.")
