"""The resource space's e-mails, through Django tasks: a reported problem to staff. Arguments are ids; the rows
are read when sending."""

from django.urls import reverse
from django_tasks import task

from interconnectes import canonical, emails


@task()
def send_report(report_id: int) -> None:
    from resources.models import ResourceIndexPage, ResourceReport
    from resources.permissions import staff_addresses

    report = ResourceReport.objects.select_related("resource").filter(pk=report_id).first()
    index = ResourceIndexPage.objects.live().first()
    to = staff_addresses()
    if report is None or not to:
        return
    resource = report.resource
    emails.send("report", to, {
        "resource": resource.title, "message": report.message,
        "resource_url": canonical.absolute(index.resource_url(resource.slug)) if index else "",
        "admin_url": canonical.absolute(reverse("wagtailsnippets_resources_resourcereport:edit", args=[report.pk])),
    }, app="resources")
