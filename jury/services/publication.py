"""Publishing a campaign's results: one staff action, all or nothing.

Until `publish_results` runs, nothing of the jury's work is public: the
applications keep their "Déposée" / "En évaluation" status, the campaign
page, the laureates archive and the applicant's dashboard show no result,
whatever the register of decisions already holds. The action copies each
current decision onto its application (status, and the public citation of
laureates and mentions), records who published, when and what was sent in
`labels.ResultsPublication` (never in a page revision: publishing an older
revision of the campaign page later cannot take the results back), and sends
each applicant their result once the transaction has committed, so that nobody
hears of a result that was rolled back.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urljoin

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from interconnectes import clock
from jury import tasks
from jury.models import JURY_STATUSES, DecisionOutcome, latest_decision
from jury.ranking_cache import bump_ranking_version
from labels.models import Application, ApplicationStatus, LabelCampaignPage, ResultsPublication
from labels.permissions import is_campaign_staff

OUTCOME_STATUS = {
    DecisionOutcome.LAUREATE: ApplicationStatus.LAUREATE,
    DecisionOutcome.MENTION: ApplicationStatus.MENTION,
    DecisionOutcome.NOT_SELECTED: ApplicationStatus.NOT_SELECTED,
}
DISTINGUISHED = (DecisionOutcome.LAUREATE, DecisionOutcome.MENTION)


@dataclass(frozen=True)
class PublicationSummary:
    """What `publish_results` did: when, how many applications got each outcome, how many were e-mailed."""

    published_at: datetime.datetime
    counts: dict = field(default_factory=dict)  # DecisionOutcome value -> number of applications
    notified: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def absolute(base_url: str, url: str) -> str:
    """The page URL on the host the staff member works on: Wagtail gives a relative one for a single site."""
    if "://" in url:
        return url
    return urljoin(base_url.rstrip("/") + "/", url.lstrip("/"))


def publish_results(campaign, *, by, now=None, base_url: str = "", notify: bool = True) -> PublicationSummary:
    """Publish a closed campaign's results from the jury's current decisions, and tell every applicant.

    Refused (PermissionDenied) for anyone but campaign staff; refused
    (ValidationError) when the results are already out, the campaign is not
    closed or its page not live, or when an application the jury looks at has
    no decision yet (their references are listed). Draft, withdrawn and
    ineligible applications are left as they are. The campaign page and its
    revisions are not touched.

    The e-mails link to the campaign page on `base_url` (a view passes
    `request.build_absolute_uri("/")`), else on the Wagtail site's root URL.
    `notify=False` publishes without e-mails: the demo content, whose
    applicants are made up, publishes a past edition that way.
    """
    if by is None or not is_campaign_staff(by):
        raise PermissionDenied(_("Seule l'équipe qui anime la campagne peut publier les résultats."))
    now = now or clock.now()
    try:
        with transaction.atomic():
            summary = _publish(campaign, by=by, now=now, base_url=base_url, notify=notify)
    except IntegrityError as error:  # published meanwhile by another request (one row per campaign)
        raise ValidationError(_("Les résultats de cette campagne sont déjà publiés.")) from error
    return summary


def _publish(campaign, *, by, now, base_url, notify) -> PublicationSummary:
    page = LabelCampaignPage.objects.select_for_update().get(pk=campaign.pk)
    if ResultsPublication.objects.filter(campaign_id=page.pk).exists():
        raise ValidationError(_("Les résultats de cette campagne sont déjà publiés."))
    if not page.live:
        raise ValidationError(_("La page de la campagne n'est pas en ligne : publiez-la d'abord."))
    if page.closes_at is None or now <= page.closes_at:
        raise ValidationError(_("Les candidatures ne sont pas encore closes : les résultats attendront."))
    applications = list(
        Application.objects.select_for_update().filter(campaign_id=page.pk, status__in=JURY_STATUSES)
        .annotate(outcome=latest_decision("outcome"), citation=latest_decision("citation"))
        .order_by("reference", "pk").only("id", "reference", "status")
    )
    missing = [application.reference or f"n° {application.pk}" for application in applications
               if application.outcome is None]
    if missing:
        raise ValidationError(
            _("Le jury n'a pas encore décidé pour %(count)d candidature(s) : %(references)s.")
            % {"count": len(missing), "references": ", ".join(missing)}
        )
    if not applications:
        raise ValidationError(_("Aucune candidature n'a été examinée par le jury : rien à publier."))

    for application in applications:
        application.status = OUTCOME_STATUS[application.outcome]
        application.published_citation = application.citation if application.outcome in DISTINGUISHED else ""
    Application.objects.bulk_update(applications, ["status", "published_citation"])
    bump_ranking_version(page.pk)  # the statuses the ranking reads changed, without a model signal

    counts = Counter(application.outcome for application in applications)
    notified = applications if notify else []
    ResultsPublication.objects.create(
        campaign=page, published_at=now, published_by=by, laureates=counts[DecisionOutcome.LAUREATE],
        mentions=counts[DecisionOutcome.MENTION], not_selected=counts[DecisionOutcome.NOT_SELECTED],
        notified=len(notified))
    url = absolute(base_url, page.get_url() or "") if base_url else (page.get_full_url() or "")
    for application in notified:
        transaction.on_commit(partial(tasks.send_result.enqueue, application.pk, url), robust=True)
    return PublicationSummary(now, {outcome.value: counts.get(outcome.value, 0) for outcome in DecisionOutcome},
                              len(notified))
