"""A theme's working sequences by videoconference, and who speaks at each with the title held that day."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from events.models import ParticipantRole


class Sequence(ClusterableModel):
    theme = models.ForeignKey("territoirprod.ThemePage", verbose_name=_("thème"), on_delete=models.CASCADE,
                              related_name="sequences")
    ical_uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("titre"), max_length=255)
    starts_at = models.DateTimeField(_("début (heure de Paris)"))
    ends_at = models.DateTimeField(_("fin (heure de Paris)"))
    agenda = models.TextField(_("déroulé"), blank=True)
    visio_url = models.URLField(
        _("lien de la visioconférence"), blank=True,
        help_text=_("Montré aux seules personnes inscrites, à partir de la veille."))
    materials = models.TextField(_("supports"), blank=True,
                                 help_text=_("Supports et lectures conseillées, un par ligne (texte ou lien)."))

    panels = [
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("agenda"),
        FieldPanel("visio_url"),
        FieldPanel("materials"),
        InlinePanel("speakers", label=_("Intervenant·e")),
    ]

    class Meta:
        ordering = ["starts_at", "number"]
        verbose_name = _("séquence")
        verbose_name_plural = _("séquences")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                   name="territoirprod_sequence_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("La fin doit suivre le début.")})

    @property
    def duration(self):
        return self.ends_at - self.starts_at


class SequenceSpeaker(Orderable):
    """As an event session's participant: the person, their part, and the title they held that day."""

    sequence = ParentalKey(Sequence, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey("interconnectes.Person", verbose_name=_("personne"), on_delete=models.PROTECT,
                               related_name="territoirprod_sequences")
    role = models.CharField(_("rôle dans la séquence"), max_length=32, choices=ParticipantRole.choices,
                            default=ParticipantRole.SPEAKER)
    title_then = models.CharField(_("fonction à cette date"), max_length=255, blank=True)
    organisation_then = models.CharField(_("organisation à cette date"), max_length=255, blank=True)

    panels = [FieldPanel("person"), FieldPanel("role"), FieldPanel("title_then"), FieldPanel("organisation_then")]

    class Meta(Orderable.Meta):
        verbose_name = _("intervenant·e")
        verbose_name_plural = _("intervenant·es")

    def __str__(self):
        return str(self.person_id)

    @property
    def held_then(self):
        return ", ".join(part for part in (self.title_then, self.organisation_then) if part)
