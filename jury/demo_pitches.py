"""Demo pitches: small videos made on this machine with PyAV (a few seconds, a few kilobytes, with WebVTT captions)
for the finalists of last year's edition and the laureates of the edition before, so that the jury's sheets and
the public laureates' pages play real videos.

Written through `services.pitches.write_pitch`, the same write as an
applicant's save (the demo's files have no applicant account to check).
Last year's finalists agree to a public showing except one in three; every
published laureate agreed. Built once: a file that has a pitch keeps it.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from interconnectes.privatefiles import video
from interconnectes.privatefiles.synthetic import make_video
from jury import pitches
from jury.models import JuryRound, Pitch
from jury.services.pitches import write_pitch
from labels.models import ApplicationStatus

COLOURS = ["#0a4a82", "#b3361b", "#1e6b34", "#6b3fa0", "#0f766e", "#9a3412"]
SECONDS = 6


def captions_for(application) -> bytes:
    """What the pitch says, as WebVTT cues of two seconds each."""
    lines = [f"Bonjour, nous représentons {application.org_name}.",
             f"Notre projet : « {application.title} ».",
             "Merci au jury pour son attention."]
    cues = [f"00:00:{2 * index:02d}.000 --> 00:00:{2 * index + 2:02d}.000\n{line}" for index, line in enumerate(lines)]
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()


def give_pitch(application, position: int, now, *, public_consent: bool):
    if Pitch.objects.filter(application=application).exists():
        return
    content = make_video(SECONDS, "webm", text=application.org_name[:24], colour=COLOURS[position % len(COLOURS)])
    upload = SimpleUploadedFile("pitch.webm", content)
    facts = video.validate_upload(upload, max_bytes=pitches.MAX_BYTES, max_seconds=pitches.MAX_SECONDS)
    write_pitch(application, None, now, video=upload, video_facts=facts,
                captions=SimpleUploadedFile("pitch.vtt", captions_for(application)), public_consent=public_consent)


def build(context):
    final = (JuryRound.objects.filter(campaign=context["labels_deliberating_campaign"], number=2).first())
    if final is not None:
        for position, application in enumerate(final.applications().order_by("reference")):
            give_pitch(application, position, final.opens_at + datetime.timedelta(days=1),
                       public_consent=position % 3 != 2)
    published = context["labels_published_campaign"]
    laureates = published.applications.filter(status=ApplicationStatus.LAUREATE).order_by("reference")
    for position, application in enumerate(laureates):
        give_pitch(application, position, published.jury_starts_at or published.closes_at, public_consent=True)
