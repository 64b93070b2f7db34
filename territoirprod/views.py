"""The programme's own views: enrolling and unenrolling, the attestation, the team's roll call. Thin: the rules
are in `permissions` and `rules`, the writes in `services`."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interconnectes import clock
from interconnectes.refusals import Refused
from interconnectes.restrictions import private_q
from territoirprod import attestation, permissions, services
from territoirprod.forms import EnrolForm, RollCallForm
from territoirprod.models import EditionPage, Enrolment, Sequence


def back(request, fallback: str):
    """Back to the page the form was on (the `next` field), when it is one of the site's."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def refused(request, message: str, status: int = 403):
    return render(request, "territoirprod/refused.html", {"message": message}, status=status)


@login_required
@require_POST
def enrol(request):
    form = EnrolForm(request.POST)
    if not form.is_valid():
        return refused(request, " ".join(str(error) for errors in form.errors.values() for error in errors), 400)
    edition, theme, person_id = (form.cleaned_data[name] for name in ("edition", "theme", "person"))
    person = request.user if person_id in (None, request.user.pk) else \
        get_user_model().objects.filter(pk=person_id).first()
    if person is None:
        return refused(request, _("Cette personne n'existe pas."), 400)
    try:
        services.enrol(person, edition, theme, by=request.user, now=clock.now())
    except Refused as refusal:
        return refused(request, refusal.message)
    target = theme or edition
    if person == request.user:
        messages.success(request, _("Vous êtes inscrit·e à « %(title)s ».") % {"title": target.title})
    else:
        messages.success(request, _("%(name)s est inscrit·e à « %(title)s ».")
                         % {"name": person.get_full_name() or person.email, "title": target.title})
    return back(request, target.url)


@login_required
def enrol_agents(request):
    """A référent's list of their collectivités' verified agents, enrolled or not in a theme or an edition."""
    form = EnrolForm(request.GET)
    if not form.is_valid():
        return refused(request, " ".join(str(error) for errors in form.errors.values() for error in errors), 400)
    edition, theme, now = form.cleaned_data["edition"], form.cleaned_data["theme"], clock.now()
    if not permissions.referent_organisation_ids(request.user, now.year):
        return refused(request, _("Seul·e un·e référent·e vérifié·e d'une collectivité adhérente inscrit ses "
                                  "agents."))
    enrolments = dict(Enrolment.objects.active().filter(permissions.page_covers_q(edition, theme))
                      .values_list("user_id", "pk"))
    agents = [(agent, enrolments.get(agent.pk)) for agent in permissions.enrollable_agents(request.user, now.year)]
    return render(request, "territoirprod/enrol_agents.html", {"edition": edition, "theme": theme,
                                                                "target": theme or edition, "agents": agents})


@login_required
@require_POST
def unenrol(request, pk):
    try:
        enrolment = services.unenrol(request.user, pk, clock.now())
    except Refused as refusal:
        return refused(request, refusal.message, 404)
    messages.success(request, _("L'inscription est annulée."))
    return back(request, (enrolment.theme or enrolment.edition).url)


@login_required
def attestation_pdf(request, edition_id):
    edition = get_object_or_404(EditionPage.objects.live().exclude(private_q()), pk=edition_id)
    facts = attestation.facts_for(request.user, edition, clock.now())
    if not facts.lines:
        return refused(request, _("Aucune présence n'est enregistrée à votre nom pour cette édition : "
                                  "l'attestation liste les séquences suivies."), 404)
    response = HttpResponse(attestation.render_pdf(facts), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="attestation-territoirprod-{edition.slug}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def roll_call(request, sequence_id):
    if not permissions.is_programme_staff(request.user):
        raise PermissionDenied
    sequence = get_object_or_404(Sequence.objects.select_related("theme"), pk=sequence_id)
    people = list(permissions.enrolled_users(sequence.theme).order_by("last_name", "first_name", "email"))
    present = set(sequence.attendances.values_list("user_id", flat=True))
    form = RollCallForm(request.POST if request.method == "POST" else None, people=people,
                        initial={"present": sorted(present)})
    if request.method == "POST" and form.is_valid():
        services.set_staff_attendance(sequence, set(form.cleaned_data["present"]), request.user, clock.now())
        messages.success(request, _("Les présences sont enregistrées."))
        return redirect("territoirprod:roll_call", sequence_id=sequence.pk)
    return render(request, "territoirprod/roll_call.html", {"sequence": sequence, "form": form,
                                                            "people": people}, status=400 if form.errors else 200)
