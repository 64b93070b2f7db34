"""The finalists' pitches: the applicant gives theirs (`/candidatures/<id>/pitch/`), and whoever
`jury.permissions.may_watch_pitch` lets through plays it (`/pitchs/<id>/…`), streamed with range requests.

Thin views: who is a finalist and until when the pitch may change are
`permissions.finalist_round` and `pitches.edit_refusal`; the files are checked
by `PitchForm` and saved whole by `services.pitches.save_pitch`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from interconnectes import clock
from interconnectes.privatefiles import responses, webvtt
from jury import permissions, pitches
from jury.forms import PitchForm
from jury.models import Pitch
from jury.services.pitches import save_pitch
from labels.models import Application


@login_required
def edit(request, pk):
    """The finalist's pitch form, with the current pitch playing above it; 404 for a file that is not a finalist."""
    application = get_object_or_404(Application.objects.of_applicant(request.user).select_related("campaign"), pk=pk)
    final_round = permissions.finalist_round(application)
    if final_round is None:
        raise Http404
    now = clock.now()
    current = Pitch.objects.filter(application=application).first()
    refusal = pitches.edit_refusal(final_round, now)
    initial = {"link": current.link, "host": current.host, "public_consent": current.public_consent} if current else {}
    posted = request.method == "POST"
    form = PitchForm(request.POST if posted else None, request.FILES if posted else None, current=current,
                     initial=initial)
    if posted and refusal is None and form.is_valid():
        data = form.cleaned_data
        try:
            save_pitch(application.pk, request.user, now, video=data["video"],
                       video_facts=getattr(form, "video_facts", None), link=data["link"], host=data["host"],
                       captions=data["captions"], public_consent=data["public_consent"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Pitch enregistré."))
            return redirect("pitch:edit", application.pk)
    return render(request, "jury/pitch_form.html", {
        "application": application, "round": final_round, "form": form, "pitch": current, "refusal": refusal,
        "max_minutes": pitches.MAX_SECONDS // 60,
    })


def _watchable(request, pk):
    pitch = get_object_or_404(Pitch.objects.select_related("application__campaign__results_publication"), pk=pk)
    if not permissions.may_watch_pitch(request.user, pitch, clock.now()):
        raise Http404
    return pitch


def video(request, pk):
    """The uploaded video, inline, with range requests (a reader seeks in it)."""
    pitch = _watchable(request, pk)
    if not pitch.video:
        raise Http404
    return responses.serve(request, pitch.video, content_type=pitch.video_content_type,
                           filename=f"pitch-{pitch.application_id}.{pitch.video_content_type.split('/')[-1]}",
                           as_attachment=False)


def captions(request, pk):
    """The WebVTT captions, for the player's <track> and as a download."""
    pitch = _watchable(request, pk)
    return responses.serve(request, pitch.captions, content_type=webvtt.CONTENT_TYPE,
                           filename=f"pitch-{pitch.application_id}.vtt", as_attachment=False)
