"""Publishing a campaign's results: one staff action, all or nothing, then the public lists it feeds.

Until `publish_results` runs, nothing of the jury's work is public: the
applications keep their "Déposée" / "En évaluation" status, the campaign
page, the laureates archive and the applicant's dashboard show no result,
whatever the register of decisions already holds. The action copies each
current decision onto its application's status, stamps the campaign page
with the publication time through a published revision (the page history
then says who published, and a later edit of the page cannot bring the old
date back), and sends each applicant their result once the transaction has
committed, so that nobody hears of a result that was rolled back.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urljoin

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from labels import permissions, phases, tasks
from labels.models import (
    JURY_STATUSES,
    Application,
    ApplicationStatus,
    DecisionOutcome,
    LabelCampaignPage,
    latest_decision,
)

OUTCOME_STATUS = {
    DecisionOutcome.LAUREATE: ApplicationStatus.LAUREATE,
    DecisionOutcome.MENTION: ApplicationStatus.MENTION,
    DecisionOutcome.NOT_SELECTED: ApplicationStatus.NOT_SELECTED,
}
STATUS_OUTCOME = {status: outcome for outcome, status in OUTCOME_STATUS.items()}

# What the public sees of a campaign once its results are out; a non-selected application never appears.
PUBLIC_STATUSES = (ApplicationStatus.LAUREATE, ApplicationStatus.MENTION)

# The columns the public lists show: the long project fields and the contact details stay unread.
PUBLIC_COLUMNS = ("id", "campaign_id", "status", "org_name", "org_region", "title", "summary",
                  "category__id", "category__name", "category__sort_order")


@dataclass(frozen=True)
class PublicationSummary:
    """What `publish_results` did: when, and how many applications got each outcome."""

    published_at: datetime.datetime
    counts: dict = field(default_factory=dict)  # DecisionOutcome value -> number of applications

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def results_published(campaign, now=None) -> bool:
    """Whether the public may see the campaign's results at `now` (the same rule as the RESULTS phase)."""
    published_at = campaign.results_published_at
    return published_at is not None and published_at <= (now or phases.clock())


def public_results(applications):
    """Laureates and mentions of `applications` with their category and the jury's public citation, in one query.

    The caller decides which campaigns are published; this only narrows to what
    may be shown, so a non-selected application can never leak into a public list.
    """
    return (
        applications.filter(status__in=PUBLIC_STATUSES)
        .select_related("category").only(*PUBLIC_COLUMNS)
        .annotate(citation=latest_decision("citation"))
        .order_by("campaign_id", "org_name", "pk")
    )


def _absolute(base_url: str, url: str) -> str:
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
    ineligible applications are left as they are.

    The page is stamped through a new revision built from the live content
    and published: Wagtail's page permissions are not asked again, since
    this publishes nothing an editor wrote, only the date. An editor's
    pending draft gets the same date in a new draft revision, so that
    publishing it later keeps the results public.

    The e-mails link to the campaign page on `base_url` (a view passes
    `request.build_absolute_uri("/")`), else on the Wagtail site's root URL.
    `notify=False` publishes without e-mails: the demo content, whose
    applicants are made up, publishes a past edition that way.
    """
    if by is None or not permissions.is_campaign_staff(by):
        raise PermissionDenied(_("Seule l'équipe qui anime la campagne peut publier les résultats."))
    now = now or phases.clock()
    with transaction.atomic():
        page = LabelCampaignPage.objects.select_for_update().get(pk=campaign.pk)
        if results_published(page, now):
            raise ValidationError(_("Les résultats de cette campagne sont déjà publiés."))
        if not page.live:
            raise ValidationError(_("La page de la campagne n'est pas en ligne : publiez-la d'abord."))
        if page.closes_at is None or now <= page.closes_at:
            raise ValidationError(_("Les candidatures ne sont pas encore closes : les résultats attendront."))
        applications = list(
            Application.objects.select_for_update().filter(campaign_id=page.pk, status__in=JURY_STATUSES)
            .annotate(outcome=latest_decision("outcome")).order_by("reference", "pk")
            .only("id", "reference", "status")
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

        by_status = {}
        for application in applications:
            by_status.setdefault(OUTCOME_STATUS[application.outcome], []).append(application.pk)
        for status, ids in by_status.items():
            Application.objects.filter(pk__in=ids).update(status=status)

        pending_draft = page.latest_revision if (
            page.has_unpublished_changes and page.latest_revision_id
            and page.latest_revision_id != page.live_revision_id
        ) else None
        page.results_published_at = now
        page.save_revision(user=by).publish(user=by, skip_permission_checks=True)
        if pending_draft is not None:
            draft = pending_draft.as_object()
            draft.results_published_at = now
            draft.save_revision(user=by, clean=False)

        url = _absolute(base_url, page.get_url() or "") if base_url else (page.get_full_url() or "")
        for application in applications if notify else []:
            transaction.on_commit(partial(tasks.send_result.enqueue, application.pk, url), robust=True)

    if isinstance(campaign, LabelCampaignPage):
        campaign.refresh_from_db()
    counts = Counter(application.outcome for application in applications)
    return PublicationSummary(now, {outcome.value: counts.get(outcome.value, 0) for outcome in DecisionOutcome})
