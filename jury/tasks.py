"""The jury's e-mails, sent through Django tasks like the labels' ones (`labels/tasks.py`).

Arguments are ids and strings only (the database task backend stores them as JSON).
"""

from urllib.parse import urljoin

from django_tasks import task

from events.models import ForumPage
from interconnectes import emails
from jury.models import Decision, DecisionOutcome, JuryMember, JuryRound
from jury.public_record import public_record
from labels.models import Application, ApplicationStatus, ApplicationVersion

# The published status of an application -> the outcome whose e-mail it gets.
STATUS_OUTCOME = {
    ApplicationStatus.LAUREATE: DecisionOutcome.LAUREATE,
    ApplicationStatus.MENTION: DecisionOutcome.MENTION,
    ApplicationStatus.NOT_SELECTED: DecisionOutcome.NOT_SELECTED,
}


@task()
def send_jury_reminder(juror_id: int, round_id: int, missing: int, url: str) -> None:
    """How many sheets remain and until when; never which applications (an e-mail travels further than the jury's
    pages)."""
    juror = JuryMember.objects.select_related("user", "person").get(pk=juror_id)
    jury_round = JuryRound.objects.select_related("campaign").get(pk=round_id)
    if juror.user is None or not (juror.user.is_active and juror.user.email):
        return  # an anonymised seat (account deleted) or an account that cannot receive e-mail
    emails.send("reminder", [juror.user.email], {
        "juror_name": str(juror), "round": jury_round, "campaign": jury_round.campaign, "missing": missing,
        "url": url,
    }, app="jury")


def ceremony_forum(campaign_id: int):
    """The live, public Forum page that hosts the campaign's ceremony, if editors linked one."""
    return (ForumPage.objects.live().public().filter(label_campaigns__campaign_id=campaign_id)
            .order_by("-start_date", "-pk").first())


def recipients_of(application) -> list[str]:
    """The owner's and the contact's addresses, each once whatever its case."""
    recipients: dict[str, str] = {}
    for address in (application.owner.email if application.owner else "", application.contact_email):
        if address:
            recipients.setdefault(address.strip().lower(), address.strip())
    return list(recipients.values())


def result_email(application, outcome, decision, record: dict, url: str) -> tuple[str, dict]:
    """(template, context) of the e-mail telling `application` its `outcome`: what is sent, and what the
    confirmation page of the publication previews. `decision` gives the approved summary and the citation,
    `record` (jury/public_record.py) the title and organisation the applicant submitted."""
    outcome = DecisionOutcome(outcome)
    distinguished = outcome != DecisionOutcome.NOT_SELECTED
    forum = ceremony_forum(application.campaign_id) if distinguished else None
    return f"result_{outcome.value}", {
        "application": application, "record": record, "campaign": application.campaign, "url": url,
        "feedback": decision.feedback if decision else "",
        "citation": decision.citation if decision and distinguished else "",
        "level": decision.level if decision and outcome == DecisionOutcome.LAUREATE else "",
        "forum": forum, "forum_url": urljoin(url, forum.get_url() or "") if forum else "",
    }


@task()
def send_result(application_id: int, url: str) -> None:
    """Tell the applicant the published result: one template per outcome, the jury's approved summary only.

    The outcome is read from the application's status (what was published),
    the summary and citation from the current decision; jurors' scores and
    comments never reach the applicant. Nothing is sent for an application
    whose status is not a result (it changed before the worker ran). A
    correction after the publication sends the same e-mail, once, with the
    corrected result.
    """
    application = Application.objects.select_related("campaign", "owner", "category").get(pk=application_id)
    outcome = STATUS_OUTCOME.get(application.status)
    if outcome is None:
        return
    decision = (Decision.objects.filter(application=application).latest_first()
                .only("outcome", "citation", "feedback").first())
    recipients = recipients_of(application)
    if not recipients:
        return
    snapshot = (ApplicationVersion.objects.filter(application=application).order_by("-number")
                .values_list("snapshot", flat=True).first())
    template, context = result_email(application, outcome, decision, public_record(application, snapshot), url)
    emails.send(template, recipients, context, app="jury")
