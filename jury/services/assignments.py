"""Who scores what: the round's assignment (everyone, by category, balanced) and staff's hand adjustments."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jury import assignment as rules
from jury.models import Assignment, ConflictDeclaration, JuryMember, Score
from jury.obvious_conflicts import ApplicationFacts, flag_conflicts
from jury.permissions import require_staff
from jury.ranking_cache import bump_ranking_version


def flagged_conflicts(jury_round) -> dict:
    """Obvious conflicts of the round, {(juror id, application id): reason}, to show before anyone scores."""
    jurors = [member.conflict_facts() for member in
              JuryMember.objects.filter(campaign_id=jury_round.campaign_id).select_related("organisation")]
    applications = [ApplicationFacts(*row) for row in  # rows, not instances: a round may hold thousands
                    jury_round.applications().order_by().values_list("pk", "org_name", "siren", "siret")]
    return flag_conflicts(jurors, applications)


def assign(jury_round, mode=rules.Mode.BALANCED, *, by=None):
    """Assign the round's applications to the campaign's jurors; returns {application id: [juror ids]}.

    Declared and obvious conflicts are never assigned. Balanced mode gives
    each application `jurors_per_application` jurors (everyone when it is
    empty) with loads within one of each other. A round is assigned once:
    staff then adjust by hand (`add_assignment`, `remove_assignment`).
    """
    require_staff(by)
    if jury_round.assignments.exists():
        raise ValidationError(_("Ce tour est déjà réparti : ajustez les attributions à la main."))
    members = list(JuryMember.objects.filter(campaign_id=jury_round.campaign_id).order_by("pk")
                   .prefetch_related("categories"))
    jurors = [member.pk for member in members]
    applications = dict(jury_round.applications().order_by("pk").values_list("pk", "category_id"))
    declared = set(ConflictDeclaration.objects.conflicts()
                   .filter(juror__campaign_id=jury_round.campaign_id, application_id__in=list(applications))
                   .values_list("juror_id", "application_id"))
    conflicts = frozenset(declared | set(flagged_conflicts(jury_round)))
    if mode == rules.Mode.EVERYONE or (mode == rules.Mode.BALANCED and jury_round.jurors_per_application is None):
        result = rules.assign_everyone(list(applications), jurors, conflicts)
    elif mode == rules.Mode.BY_CATEGORY:
        by_category = {}
        for member in members:
            for category in member.categories.all():
                by_category.setdefault(category.pk, []).append(member.pk)
        result = rules.assign_by_category(applications, by_category, conflicts)
    elif mode == rules.Mode.BALANCED:
        try:
            result = rules.assign_balanced(list(applications), jurors, jury_round.jurors_per_application, conflicts)
        except rules.NotEnoughJurors as error:
            raise ValidationError(_("Pas assez de jurés sans conflit pour %(count)s candidature(s).")
                                  % {"count": len(error.args[0])}) from error
    else:
        raise ValueError(f"Unknown assignment mode: {mode!r}")
    Assignment.objects.bulk_create(
        [Assignment(round=jury_round, juror_id=juror, application_id=application, assigned_by=by)
         for application, assigned in result.items() for juror in assigned])
    bump_ranking_version(jury_round.campaign_id)  # a bulk write sends no model signal: the progress figures move
    return result


def add_assignment(jury_round, juror, application, *, by=None):
    """A hand adjustment by staff; refused for a declared conflict or an application outside the round."""
    require_staff(by)
    if juror.campaign_id != jury_round.campaign_id:
        raise ValidationError(_("Ce juré ne siège pas au jury de cette campagne."))
    if not jury_round.applications().filter(pk=application.pk).exists():
        raise ValidationError(_("Cette candidature ne fait pas partie de ce tour."))
    if ConflictDeclaration.objects.conflicts().filter(juror=juror, application=application).exists():
        raise ValidationError(_("Ce juré a déclaré un conflit d'intérêts sur cette candidature."))
    return Assignment.objects.get_or_create(round=jury_round, juror=juror, application=application,
                                            defaults={"assigned_by": by})[0]


def remove_assignment(jury_round, juror, application, *, by=None):
    """Refused once the juror has scored the file: scores are not thrown away silently."""
    require_staff(by)
    if Score.objects.filter(round=jury_round, juror=juror, application=application).exists():
        raise ValidationError(_("Ce juré a déjà noté cette candidature."))
    Assignment.objects.filter(round=jury_round, juror=juror, application=application).delete()
