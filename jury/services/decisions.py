"""The register of the jury's decisions: each one a new row, the latest wins.

Before the results are published, a decision is the jury's working state and
nothing public changes. After, a decision is a correction: it needs its reason,
which the register keeps, and it updates the public record of the file (status,
citation) and tells the applicant once, with the corrected result. Nothing is
ever deleted from the register.
"""

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from interconnectes import clock
from jury import tasks
from jury.models import Decision, DecisionOutcome
from jury.permissions import require_staff
from jury.services import publication
from labels.models import Application, LabelCampaignPage, ResultsPublication


def record_decision(application, *, outcome, by, citation: str = "", feedback: str = "", minutes: str = "",
                    correction_reason: str = "", now=None, base_url: str = "") -> Decision:
    """A new row in the register (never an update): the latest row is the jury's current decision.

    Once the campaign's results are published, the row is a correction and
    `correction_reason` is required; the application's public status and
    citation follow it in the same transaction, and the applicant gets one
    e-mail with the corrected result once it has committed.
    """
    require_staff(by)
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Décision inconnue.")})
    with transaction.atomic():
        page = LabelCampaignPage.objects.select_for_update().get(pk=application.campaign_id)
        published = ResultsPublication.objects.filter(campaign_id=page.pk).exists()
        if published and not correction_reason.strip():
            raise ValidationError({"correction_reason": _(
                "Les résultats sont publiés : indiquez le motif de cette correction, il sera gardé au registre.")})
        decision = Decision(application=application, outcome=outcome, citation=citation.strip(),
                            feedback=feedback.strip(), minutes=minutes.strip(), recorded_by=by,
                            correction_reason=correction_reason.strip() if published else "",
                            recorded_at=now or clock.now())
        decision.full_clean()
        decision.save()
        if published:
            _correct_public_record(application.pk, decision, page, base_url)
    return decision


def _correct_public_record(application_id, decision, page, base_url):
    application = Application.objects.select_for_update().get(pk=application_id)
    snapshot = publication.submitted_versions([application.pk]).get(application.pk)
    publication.apply_public_record(application, decision.outcome, decision.citation, snapshot)
    application.save(update_fields=publication.PUBLISHED_FIELDS)
    url = publication.campaign_url(page, base_url)
    transaction.on_commit(partial(tasks.send_result.enqueue, application.pk, url), robust=True)
