"""Background work (e-mails) through Django tasks: immediate in dev and tests, database worker in production.

Arguments are ids and strings only (they are stored as JSON by the database backend).
"""

from django_tasks import task

from labels import emails


@task()
def send_submission_receipt(application_id: int, version_number: int, receipt_url: str) -> None:
    from labels.models import Application
    from labels.snapshot import display_rows

    application = Application.objects.select_related("campaign", "owner").get(pk=application_id)
    version = application.versions.get(number=version_number)
    recipients = sorted({address for address in [application.owner.email if application.owner else "",
                                                 application.contact_email] if address})
    emails.send("submission_receipt", recipients, {
        "application": application, "version": version, "rows": display_rows(version.snapshot),
        "receipt_url": receipt_url,
    })


@task()
def send_signup_verification(email: str, first_name: str, activation_url: str) -> None:
    emails.send("signup_verification", [email], {"first_name": first_name, "activation_url": activation_url})


@task()
def send_existing_account_notice(email: str, login_url: str, reset_url: str) -> None:
    emails.send("existing_account", [email], {"login_url": login_url, "reset_url": reset_url})


@task()
def send_reopened_notice(application_id: int, application_url: str) -> None:
    from labels.models import Application

    application = Application.objects.select_related("campaign", "owner").get(pk=application_id)
    if application.owner and application.owner.email:
        emails.send("reopened", [application.owner.email], {"application": application, "url": application_url})


@task()
def send_coeditor_invitation(email: str, inviter: str, application_title: str, signup_url: str) -> None:
    emails.send("coeditor_invitation", [email], {"inviter": inviter, "title": application_title,
                                                  "signup_url": signup_url})


@task()
def send_password_reset(email: str, protocol: str, domain: str, uid: str, token: str) -> None:
    from django.urls import reverse

    path = reverse("labels:password_reset_confirm", args=[uid, token])
    emails.send("password_reset", [email], {"reset_url": f"{protocol}://{domain}{path}"})


@task()
def send_jury_reminder(juror_id: int, round_id: int, missing: int, url: str) -> None:
    """How many sheets remain and until when; never which applications (an e-mail travels further than the admin)."""
    from labels.models import JuryMember, JuryRound

    juror = JuryMember.objects.select_related("user", "person").get(pk=juror_id)
    jury_round = JuryRound.objects.select_related("campaign").get(pk=round_id)
    if not (juror.user.is_active and juror.user.email):
        return
    emails.send("jury_reminder", [juror.user.email], {
        "juror_name": str(juror), "round": jury_round, "campaign": jury_round.campaign, "missing": missing,
        "url": url,
    })


def _ceremony_forum(campaign_id: int):
    """The live, public Forum page that hosts the campaign's ceremony, if editors linked one."""
    from events.models import ForumPage

    return (ForumPage.objects.live().public().filter(label_campaigns__campaign_id=campaign_id)
            .order_by("-start_date", "-pk").first())


@task()
def send_result(application_id: int, url: str) -> None:
    """Tell the applicant the published result: one template per outcome, the jury's approved summary only.

    The outcome is read from the application's status (what was published),
    the summary and citation from the current decision; jurors' scores and
    comments never reach the applicant. Nothing is sent for an application
    whose status is not a result (it changed before the worker ran).
    """
    from urllib.parse import urljoin

    from labels.models import Application, Decision, DecisionOutcome
    from labels.publication import STATUS_OUTCOME

    application = Application.objects.select_related("campaign", "owner", "category").get(pk=application_id)
    outcome = STATUS_OUTCOME.get(application.status)
    if outcome is None:
        return
    decision = (Decision.objects.filter(application=application).latest_first()
                .only("outcome", "citation", "feedback").first())
    recipients = {}
    for address in (application.owner.email if application.owner else "", application.contact_email):
        if address:
            recipients.setdefault(address.strip().lower(), address.strip())
    if not recipients:
        return
    distinguished = outcome != DecisionOutcome.NOT_SELECTED
    forum = _ceremony_forum(application.campaign_id) if distinguished else None
    emails.send(f"result_{outcome.value}", list(recipients.values()), {
        "application": application, "campaign": application.campaign, "url": url,
        "feedback": decision.feedback if decision else "",
        "citation": decision.citation if decision and distinguished else "",
        "forum": forum, "forum_url": urljoin(url, forum.get_url() or "") if forum else "",
    })
