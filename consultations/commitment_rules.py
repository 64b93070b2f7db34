"""The rules of a commitment's dates and of which charter version may be signed: plain functions, no ORM.

Each returns the French message to show next to the field, or None when the value is acceptable, so that the form
and the service say the same thing.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from consultations.charter_models import CharterStatus


def signed_on_error(signed_on: datetime.date, adopted_on: datetime.date | None, today: datetime.date) -> str | None:
    """A charter is signed on a past or present day, never before the version it signs was adopted."""
    if signed_on > today:
        return _("La date de signature ne peut pas être dans le futur.")
    if adopted_on is not None and signed_on < adopted_on:
        return _("La date de signature ne peut pas précéder l'adoption de cette version de la charte "
                 "(le %(date)s).") % {"date": date_format(adopted_on, "j F Y")}
    return None


def version_error(status: str | None) -> str | None:
    """Only the version in force may be signed: a withdrawn or replaced one no longer commits anyone."""
    if status is None:
        return _("Aucune version de la charte n'est en vigueur : l'engagement n'est pas encore ouvert.")
    if status == CharterStatus.WITHDRAWN:
        return _("Cette version de la charte a été retirée : elle ne peut plus être signée.")
    if status != CharterStatus.IN_FORCE:
        return _("Seule la version en vigueur de la charte peut être signée.")
    return None


def withdrawal_error(withdrawn_on: datetime.date, signed_on: datetime.date, today: datetime.date) -> str | None:
    """A withdrawal is dated between the signature and today."""
    if withdrawn_on > today:
        return _("La date de retrait ne peut pas être dans le futur.")
    if withdrawn_on < signed_on:
        return _("La date de retrait ne peut pas précéder la signature (le %(date)s).") % {
            "date": date_format(signed_on, "j F Y")}
    return None
