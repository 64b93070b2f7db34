"""The library's pages outside the page tree: its open data (documentation, CSV, JSON, schema) and "signaler une
erreur" on a record.

"Signaler une erreur" is for signed-in readers only: the report is e-mailed to
the record's owners and to staff, and an account is what the e-mail quotas
count (accounts/email_quota.py, a few reports a day) and what staff can
answer. An anonymous form would need a captcha or a network-address quota to
keep it from being a relay anyone can aim at a collectivité's agents; signing
in costs a reader one step, and the record page tells them so.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import BooleanField, Case, Value, When
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import email_quota
from interconnectes import canonical, clock
from interconnectes.jsonld import script_tag
from interconnectes.refusals import Refused
from library import finder, opendata, upkeep
from library.forms import ErrorReportForm
from library.models import Implementation
from library.tiers import Level, visible_record


def absolute(name: str, request) -> str:
    return canonical.absolute(reverse(name), request)


def rows(request) -> list[dict]:
    """Every published record's level-0 row, in a fixed number of queries (the row, its partners, its data
    sources), whatever their number."""
    implementations = (Implementation.objects.published().visible_at(Level.PUBLIC)
                       .select_related("use_case__theme", "use_case__technique")
                       .annotate(has_lessons=Case(When(finder.choice_q("lessons", True), then=Value(True)),
                                                  default=Value(False), output_field=BooleanField()))
                       .order_by("use_case__title", "lead_organisation__name", "pk"))
    result = []
    for implementation in implementations:
        use_case = implementation.use_case
        use_case_url = canonical.absolute(use_case.get_url(request) or "", request)
        result.append(opendata.row(
            visible_record(implementation, Level.PUBLIC, with_withheld=False), use_case=use_case,
            url=canonical.absolute(use_case.implementation_url(implementation.slug, request), request),
            use_case_url=use_case_url, has_lessons=implementation.has_lessons))
    return result


def licence_headers(response, request):
    response["Link"] = (f'<{opendata.LICENCE["path"]}>; rel="license", '
                        f'<{absolute("library:export_schema", request)}>; rel="describedby"')
    return response


def export_csv(request):
    response = HttpResponse(opendata.to_csv(rows(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{opendata.FILE_NAME}.csv"'
    return licence_headers(response, request)


def export_json(request):
    body = opendata.to_json(rows(request), schema_url=absolute("library:export_schema", request),
                            generated_at=clock.now())
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{opendata.FILE_NAME}.json"'
    return licence_headers(response, request)


def export_schema(request):
    return JsonResponse(opendata.schema(csv_url=absolute("library:export_csv", request),
                                        json_url=absolute("library:export_json", request)),
                        json_dumps_params={"ensure_ascii": False, "indent": 1})


def open_data(request):
    """What the files hold, column by column, and their licence."""
    data = opendata.dataset(url=absolute("library:open_data", request), csv_url=absolute("library:export_csv", request),
                            json_url=absolute("library:export_json", request),
                            schema_url=absolute("library:export_schema", request))
    return render(request, "library/open_data.html", {"columns": opendata.COLUMNS, "licence": opendata.LICENCE,
                                                      "structured_data": script_tag(data)})


@login_required
def report_error(request, pk):
    """A signed-in reader tells a published record's owners and staff what is wrong with it."""
    implementation = (Implementation.objects.published().select_related("use_case", "lead_organisation")
                      .filter(pk=pk).first())
    if implementation is None:
        raise Http404
    record_url = implementation.use_case.implementation_url(implementation.slug, request)
    form = ErrorReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                report = upkeep.report_error(implementation, request.user, form.cleaned_data["message"],
                                             clock.now())
            except Refused as refusal:
                form.add_error("message", refusal.message)
                status = 429 if isinstance(refusal, email_quota.QuotaReached) else 400
            else:
                messages.success(request, _("Merci : votre signalement est transmis aux responsables de la fiche "
                                            "et à l'équipe, qui y répondront d'ici le %(date)s.")
                                 % {"date": report.due_on.strftime("%d/%m/%Y")})
                return redirect(record_url)
    return render(request, "library/report_error.html", {
        "form": form, "record": str(implementation), "record_url": record_url}, status=status)
