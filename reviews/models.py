"""The shared review-and-versions module: drafts of a record, its numbered versions, the log of what happened.

Generic over the record it is about (`target`, through a content type), so
that the AI library's projects, and later consultations and resources, share
one way of being drafted, reviewed and versioned. The record's own table
stays the live, published copy that every page reads; a publication copies
the approved draft onto it (the target app does that: it knows its fields)
and records a `Version` here.

- `Draft`: the working copy, as JSON of the record's editable fields, for a
  record not yet published (`object_id` empty) or an update of one; one open
  draft per record. Its creator and invited co-editors edit it; `revision`
  counts saves (reviews/merge.py: concurrent saves lose nothing).
- `Version`: number 1..n per record, a JSON snapshot of every field at
  publication, who published it and whether staff have read it.
- `ReviewEvent`: append-only; the model refuses updates and deletes.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils.translation import gettext_lazy as _

from reviews.states import Action, State


class Draft(models.Model):
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="review_drafts")
    # What a new record needs beyond its fields (the target app's keys: its parent, where it was taken from).
    context = models.JSONField(_("contexte"), default=dict, blank=True)
    data = models.JSONField(_("contenu"), default=dict, blank=True)
    revision = models.PositiveIntegerField(_("révision"), default=0)
    state = models.CharField(_("état"), max_length=16, choices=State.choices, default=State.DRAFT)
    # The team's last request: field → comment, shown next to each field on the editors' form.
    comments = models.JSONField(_("commentaires par champ"), default=dict, blank=True)
    reason = models.TextField(_("motif"), max_length=4000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("créé par"), null=True,
                                   on_delete=models.SET_NULL, related_name="review_drafts")
    editors = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("co-rédacteurs"), blank=True,
                                     related_name="coedited_review_drafts")
    created_at = models.DateTimeField(_("créé le"))
    updated_at = models.DateTimeField(_("modifié le"))
    submitted_at = models.DateTimeField(_("soumis le"), null=True, blank=True)

    class Meta:
        verbose_name = _("brouillon")
        verbose_name_plural = _("brouillons")
        ordering = ["-updated_at", "pk"]
        constraints = [models.UniqueConstraint(
            fields=["content_type", "object_id"], condition=models.Q(state__in=["brouillon", "soumis",
                                                                                  "modifications"]),
            name="one_open_draft_per_record")]
        indexes = [models.Index(fields=["state", "submitted_at"], name="review_draft_queue")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id or 'nouveau'} ({self.state})"


class Version(models.Model):
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    number = models.PositiveIntegerField(_("numéro"))
    snapshot = models.JSONField(_("contenu publié"))
    published_at = models.DateTimeField(_("publiée le"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("publiée par"), null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("note"), max_length=2000, blank=True)
    # Published without waiting for the team: "à relire" until staff have read it.
    checked_at = models.DateTimeField(_("relue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("version publiée")
        verbose_name_plural = _("versions publiées")
        ordering = ["content_type", "object_id", "number"]
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id", "number"],
                                               name="one_version_number_per_record")]

    def __str__(self):
        return _("Version %(number)s") % {"number": self.number}

    @property
    def to_check(self) -> bool:
        return self.checked_at is None


class AppendOnly(Exception):
    pass


class ReviewEvent(models.Model):
    """What happened to a draft or a record: who, when, why, and the team's comments per field. Never changed."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    draft = models.ForeignKey(Draft, null=True, blank=True, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(_("le"))
    note = models.TextField(_("note"), max_length=4000, blank=True)
    comments = models.JSONField(_("commentaires par champ"), default=dict, blank=True)

    class Meta:
        verbose_name = _("événement de relecture")
        verbose_name_plural = _("événements de relecture")
        ordering = ["at", "pk"]

    def __str__(self):
        return str(self.get_action_display())

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("Le journal de relecture ne se modifie pas.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Le journal de relecture ne se supprime pas.")
