"""A replay: a recorded sequence or session, as the site's own content.

The video is a private file served by the site (or a link to where it is
hosted), with its WebVTT captions (required before anyone but staff sees it),
the transcript read from them, its chapters, its slides, and the speakers'
consent to the recording. It points to a Territoir'Prod sequence or to an
event's session with `SET_NULL`: deleting or editing those never takes the
replay away, and what it shows (title, date, speakers) is its own.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from interconnectes.privatefiles import timecodes
from interconnectes.privatefiles.storage import private_storage
from replays import rules


def replay_path(instance, filename):
    """A generated name: neither the uploader's file name nor the replay's id can be guessed from it."""
    return f"replays/{uuid.uuid4().hex}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Visibility(models.TextChoices):
    MEMBERS = rules.MEMBERS, _("Membres : agents vérifiés des collectivités adhérentes")
    PUBLIC = rules.PUBLIC, _("Public")
    LINK = rules.LINK, _("Seulement par un lien de partage")


class ReplayQuerySet(models.QuerySet):
    def shown(self):
        """Replays with captions and the speakers' consent: the only ones anyone but staff may see."""
        return self.exclude(captions="").filter(speakers_consent=True)

    def announced(self):
        """The shown replays any page may name and link to (an event's programme, the listing of an anonymous
        reader): public or members', never those kept for share links. Who may then watch one is
        `replays.permissions`."""
        return self.shown().exclude(visibility=Visibility.LINK)


class Replay(ClusterableModel):
    title = models.CharField(_("titre"), max_length=255)
    slug = models.SlugField(_("adresse"), max_length=120, unique=True,
                            help_text=_("La fin de l'adresse du replay : /replays/<adresse>/."))
    description = models.TextField(_("description"), blank=True)
    recorded_on = models.DateField(_("date de l'enregistrement"))
    speakers = models.TextField(_("intervenant·es"), blank=True,
                                help_text=_("Une personne par ligne, avec la fonction qu'elle occupait ce jour-là."))
    sequence = models.ForeignKey("territoirprod.Sequence", verbose_name=_("séquence Territoir'Prod"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="replays")
    session = models.ForeignKey("events.ProgrammeSession", verbose_name=_("session d'un événement"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="replays")
    video = models.FileField(_("vidéo (MP4 ou WebM)"), storage=private_storage, upload_to=replay_path,
                             max_length=200, blank=True)
    video_content_type = models.CharField(_("type de la vidéo"), max_length=40, blank=True, editable=False)
    video_size = models.PositiveBigIntegerField(_("taille de la vidéo (octets)"), null=True, blank=True,
                                                editable=False)
    link = models.URLField(_("ou lien vers la vidéo"), max_length=500, blank=True)
    host = models.CharField(_("hébergeur de la vidéo"), max_length=120, blank=True)
    duration_seconds = models.PositiveIntegerField(_("durée (secondes)"), null=True, blank=True,
                                                   help_text=_("Lue dans la vidéo déposée ; à indiquer pour un "
                                                               "lien."))
    captions = models.FileField(_("sous-titres (WebVTT)"), storage=private_storage, upload_to=replay_path,
                                max_length=200, blank=True)
    transcript = models.TextField(_("transcription"), blank=True,
                                  help_text=_("Reprise des sous-titres si elle est laissée vide."))
    slides = models.FileField(_("support de présentation (PDF)"), storage=private_storage, upload_to=replay_path,
                              max_length=200, blank=True)
    visibility = models.CharField(_("visibilité"), max_length=16, choices=Visibility.choices,
                                  default=Visibility.MEMBERS)
    speakers_consent = models.BooleanField(_("les intervenant·es ont accepté l'enregistrement et sa diffusion"),
                                           default=False)
    consent_given_by = models.CharField(_("accord donné par"), max_length=255, blank=True,
                                        help_text=_("Qui a donné son accord, et comment (courriel, formulaire…)."))
    consent_recorded_at = models.DateTimeField(_("accord enregistré le"), null=True, blank=True, editable=False)
    consent_recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("accord enregistré par"),
                                            null=True, blank=True, editable=False, on_delete=models.SET_NULL,
                                            related_name="+")
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = ReplayQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_on", "title"]
        verbose_name = _("replay")
        verbose_name_plural = _("replays")
        constraints = [
            models.CheckConstraint(condition=~Q(video="") | ~Q(link=""), name="replays_replay_video_or_link"),
            models.CheckConstraint(condition=Q(sequence__isnull=True) | Q(session__isnull=True),
                                   name="replays_replay_one_attachment"),
            models.CheckConstraint(condition=Q(speakers_consent=False) | ~Q(consent_given_by=""),
                                   name="replays_replay_consent_names_who"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.slug in rules.RESERVED_SLUGS:
            raise ValidationError({"slug": _("Cette adresse est réservée : choisissez-en une autre.")})
        if self.sequence_id and self.session_id:
            raise ValidationError({"session": _("Un replay appartient à une séquence ou à une session, pas aux "
                                                "deux.")})
        if self.speakers_consent and not self.consent_given_by.strip():
            raise ValidationError({"consent_given_by": _("Indiquez qui a donné son accord.")})

    @property
    def publication_refusal(self) -> str | None:
        return rules.publication_refusal(has_captions=bool(self.captions), consent=self.speakers_consent)

    @property
    def is_shown(self) -> bool:
        return self.publication_refusal is None

    @property
    def speaker_lines(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    @property
    def transcript_paragraphs(self) -> list[str]:
        return [line.strip() for line in self.transcript.splitlines() if line.strip()]

    @property
    def duration_label(self) -> str:
        return timecodes.format_seconds(self.duration_seconds) if self.duration_seconds else ""


class ReplayChapter(Orderable):
    replay = ParentalKey(Replay, on_delete=models.CASCADE, related_name="chapters")
    time_code = models.CharField(_("début"), max_length=8, validators=[timecodes.parse],
                                 help_text=_("« mm:ss » ou « h:mm:ss »."))
    start_seconds = models.PositiveIntegerField(editable=False, default=0)
    title = models.CharField(_("titre du chapitre"), max_length=200)

    panels = [FieldRowPanel([FieldPanel("time_code"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        ordering = ["start_seconds", "sort_order"]
        verbose_name = _("chapitre")
        verbose_name_plural = _("chapitres")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.start_seconds = timecodes.parse(self.time_code)
        self.time_code = timecodes.format_seconds(self.start_seconds)
        super().save(*args, **kwargs)


class ReplayShareLink(Orderable):
    """A link that opens one replay to whoever holds it, until it expires or staff revoke it."""

    replay = ParentalKey(Replay, on_delete=models.CASCADE, related_name="share_links")
    token = models.CharField(_("jeton"), max_length=64, unique=True, default=new_token)
    note = models.CharField(_("pour qui"), max_length=200, blank=True,
                            help_text=_("Par exemple : les élus de la commission numérique."))
    expires_at = models.DateTimeField(_("expire le"))
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True,
                                      help_text=_("Renseigner pour couper le lien avant son expiration."))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    panels = [FieldPanel("token", read_only=True), FieldPanel("note"),
              FieldRowPanel([FieldPanel("expires_at"), FieldPanel("revoked_at")])]

    class Meta(Orderable.Meta):
        verbose_name = _("lien de partage")
        verbose_name_plural = _("liens de partage")

    def __str__(self):
        return self.note or self.token[:8]

    def opens(self, now) -> bool:
        return rules.share_link_opens(self.expires_at, self.revoked_at, now)
