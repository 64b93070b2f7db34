"""The finalists' pitches: a video of at most ten minutes (uploaded, or on a host the applicant names) and its
WebVTT captions, stored privately, and whether the applicant agrees to its being shown publicly."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from interconnectes.privatefiles.storage import private_storage


def pitch_path(instance, filename):
    """A generated name: the applicant's file name never reaches the file system."""
    return f"pitches/{instance.application_id}/{uuid.uuid4().hex}"


class Pitch(models.Model):
    """One pitch per finalist application; a new upload replaces the previous one (its files are deleted)."""

    application = models.OneToOneField("labels.Application", verbose_name=_("candidature"),
                                       on_delete=models.CASCADE, related_name="pitch")
    video = models.FileField(_("vidéo"), storage=private_storage, upload_to=pitch_path, max_length=200, blank=True)
    video_content_type = models.CharField(_("type de la vidéo"), max_length=40, blank=True)
    video_size = models.PositiveBigIntegerField(_("taille de la vidéo (octets)"), null=True, blank=True)
    duration_seconds = models.PositiveIntegerField(_("durée (secondes)"), null=True, blank=True)
    link = models.URLField(_("lien vers la vidéo"), max_length=500, blank=True)
    host = models.CharField(_("hébergeur de la vidéo"), max_length=120, blank=True)
    captions = models.FileField(_("sous-titres ou transcription (WebVTT)"), storage=private_storage,
                                upload_to=pitch_path, max_length=200)
    public_consent = models.BooleanField(_("accord pour une diffusion publique"), default=False)
    updated_at = models.DateTimeField(_("mis à jour le"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("pitch")
        verbose_name_plural = _("pitchs")
        constraints = [
            models.CheckConstraint(condition=~Q(video="") | ~Q(link=""), name="jury_pitch_video_or_link"),
            models.CheckConstraint(condition=Q(link="") | ~Q(host=""), name="jury_pitch_link_names_its_host"),
        ]

    def __str__(self):
        return _("Pitch de %(application)s") % {"application": self.application}

    @property
    def duration_label(self) -> str:
        """"4 min 05 s", for the player's caption; empty for a linked video."""
        if self.duration_seconds is None:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        return _("%(minutes)d min %(seconds)02d s") % {"minutes": minutes, "seconds": seconds}
