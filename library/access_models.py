"""What an implementation holds beyond its fields: documents of level 1 or 2, their download log, its contacts.

- `ImplementationDocument`: a file (a code archive, documentation, sample
  data) of level 1 (verified agents) or 2 (holders of an expert access to
  the project), stored privately, checked by content and size
  (`library.uploads`), served only by a view that logs each download;
- `DocumentDownload`: who downloaded which document, when, for the project's
  owners (its collectivité's référents, the association's team);
- `Contact`: a person to ask about the project, of level 1. Their address is
  shown only while their consent is current (dated, revocable); otherwise a
  reader writes through the site, which relays the message.

Imported by `library.models`, so that Django finds these models in the app.
"""

import functools
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from interconnectes.privatefiles.storage import private_storage
from library import uploads
from library.tiers import Level, visible_contacts, visible_documents


class DocumentLevel(models.IntegerChoices):
    AGENTS = 1, _("Niveau 1 : agents vérifiés des collectivités")
    EXPERTS = 2, _("Niveau 2 : titulaires d'un accès expert à ce projet")


def document_path(instance, _filename):
    """A random name: the title is what readers see, the uploaded name is never kept."""
    return f"bibliotheque/{uuid.uuid4().hex}"


class ImplementationDocument(Orderable):
    implementation = ParentalKey("library.Implementation", on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titre"), max_length=200)
    level = models.PositiveSmallIntegerField(_("niveau"), choices=DocumentLevel.choices,
                                             default=DocumentLevel.EXPERTS)
    file = models.FileField(_("fichier"), storage=private_storage, upload_to=document_path, max_length=200,
                            validators=[uploads.validate_document], help_text=uploads.HELP_TEXT)

    panels = [FieldPanel("title"), FieldPanel("level"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title


class DocumentDownload(models.Model):
    """One download of a document: kept for the project's owners, who see who took what and when."""

    document = models.ForeignKey(ImplementationDocument, verbose_name=_("document"), on_delete=models.CASCADE,
                                 related_name="downloads")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), null=True,
                               on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("le"))

    class Meta:
        verbose_name = _("téléchargement d'un document")
        verbose_name_plural = _("téléchargements de documents")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.document_id} · {self.at:%Y-%m-%d %H:%M}"


class Contact(Orderable):
    """A person to ask about the project (level 1): their address is shown only while they consent to it."""

    implementation = ParentalKey("library.Implementation", on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("nom"), max_length=120)
    role = models.CharField(_("fonction"), max_length=160)
    email = models.EmailField(_("adresse e-mail"))
    consented_at = models.DateTimeField(
        _("accord pour afficher l'adresse, donné le"), null=True, blank=True,
        help_text=_("Laissé vide : l'adresse n'est jamais affichée, les agents écrivent par le site."))
    consent_revoked_at = models.DateTimeField(_("accord retiré le"), null=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email"), FieldPanel("consented_at"),
              FieldPanel("consent_revoked_at")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.name} ({self.role})"

    @property
    def has_consented(self) -> bool:
        return consent_is_current(self.consented_at, self.consent_revoked_at)


def consent_is_current(consented_at, revoked_at) -> bool:
    """Given, and not withdrawn since (consent given again after a withdrawal counts anew)."""
    return consented_at is not None and (revoked_at is None or revoked_at < consented_at)


def attached_to(implementation_id: int, level: Level) -> dict:
    """The documents and contacts a reader of `level` sees on an implementation's page, for its template: read only
    when the page's fragment is not in the cache, and the documents above the reader's level not even then."""

    @functools.cache
    def documents():
        rows = ImplementationDocument.objects.filter(implementation_id=implementation_id, level__lte=level)
        return visible_documents(rows.order_by("level", "sort_order", "pk"), level,
                                 lambda document: reverse("library_access:download", args=[document.pk]))

    def contacts():
        if level < Level.AGENTS:
            return []
        rows = Contact.objects.filter(implementation_id=implementation_id).order_by("sort_order", "pk")
        return visible_contacts(rows, level,
                                lambda contact: reverse("library_access:write_to_contact", args=[contact.pk]))

    return {"agent_documents": SimpleLazyObject(lambda: [doc for doc in documents() if doc.level == Level.AGENTS]),
            "expert_documents": SimpleLazyObject(lambda: [doc for doc in documents() if doc.level == Level.EXPERTS]),
            "contacts": SimpleLazyObject(contacts)}
