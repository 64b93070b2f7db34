"""The register of the jury's decisions: each one a new row, the latest wins.

A decision belongs to a round and says only what that round may say
(`jury/outcomes.py`): a preselection retains a file for the final or not, and
the final's files are kept exactly those retained (the final round's
shortlist follows each preselection decision in the same transaction); a final
gives a level of the campaign, the special mention or "non retenu".

Before the results are published, a decision is the jury's working state and
nothing public changes. After, a decision is a correction: it needs its reason,
which the register keeps, and it updates the public record of the file (status,
level, citation) and tells the applicant once, with the corrected result.
Nothing is ever deleted from the register.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from interconnectes import clock
from jury import outcomes, tasks
from jury.models import Decision, DecisionOutcome, DiscussionFlag, JuryRound, RoundPurpose
from jury.permissions import require_staff
from jury.progress import eliminated_on
from jury.services import publication
from labels.models import Application, LabelCampaignPage, ResultsPublication


def record_decision(application, *, outcome, by, jury_round=None, level: str = "", citation: str = "",
                    feedback: str = "", minutes: str = "", correction_reason: str = "", override_reason: str = "",
                    now=None, base_url: str = "") -> Decision:
    """A new row in the register (never an update): the latest row is the jury's current decision.

    With `jury_round`, the outcome must be one the round offers and the file
    must be in the round. Once the campaign's results are published, the row
    is a correction and `correction_reason` is required; the application's
    public status and citation follow it in the same transaction, and the
    applicant gets one e-mail with the corrected result once it has committed.
    """
    require_staff(by)
    with transaction.atomic():
        page = LabelCampaignPage.objects.select_for_update().get(pk=application.campaign_id)
        decision = _record(page, application, outcome=outcome, level=level, by=by, jury_round=jury_round,
                           citation=citation, feedback=feedback, minutes=minutes,
                           correction_reason=correction_reason, override_reason=override_reason,
                           now=now or clock.now(), base_url=base_url)
    return decision


def check_outcome(page, jury_round, application_id, outcome: str, level: str):
    """Refuse (ValidationError) an outcome the round does not offer, or a file that is not in the round."""
    if jury_round is None:
        if outcome not in DecisionOutcome.values or outcome == DecisionOutcome.RETAINED:
            raise ValidationError({"outcome": _("Décision inconnue.")})
        return
    if jury_round.campaign_id != page.pk:
        raise ValidationError(_("Ce tour n'appartient pas à la campagne de ce dossier."))
    if outcomes.parse(outcomes.key_of(outcome, level), jury_round.purpose, page.levels()) is None:
        offered = ", ".join(choice.label for choice in outcomes.choices(jury_round.purpose, page.levels()))
        raise ValidationError({"outcome": _("Cette décision n'est pas possible dans ce tour : choisissez parmi "
                                            "%(list)s.") % {"list": offered}})
    if not jury_round.applications().filter(pk=application_id).exists():
        raise ValidationError(_("Ce dossier n'est pas dans ce tour."))


def _record(page, application, *, outcome, level, by, jury_round, citation, feedback, minutes, correction_reason,
            override_reason, now, base_url) -> Decision:
    check_outcome(page, jury_round, application.pk, outcome, level)
    published = ResultsPublication.objects.filter(campaign_id=page.pk).exists()
    if published and not correction_reason.strip():
        raise ValidationError({"correction_reason": _(
            "Les résultats sont publiés : indiquez le motif de cette correction, il sera gardé au registre.")})
    if published and outcome == DecisionOutcome.RETAINED:
        raise ValidationError({"outcome": _("Les résultats sont publiés : corrigez la décision de la finale.")})
    if jury_round is not None and jury_round.purpose == RoundPurpose.PRESELECTION:
        _follow_preselection(jury_round, application.pk, outcome)
    if jury_round is not None and outcome == DecisionOutcome.LAUREATE and not override_reason.strip():
        criteria = eliminated_on(jury_round, application.pk)
        if criteria:
            raise ValidationError({"override_reason": _(
                "Ce dossier est éliminé sur le critère %(criteria)s : un niveau de lauréat demande le motif de la "
                "dérogation, gardé au registre.") % {"criteria": ", ".join(criteria)}})
    decision = Decision(application=application, round=jury_round, outcome=outcome,
                        level=level if outcome == DecisionOutcome.LAUREATE else "", citation=citation.strip(),
                        feedback=feedback.strip(), minutes=minutes.strip(), recorded_by=by,
                        correction_reason=correction_reason.strip() if published else "",
                        override_reason=override_reason.strip(), recorded_at=now)
    decision.full_clean()
    decision.save()
    if published:
        _correct_public_record(application.pk, decision, page, base_url)
    return decision


def _follow_preselection(preselection, application_id, outcome):
    """Keep the finals' files exactly those the preselection retains; a file the final already decided on
    stays there (its final decision would otherwise be orphaned)."""
    finals = list(JuryRound.objects.filter(campaign_id=preselection.campaign_id, purpose=RoundPurpose.FINAL,
                                           number__gt=preselection.number))
    for final in finals:
        if outcome == DecisionOutcome.RETAINED:
            final.shortlist.add(application_id)
        elif Decision.objects.filter(round=final, application_id=application_id).exists():
            raise ValidationError(_("La finale a déjà décidé sur ce dossier : corrigez d'abord sa décision de "
                                    "finale."))
        else:
            final.shortlist.remove(application_id)


def _correct_public_record(application_id, decision, page, base_url):
    application = Application.objects.select_for_update().get(pk=application_id)
    snapshot = publication.submitted_versions([application.pk]).get(application.pk)
    publication.apply_public_record(application, decision.outcome, decision.citation, snapshot, decision.level)
    application.save(update_fields=publication.PUBLISHED_FIELDS)
    url = publication.campaign_url(page, base_url)
    transaction.on_commit(partial(tasks.send_result.enqueue, application.pk, url), robust=True)


def record_bulk(jury_round, application_ids, *, outcome: str, level: str = "", reason: str, by, now=None) -> int:
    """One outcome for many files of the round, one reason: a register row per file, all or nothing.

    Refused whole (ValidationError, nothing recorded) when a file is not in
    this round (another campaign's, another round's) or already has a decision
    in this round, or when the reason is missing: the single decision form is
    there to change one decision.
    """
    require_staff(by)
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Indiquez le motif de cette décision groupée.")})
    ids = sorted(set(application_ids))
    if not ids:
        raise ValidationError(_("Aucun dossier sélectionné."))
    now = now or clock.now()
    with transaction.atomic():
        page = LabelCampaignPage.objects.select_for_update().get(pk=jury_round.campaign_id)
        applications = {application.pk: application for application in
                        jury_round.applications().select_for_update(of=("self",)).filter(pk__in=ids)}
        foreign = [str(pk) for pk in ids if pk not in applications]
        if foreign:
            raise ValidationError(_("Ces dossiers ne sont pas dans ce tour : n° %(ids)s. Rien n'a été enregistré.")
                                  % {"ids": ", ".join(foreign)})
        decided = sorted(str(applications[pk]) for pk in Decision.objects.filter(
            round=jury_round, application_id__in=ids).values_list("application_id", flat=True).distinct())
        if decided:
            raise ValidationError(_("Ces dossiers ont déjà une décision dans ce tour : %(refs)s. Rien n'a été "
                                    "enregistré ; changez-les un par un.") % {"refs": ", ".join(decided)})
        for pk in ids:
            _record(page, applications[pk], outcome=outcome, level=level, by=by, jury_round=jury_round,
                    citation="", feedback="", minutes=_("Décision groupée : %(reason)s") % {"reason": reason.strip()},
                    correction_reason="", override_reason="", now=now, base_url="")
    return len(ids)


def flag_for_discussion(jury_round, application, *, to_discuss: bool, note: str, by, now=None):
    """Staff add the file to the round's "à discuter" list or take it off, whatever the spread says, with a note
    (required); a new row of the log each time, the latest wins."""
    require_staff(by)
    if not (note or "").strip():
        raise ValidationError({"note": _("Indiquez pourquoi ce dossier est à discuter, ou ne l'est plus.")})
    if not jury_round.applications().filter(pk=application.pk).exists():
        raise ValidationError(_("Ce dossier n'est pas dans ce tour."))
    return DiscussionFlag.objects.create(round=jury_round, application=application, to_discuss=to_discuss,
                                         note=note.strip(), flagged_at=now or clock.now(), flagged_by=by)


def discussion_flags(jury_round) -> dict:
    """{application id: (to discuss, note)} from the latest hand flag of each file of the round (one query)."""
    flags = {}
    for application_id, to_discuss, note in (DiscussionFlag.objects.filter(round=jury_round)
                                             .order_by("flagged_at", "pk")
                                             .values_list("application_id", "to_discuss", "note")):
        flags[application_id] = (to_discuss, note)
    return flags
