"""What makes a consultation record sound, on plain values: dates in order, a phase the dates allow, results
under an open licence, a follow-up abandoned with its reason, the self-assessment on a charter still in force,
and when the territory is reminded to tell what came of it.

Each function returns field name → French message (empty when all is well), so the model's `clean`, the
forms and the services all ask here and show the message next to its field.
"""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from consultations.record_choices import FollowUpStatus, Phase

# Open licences for what a consultation produced (texts, figures, documents): the State's two and Creative
# Commons' free ones.
RESULT_LICENCES = {
    "etalab-2.0": gettext_lazy("Licence Ouverte / Etalab 2.0"),
    "ODbL-1.0": gettext_lazy("Open Database License 1.0 (ODbL)"),
    "CC-BY-4.0": gettext_lazy("Creative Commons Attribution 4.0 (CC BY)"),
    "CC-BY-SA-4.0": gettext_lazy("Creative Commons Attribution - Partage dans les mêmes conditions 4.0 (CC BY-SA)"),
    "CC0-1.0": gettext_lazy("Domaine public (CC0)"),
}
# Months after a consultation's end when its territory is asked what came of it.
REMINDER_MONTHS = (3, 12)
# Phases that tell what happened: the event is over and its results are written.
DOCUMENTED_PHASES = frozenset({Phase.REPORTING, Phase.FOLLOW_UP})


def date_errors(starts_on, ends_on) -> dict[str, str]:
    if starts_on and ends_on and ends_on < starts_on:
        return {"ends_on": _("La date de fin doit suivre la date de début.")}
    return {}


def input_errors(*, starts_on, ends_on, participants) -> dict[str, str]:
    """What is wrong whatever the phase: checked on every save of a draft, not only on submission."""
    errors = date_errors(starts_on, ends_on)
    if participants is not None and participants < 0:
        errors["participants"] = _("Le nombre de participants ne peut pas être négatif.")
    return errors


def record_errors(*, starts_on, ends_on, phase, participants, synthesis, documents_url, licence,
                  today: datetime.date) -> dict[str, str]:
    errors = input_errors(starts_on=starts_on, ends_on=ends_on, participants=participants)
    if phase in (Phase.RUNNING, *DOCUMENTED_PHASES) and (starts_on is None or starts_on > today):
        errors["phase"] = _("Une concertation en cours ou terminée a commencé : indiquez une date de début passée.")
    elif phase in DOCUMENTED_PHASES and (ends_on is None or ends_on > today):
        errors["phase"] = _("La restitution et le suivi viennent après la fin : indiquez une date de fin passée.")
    if phase in DOCUMENTED_PHASES and not (synthesis or "").strip():
        errors["synthesis"] = _("Une concertation en restitution ou en suivi publie la synthèse de ses résultats.")
    if ((synthesis or "").strip() or documents_url) and licence not in RESULT_LICENCES:
        errors["licence"] = _("Les résultats sont publiés sous une licence ouverte : choisissez-la dans la liste.")
    return errors


def follow_up_errors(*, status: str, reason: str) -> dict[str, str]:
    if status == FollowUpStatus.ABANDONED and not (reason or "").strip():
        return {"reason": _("Dites pourquoi cet engagement est abandonné : les participants le liront.")}
    return {}


def assessment_errors(*, version_withdrawn: bool, answered: bool) -> dict[str, str]:
    """A self-assessment is made against the charter version the organisation signed, while that version is not
    withdrawn."""
    if answered and version_withdrawn:
        return {"assessment": _("Cette version de la charte a été retirée : l'auto-évaluation n'est plus possible "
                                "sur ses articles.")}
    return {}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it has fewer days (31 May + 3 → 31 August,
    30 November + 3 → 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def reminders_due(ends_on: datetime.date | None, today: datetime.date, sent: set[int]) -> list[int]:
    """The reminders (in months after the end) due by `today` and not sent yet; only the latest one when several
    are late (a record documented 13 months after its end is reminded once, not twice)."""
    if ends_on is None:
        return []
    due = [months for months in REMINDER_MONTHS if add_months(ends_on, months) <= today and months not in sent]
    later_sent = [months for months in sent if due and months > max(due)]
    return [] if later_sent else due[-1:]
