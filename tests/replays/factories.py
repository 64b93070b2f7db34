"""Replays in every state the rules tell apart, and the Territoir'Prod sequence or event session they record."""

import datetime
from functools import cache

import factory
from django.core.files.base import ContentFile

from interconnectes.privatefiles.synthetic import make_video
from replays.models import Replay, ReplayChapter, ReplayShareLink, Visibility
from territoirprod.models import EditionPage, Sequence, ThemePage, TrainingProgrammePage
from tests.labels.factories import paris

VTT = ("WEBVTT\n\n"
       "00:00:00.000 --> 00:00:03.000\nBonjour à toutes et à tous.\n\n"
       "00:00:03.500 --> 00:00:06.000\n<v Anne>Nantes présente son agent conversationnel.\n\n"
       "00:00:10.000 --> 00:00:13.000\nLa sobriété des serveurs mutualisés.\n")
CHAPTERS = [("00:00", "Accueil"), ("00:10", "Sobriété")]


@cache
def video_bytes(seconds: int = 16) -> bytes:
    """One small WebM, made once per test process."""
    return make_video(seconds, "webm", text="Replay", frame_every=4)


def programme_theme(home, title="Intelligence artificielle"):
    """A published programme page → edition → theme, as the programme's pages are built."""
    programme = home.add_child(instance=TrainingProgrammePage(title="Territoir'Prod", slug="territoirprod"))
    edition = programme.add_child(instance=EditionPage(title="Édition 2026", slug="2026", label="2026"))
    return edition.add_child(instance=ThemePage(title=title, slug="ia"))


def sequence_of(theme, number=1, starts_at=None):
    starts_at = starts_at or paris(2026, 2, 10, 10, 0)
    return Sequence.objects.create(theme=theme, number=number, title=f"Séquence {number}", starts_at=starts_at,
                                   ends_at=starts_at + datetime.timedelta(hours=2))


class ReplayFactory(factory.django.DjangoModelFactory):
    """A shown replay (video, captions, consent, two chapters) kept for members unless told otherwise."""

    class Meta:
        model = Replay
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Replay {n}")
    slug = factory.Sequence(lambda n: f"replay-{n}")
    recorded_on = datetime.date(2026, 2, 10)
    speakers = "Anne Martin, cheffe de projet IA, Nantes Métropole"
    visibility = Visibility.MEMBERS
    video = factory.LazyFunction(lambda: ContentFile(video_bytes(), name="video"))
    video_content_type = "video/webm"
    video_size = factory.LazyFunction(lambda: len(video_bytes()))
    duration_seconds = 16
    captions = factory.LazyFunction(lambda: ContentFile(VTT.encode(), name="captions"))
    transcript = "Bonjour à toutes et à tous.\nNantes présente son agent conversationnel.\n" \
                 "La sobriété des serveurs mutualisés."
    speakers_consent = True
    consent_given_by = "Anne Martin, par courriel"

    @factory.post_generation
    def chapters(replay, create, extracted, **kwargs):
        for order, (time_code, title) in enumerate(CHAPTERS if extracted is None else extracted):
            ReplayChapter(replay=replay, time_code=time_code, title=title, sort_order=order).save()


def share_link(replay, expires_at, revoked_at=None):
    return ReplayShareLink.objects.create(replay=replay, expires_at=expires_at, revoked_at=revoked_at)
