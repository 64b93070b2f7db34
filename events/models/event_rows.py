"""The rows an event page holds besides its programme: organisations, key figures, contacts, the label campaigns a
Forum hosts, and the calendar bookkeeping kept out of page revisions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable

from .event_pages import EventPage, ForumPage, OrganisationRole


class ForumLabelCampaign(Orderable):
    """A label campaign whose ceremony the Forum hosts (the laureates' e-mails point to the Forum's page)."""

    page = ParentalKey(ForumPage, on_delete=models.CASCADE, related_name="label_campaigns")
    campaign = models.ForeignKey("labels.LabelCampaignPage", verbose_name=_("campagne de label"),
                                 on_delete=models.CASCADE, related_name="ceremony_links")

    panels = [PageChooserPanel("campaign")]

    class Meta(Orderable.Meta):
        verbose_name = _("campagne de label")


class EventOrganisation(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey("interconnectes.Organisation", verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("rôle"), max_length=16, choices=OrganisationRole.choices,
                            default=OrganisationRole.PARTNER)
    tier = models.CharField(_("niveau de partenariat"), max_length=60, blank=True,
                            help_text=_("Par exemple : Partenaire premium, Partenaire officiel."))

    panels = [FieldPanel("organisation"), FieldPanel("role"), FieldPanel("tier")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation")


class EventKeyFigure(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="key_figures")
    value = models.CharField(_("chiffre"), max_length=20)
    label = models.CharField(_("libellé"), max_length=120)

    panels = [FieldPanel("value"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("chiffre clé")


class EventContact(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("nom ou service"), max_length=120)
    role = models.CharField(_("rôle"), max_length=160, blank=True)
    email = models.EmailField(_("adresse e-mail"), blank=True,
                              help_text=_("De préférence une adresse de service (evenements@…)."))

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")


class EventCalendarState(models.Model):
    """Calendar bookkeeping kept out of page revisions, so publishing an old revision cannot move it back."""

    page = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="calendar_state")
    sequence = models.PositiveIntegerField(default=0)
    times_signature = models.TextField(blank=True)
    programme_signature = models.TextField(blank=True)
    programme_updated_at = models.DateTimeField(null=True, blank=True)
    # {session ical_uid: [sequence, times signature]}: each session's own SEQUENCE in its .ics file. Entries of
    # deleted sessions stay, so a session restored by an older revision never goes back to a lower SEQUENCE.
    session_sequences = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("état du calendrier")

    def __str__(self):
        return f"{self.page_id}: SEQUENCE {self.sequence}"

