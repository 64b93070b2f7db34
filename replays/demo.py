"""Demo replays: the past Territoir'Prod sequences and a few sessions of past Journées experts and Forums, each
with a small video made on this machine (one 30-second WebM, generated once per load and reused), WebVTT
captions, three chapters and the speakers' consent; one share link, valid for a month from the load day.

Built once: a sequence or session that has a replay keeps it. Dates follow the
sequences and sessions they record, so the demo looks the same on any day.
"""

import datetime

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from events.models import ProgrammeSession, SessionKind
from interconnectes import clock
from interconnectes.privatefiles import video, webvtt
from interconnectes.privatefiles.synthetic import make_video
from replays import rules
from replays.models import Replay, ReplayChapter, ReplayShareLink, Visibility
from territoirprod.models import Sequence

SECONDS = 30
CHAPTERS = [(0, "Introduction et tour de table"), (10, "Retour d'expérience"), (20, "Questions et suite à donner")]
RECORDED_SESSION_KINDS = (SessionKind.PLENARY, SessionKind.ROUND_TABLE, SessionKind.KEYNOTE)
EVENT_REPLAYS = 4
SHARE_DAYS = 30


def captions_for(title: str, topic: str) -> bytes:
    """What is said, as WebVTT cues of five seconds, two per chapter."""
    lines = [f"Bienvenue dans cette séance : « {title} ».", "Chaque collectivité se présente en une phrase.",
             f"Une collectivité raconte son projet sur {topic}.",
             "Ce qui a marché, ce qui a coûté, ce qui reste à faire.",
             "Les participants posent leurs questions.", "Les supports et la suite sont partagés après la séance."]
    cues = [f"00:00:{5 * index:02d}.000 --> 00:00:{5 * index + 5:02d}.000\n{line}" for index, line in enumerate(lines)]
    return ("WEBVTT\n\n" + "\n\n".join(cues) + "\n").encode()


def unique_slug(title: str, suffix) -> str:
    return f"{slugify(title)[:90].strip('-') or 'replay'}-{suffix}"


def make_replay(content: bytes, facts, *, title: str, topic: str, recorded_on, speakers: list[str], visibility: str,
                **attachment) -> Replay:
    captions = captions_for(title, topic)
    replay = Replay(title=title, slug=unique_slug(title, recorded_on.isoformat()), recorded_on=recorded_on,
                    speakers="\n".join(speakers), visibility=visibility, video_content_type=facts.content_type,
                    video_size=len(content), duration_seconds=round(facts.duration),
                    transcript=webvtt.transcript(webvtt.parse(captions.decode())), speakers_consent=True,
                    consent_given_by="Les intervenant·es, par courriel avant la séance (démonstration)",
                    consent_recorded_at=clock.now(), **attachment)
    replay.video.save("video", ContentFile(content), save=False)
    replay.captions.save("captions", ContentFile(captions), save=False)
    replay.full_clean()
    replay.save()
    ReplayChapter.objects.bulk_create([
        ReplayChapter(replay=replay, time_code=f"00:{start:02d}", start_seconds=start, title=chapter, sort_order=order)
        for order, (start, chapter) in enumerate(CHAPTERS)])
    return replay


def sequence_replays(content, facts, now) -> list[Replay]:
    made = []
    sequences = (Sequence.objects.filter(ends_at__lt=now, replays__isnull=True).select_related("theme")
                 .prefetch_related("speakers__person").order_by("starts_at"))
    for sequence in sequences:
        speakers = [", ".join(part for part in (speaker.person.name, speaker.held_then) if part)
                    for speaker in sequence.speakers.all()]
        made.append(make_replay(
            content, facts, title=sequence.title, topic=sequence.theme.title, sequence=sequence, speakers=speakers,
            recorded_on=timezone.localdate(sequence.starts_at), visibility=rules.default_visibility(for_event=False)))
    return made


def session_replays(content, facts, now) -> list[Replay]:
    today = timezone.localdate(now)
    sessions = (ProgrammeSession.objects.filter(day__lt=today, kind__in=RECORDED_SESSION_KINDS, page__live=True)
                .select_related("page").prefetch_related("participants__person").order_by("-day", "start_time"))
    made = []
    for session in sessions[:EVENT_REPLAYS]:
        if session.replays.exists():
            continue
        speakers = [", ".join(part for part in (participant.person.name, participant.held_then) if part)
                    for participant in session.participants.all()]
        made.append(make_replay(
            content, facts, title=session.title, topic=session.page.title, session=session, speakers=speakers,
            recorded_on=session.day, visibility=rules.default_visibility(for_event=True)))
    return made


def build(context):
    now = clock.now()
    content = make_video(SECONDS, "webm", text="Replay", frame_every=5)
    facts = video.validate_upload(SimpleUploadedFile("replay.webm", content), max_bytes=rules.MAX_BYTES,
                                  max_seconds=rules.MAX_SECONDS)
    made = sequence_replays(content, facts, now) + session_replays(content, facts, now)
    shared = next((replay for replay in made if replay.visibility == Visibility.MEMBERS), None)
    if shared is not None and not ReplayShareLink.objects.exists():
        ReplayShareLink.objects.create(replay=shared, note="Les élus de la commission numérique (démonstration)",
                                       expires_at=now + datetime.timedelta(days=SHARE_DAYS))
    context["replays"] = list(Replay.objects.order_by("pk"))
