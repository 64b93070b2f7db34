"""Declarations of interests: logged, and final once a conflict is declared."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from interconnectes import clock
from jury.models import ConflictDeclaration
from jury.permissions import require_staff


def declare(juror, application, *, has_conflict: bool, reason: str = "", by, jury_round=None, now=None):
    """Log a declaration by the juror (or staff on their behalf). A conflict, once declared, is final."""
    if by.pk != juror.user_id:
        require_staff(by)
    if application.campaign_id != juror.campaign_id:
        raise PermissionDenied(_("Cette candidature n'appartient pas à la campagne de ce juré."))
    reason = (reason or "").strip()
    if has_conflict and not reason:
        raise ValidationError({"reason": _("Indiquez le motif du conflit d'intérêts.")})
    return ConflictDeclaration.objects.create(
        juror=juror, application=application, round=jury_round, has_conflict=has_conflict,
        reason=reason if has_conflict else "", declared_at=now or clock.now(), declared_by=by)
