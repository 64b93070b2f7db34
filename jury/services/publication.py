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

The workflow order is checked here, on the server, by `jury.publication_rules`
(every round closed and its deliberation open, every file decided), whatever
the screens showed; the confirmation page (`preview`) shows the same reasons,
the counts and the e-mails before anything happens. Once the row exists, no
score can change (`jury.scoring_state` refuses, unlocks included): publishing
closes every round for scoring. A decision recorded afterwards is a correction
(`jury.services.decisions.record_decision`), never a silent change.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urljoin

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from interconnectes import clock, emails
from jury import outcomes, publication_rules, tasks
from jury.models import JURY_STATUSES, Decision, DecisionOutcome, JuryRound, latest_decision
from jury.public_record import public_record
from jury.ranking_cache import bump_ranking_version
from labels.models import Application, ApplicationStatus, ApplicationVersion, LabelCampaignPage, ResultsPublication
from labels.permissions import is_campaign_staff

OUTCOME_STATUS = {
    DecisionOutcome.LAUREATE: ApplicationStatus.LAUREATE,
    DecisionOutcome.MENTION: ApplicationStatus.MENTION,
    DecisionOutcome.NOT_SELECTED: ApplicationStatus.NOT_SELECTED,
}
DISTINGUISHED = (DecisionOutcome.LAUREATE, DecisionOutcome.MENTION)
OUTCOME_ORDER = {DecisionOutcome.LAUREATE: 0, DecisionOutcome.MENTION: 1, DecisionOutcome.NOT_SELECTED: 2}


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


def _applications(page_id):
    """The files the jury looks at, with their current decision's outcome and citation, by reference."""
    return (Application.objects.filter(campaign_id=page_id, status__in=JURY_STATUSES)
            .annotate(outcome=latest_decision("outcome"), citation=latest_decision("citation"),
                      level=latest_decision("level"))
            .order_by("reference", "pk"))


def _facts(page, applications, *, already_published: bool) -> publication_rules.CampaignFacts:
    rounds = tuple(publication_rules.RoundFacts(str(jury_round), jury_round.opens_at, jury_round.closes_at,
                                                jury_round.deliberation_opens_at)
                   for jury_round in JuryRound.objects.filter(campaign_id=page.pk).order_by("number"))
    undecided = tuple(application.reference or f"n° {application.pk}" for application in applications
                      if application.outcome in (None, DecisionOutcome.RETAINED))
    return publication_rules.CampaignFacts(page.live, page.closes_at, already_published, rounds, undecided,
                                           len(applications))


def campaign_url(page, base_url: str) -> str:
    return absolute(base_url, page.get_url() or "") if base_url else (page.get_full_url() or "")


@dataclass(frozen=True)
class EmailPreview:
    outcome: str  # its label
    count: int
    subject: str
    text: str


@dataclass(frozen=True)
class PublicationPlan:
    """What publishing now would do, for the confirmation page: or why it is refused."""

    refusals: list
    counts: list  # (outcome label, number of files), in the register's order
    recipients: list  # (application, outcome label, addresses)
    previews: list  # EmailPreview, one per kind of e-mail that would be sent

    @property
    def emails(self) -> int:
        return sum(1 for _application, _label, addresses in self.recipients if addresses)


def preview(campaign, *, base_url: str = "", now=None) -> PublicationPlan:
    """What `publish_results` would do now: the refusals, the counts per outcome, who is e-mailed and a preview
    of each kind of e-mail (rendered from the first file that would receive it). Reads only."""
    now = now or clock.now()
    applications = list(_applications(campaign.pk).select_related("owner", "campaign", "category"))
    already = ResultsPublication.objects.filter(campaign_id=campaign.pk).exists()
    refusals = publication_rules.refusals(_facts(campaign, applications, already_published=already), now)
    decided = [application for application in applications if application.outcome in OUTCOME_STATUS]
    counts = Counter((application.outcome, application.level) for application in decided)
    levels = campaign.levels()
    recipients = [(application, outcomes.label_of(application.outcome, application.level),
                   tasks.recipients_of(application)) for application in decided]
    first = {}
    for application, _label, addresses in recipients:
        if addresses:
            first.setdefault(application.outcome, application)
    decisions = {decision.application_id: decision for decision in
                 Decision.objects.current().filter(application_id__in=[a.pk for a in first.values()])}
    versions = submitted_versions([application.pk for application in first.values()])
    url = campaign_url(campaign, base_url)
    previews = []
    for outcome in DecisionOutcome:
        if outcome.value in first:
            application = first[outcome.value]
            record = public_record(application, versions.get(application.pk))
            template, context = tasks.result_email(application, outcome, decisions.get(application.pk), record, url)
            subject, text, _html = emails.render(template, context, app="jury")
            sent = sum(1 for other, _label, addresses in recipients if addresses and other.outcome == outcome)
            previews.append(EmailPreview(outcome.label, sent, subject, text))
    order = sorted(counts, key=lambda pair: (OUTCOME_ORDER[pair[0]],
                                             levels.index(pair[1]) if pair[1] in levels else len(levels), pair[1]))
    return PublicationPlan(refusals, [(outcomes.label_of(*pair), counts[pair]) for pair in order], recipients,
                           previews)


def publish_results(campaign, *, by, now=None, base_url: str = "", notify: bool = True) -> PublicationSummary:
    """Publish a closed campaign's results from the jury's current decisions, and tell every applicant.

    Refused (PermissionDenied) for anyone but campaign staff; refused
    (ValidationError, every reason of `publication_rules.refusals`) when the
    results are already out, the campaign is not closed or its page not live,
    a round is still open for scoring or its deliberation not yet open, or an
    application the jury looks at has no decision yet (their references are
    listed). Draft, withdrawn and ineligible applications are left as they
    are. The campaign page and its revisions are not touched.

    Two requests at once: the campaign's page row is locked, then the
    publication row is unique per campaign, so one publishes and the other is
    refused before anything is sent.

    The e-mails link to the campaign page on `base_url` (a view passes
    `canonical.root_url(request)`), else on the Wagtail site's root URL.
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


def submitted_versions(application_ids) -> dict:
    """{application id: snapshot of its latest submitted version}, in one query."""
    latest = {}
    for application_id, snapshot in (ApplicationVersion.objects.filter(application_id__in=application_ids)
                                     .order_by("application_id", "number").values_list("application_id", "snapshot")):
        latest[application_id] = snapshot
    return latest


def apply_public_record(application, outcome, citation, snapshot, level: str = "") -> None:
    """Set the published status, level, citation and record of `application` for `outcome` (in memory)."""
    application.status = OUTCOME_STATUS[outcome]
    application.published_level = level if outcome == DecisionOutcome.LAUREATE else ""
    distinguished = outcome in DISTINGUISHED
    application.published_citation = citation if distinguished else ""
    record = public_record(application, snapshot) if distinguished else {}
    application.published_org_name = record.get("org_name", "")
    application.published_title = record.get("title", "")
    application.published_summary = record.get("summary", "")


PUBLISHED_FIELDS = ["status", "published_level", "published_citation", "published_org_name", "published_title",
                    "published_summary"]


def _publish(campaign, *, by, now, base_url, notify) -> PublicationSummary:
    page = LabelCampaignPage.objects.select_for_update().get(pk=campaign.pk)
    already = ResultsPublication.objects.filter(campaign_id=page.pk).exists()
    applications = list(_applications(page.pk).select_for_update(of=("self",))
                        .only("id", "reference", "status", "org_name", "title", "summary"))
    refusals = publication_rules.refusals(_facts(page, applications, already_published=already), now)
    if refusals:
        raise ValidationError(refusals)

    versions = submitted_versions([application.pk for application in applications])
    for application in applications:
        apply_public_record(application, application.outcome, application.citation, versions.get(application.pk),
                            application.level)
    Application.objects.bulk_update(applications, PUBLISHED_FIELDS)
    bump_ranking_version(page.pk)  # the statuses the ranking reads changed, without a model signal

    counts = Counter(application.outcome for application in applications)
    notified = applications if notify else []
    ResultsPublication.objects.create(
        campaign=page, published_at=now, published_by=by, laureates=counts[DecisionOutcome.LAUREATE],
        mentions=counts[DecisionOutcome.MENTION], not_selected=counts[DecisionOutcome.NOT_SELECTED],
        notified=len(notified))
    url = campaign_url(page, base_url)
    for application in notified:
        transaction.on_commit(partial(tasks.send_result.enqueue, application.pk, url), robust=True)
    return PublicationSummary(now, {outcome.value: counts.get(outcome.value, 0) for outcome in OUTCOME_STATUS},
                              len(notified))
