"""The library's e-mails, through Django tasks: an error report to a record's owners and to staff, a review
reminder and the broken links to its owners. Arguments are ids and strings; the rows are read when sending."""

from django.urls import reverse
from django_tasks import task

from interconnectes import canonical, emails
from library.owners import owner_addresses, staff_addresses


def send(template: str, to: list[str], context: dict) -> None:
    if to:
        emails.send(template, to, context, app="library")


def record_context(implementation) -> dict:
    url = canonical.absolute(implementation.use_case.implementation_url(implementation.slug))
    return {"record": str(implementation), "record_url": url}


@task()
def send_error_report(report_id: int) -> None:
    from library.models import ErrorReport

    report = (ErrorReport.objects.select_related("implementation__use_case", "implementation__lead_organisation")
              .filter(pk=report_id).first())
    if report is None:
        return
    context = {**record_context(report.implementation), "message": report.message, "due_on": report.due_on,
               "admin_url": canonical.absolute(reverse("wagtailsnippets_library_errorreport:edit",
                                                       args=[report.pk]))}
    send("error_report", owner_addresses(report.implementation.lead_organisation_id), {**context, "staff": False})
    send("error_report", staff_addresses(), {**context, "staff": True})


@task()
def send_review_reminder(implementation_id: int) -> None:
    from library.models import Implementation

    implementation = Implementation.objects.select_related("use_case", "lead_organisation").filter(
        pk=implementation_id).first()
    if implementation is not None:
        send("review_reminder", owner_addresses(implementation.lead_organisation_id),
             {**record_context(implementation), "due_on": implementation.review_due_on})


@task()
def send_broken_links(implementation_id: int, urls: list[str]) -> None:
    from library.models import Implementation

    implementation = Implementation.objects.select_related("use_case", "lead_organisation").filter(
        pk=implementation_id).first()
    if implementation is not None:
        send("broken_links", owner_addresses(implementation.lead_organisation_id),
             {**record_context(implementation), "urls": urls})
