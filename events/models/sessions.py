"""The programme of an event: sessions in rooms, with their participants and the titles they held then."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from events import timeline


class SessionKind(models.TextChoices):
    WELCOME = "accueil", _("Accueil")
    OPENING = "ouverture", _("Discours d'ouverture")
    PLENARY = "pleniere", _("Conférence plénière")
    ROUND_TABLE = "table-ronde", _("Table ronde")
    KEYNOTE = "keynote", _("Keynote")
    WORKSHOP = "atelier", _("Atelier")
    MASTERCLASS = "masterclass", _("Masterclass")
    INITIATIVES = "forum-initiatives", _("Forum des initiatives")
    BREAK = "pause", _("Pause / déjeuner")
    REPORT = "restitution", _("Restitution")
    CLOSING = "cloture", _("Clôture")


class ParticipantRole(models.TextChoices):
    MODERATOR = "animation", _("Animateur·rice")
    SPEAKER = "intervention", _("Intervenant·e")
    RAPPORTEUR = "rapport", _("Rapporteur·e")
    INTRODUCTION = "introduction", _("Introduction")


class ProgrammeSession(ClusterableModel, Orderable):
    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="sessions")
    ical_uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    day = models.DateField(_("jour"))
    start_time = models.TimeField(_("début"))
    end_time = models.TimeField(_("fin"))
    # No default: a session left at a preset kind was published as a round table when it was a coffee break.
    kind = models.CharField(_("type"), max_length=32, choices=SessionKind.choices)
    title = models.CharField(_("titre"), max_length=255)
    room = models.ForeignKey(
        "events.Room", verbose_name=_("salle"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.TextField(_("description"), blank=True)
    is_live = models.BooleanField(_("diffusée en direct"), default=False)
    # Its replay is a `replays.Replay` pointing here (`session.replays`): site content that outlives the session.

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("room")]),
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("is_live")], heading=_("Diffusion"),
                        help_text=_("Le replay d'une session se dépose dans « Replays », rattaché à elle.")),
        InlinePanel("participants", label=_("Participant·e")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title

    def copy_cluster(self, exclude_fields=None):
        """A session copied with its page (Wagtail's "Copier") is a session of a new event: a new calendar UID."""
        session, child_objects = super().copy_cluster(exclude_fields)
        session.ical_uid = uuid.uuid4()
        return session, child_objects

    @property
    def start(self):
        return timeline.local_datetime(self.day, self.start_time)

    @property
    def end(self):
        return timeline.local_datetime(self.day, self.end_time)

    def is_on_at(self, now):
        return self.start <= now < self.end


class SessionParticipant(Orderable):
    session = ParentalKey(ProgrammeSession, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "interconnectes.Person", verbose_name=_("personne"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("rôle dans la session"), max_length=32, choices=ParticipantRole.choices,
                            default=ParticipantRole.SPEAKER)
    title_then = models.CharField(_("fonction à cette date"), max_length=255, blank=True)
    organisation_then = models.CharField(_("organisation à cette date"), max_length=255, blank=True)

    panels = [FieldPanel("person"), FieldPanel("role"), FieldPanel("title_then"), FieldPanel("organisation_then")]

    class Meta(Orderable.Meta):
        verbose_name = _("participant·e")
        verbose_name_plural = _("participant·es")

    def __str__(self):
        return str(self.person_id)

    @property
    def held_then(self):
        """"Déléguée générale, Les Interconnectés": the title and organisation at that date."""
        return ", ".join(part for part in (self.title_then, self.organisation_then) if part)
