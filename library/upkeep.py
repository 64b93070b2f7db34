"""Keeping the library alive: review reminders, broken links, "signaler une erreur". Called by the commands, the
report view and the tasks; the rules on plain values are in `library.facets`.

Who is written to is in `library.owners`.
"""

import datetime
import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import email_quota
from accounts.limits import EmailKind
from interconnectes.refusals import Refused
from library import facets, tasks
from library.models import ErrorReport, Implementation, LinkCheck

LINK_TIMEOUT_SECONDS = 10
USER_AGENT = "Les Interconnectes - verification des liens de la bibliotheque d'IA"


# --- "Signaler une erreur" ------------------------------------------------------------------------------------------

def report_error(implementation: Implementation, person, message: str, now) -> ErrorReport:
    """Record what `person` says is wrong with a record and have it e-mailed to its owners and to staff, to be
    answered within `facets.ERROR_REPORT_DAYS` days; refused (QuotaReached) past the account's daily quota."""
    message = message.strip()
    if not message:
        raise Refused(_("Décrivez l'erreur : ce qui est inexact, et si possible la bonne information."))
    with transaction.atomic():
        email_quota.reserve(EmailKind.LIBRARY_ERROR_REPORT, now, account=person)
        report = ErrorReport.objects.create(implementation=implementation, reporter=person, message=message,
                                            created_at=now, due_on=facets.report_due(timezone.localdate(now)))
    tasks.send_error_report.enqueue(report.pk)
    return report


# --- Review reminders ----------------------------------------------------------------------------------------------

def remind_reviews(today: datetime.date) -> list[str]:
    """E-mail the owners of each record whose review date has come, once per date; one line per record."""
    due = (Implementation.objects.filter(review_due_on__lte=today)
           .filter(Q(review_reminded_on__isnull=True) | Q(review_reminded_on__lt=F("review_due_on")))
           .select_related("lead_organisation", "use_case"))
    lines = []
    for implementation in due:
        if not facets.needs_reminder(implementation.review_due_on, implementation.review_reminded_on, today):
            continue
        tasks.send_review_reminder.enqueue(implementation.pk)
        Implementation.objects.filter(pk=implementation.pk).update(review_reminded_on=today)
        lines.append(_("Rappel de révision : %(record)s") % {"record": implementation})
    return lines


# --- Link checker --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Answer:
    status_code: int | None
    error: str = ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirections are answers, not followed: they could lead to an address inside the network."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def is_public_address(host: str) -> bool:
    """Whether every address `host` resolves to is a public one (no loopback, private, link-local, reserved)."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False
    addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    return bool(addresses) and all(address.is_global for address in addresses)


def fetch(url: str, *, timeout: float = LINK_TIMEOUT_SECONDS, allow_private: bool = False) -> Answer:
    """One link's answer: a HEAD request (a GET when HEAD is refused), within `timeout` seconds, to a public
    address only unless `allow_private` (the tests' local server)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Answer(None, _("Adresse invalide"))
    if not allow_private and not is_public_address(parts.hostname):
        return Answer(None, _("Adresse non publique ou introuvable"))
    opener = urllib.request.build_opener(NoRedirect)
    status: int | None = None
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=timeout) as response:  # nosec B310 # http(s) only, checked above
                return Answer(response.status)
        except urllib.error.HTTPError as error:
            status = error.code
            if error.code in (405, 501) and method == "HEAD":
                continue
            return Answer(status, "" if status < 400 else str(error.reason)[:255])
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            return Answer(None, str(getattr(error, "reason", error))[:255])
    return Answer(status)


def record_links(implementation) -> list[str]:
    """The links a record gives out: its open material, its private code address, its data sources."""
    urls = [implementation.code_url, implementation.open_data_url, implementation.demonstrator_url,
            implementation.code_archive_url, *(source.url for source in implementation.data_sources.all())]
    return list(dict.fromkeys(url for url in urls if url))


def check_links(now, *, fetcher: Callable[[str], Answer] | None = None) -> list[str]:
    """Check every link of every record, record each answer, and e-mail each record's owners the links that broke
    since the previous check (a link still broken is not reported again). One line per broken link."""
    fetcher = fetcher or fetch
    lines = []
    for implementation in Implementation.objects.select_related("use_case").prefetch_related("data_sources"):
        checks = {check.url: check for check in implementation.link_checks.all()}
        newly_broken = []
        urls = record_links(implementation)
        for url in urls:
            answer = fetcher(url)
            check = checks.get(url) or LinkCheck(implementation=implementation, url=url)
            was_broken = check.is_broken
            check.status_code, check.error, check.checked_at = answer.status_code, answer.error, now
            if facets.is_broken(answer.status_code):
                check.broken_since = check.broken_since or now
                if not was_broken:
                    newly_broken.append(url)
                lines.append(f"{implementation} : {url} ({answer.status_code or answer.error})")
            else:
                check.broken_since = None
            check.save()
        implementation.link_checks.exclude(url__in=urls).delete()
        if newly_broken:
            tasks.send_broken_links.enqueue(implementation.pk, newly_broken)
    return lines
