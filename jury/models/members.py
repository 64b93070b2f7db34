"""Who sits on a campaign's jury."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from interconnectes.validators import validate_siren
from jury.obvious_conflicts import JurorFacts


class JuryRole(models.TextChoices):
    PRESIDENT = "president", _("Président·e")
    MEMBER = "membre", _("Membre")


class JuryMember(models.Model):
    """A user sitting on one campaign's jury; their organisation and SIREN feed the conflict check.

    The seat outlives the account: when a juror's account is deleted, the
    seat loses the account and the Person link and keeps a display name
    ("Juré·e n° 3"), with its scores, sheets, history and conflict
    declarations (`jury.services.members.anonymise_seats`, run before any
    deletion of a user by `jury.signals`), so that the ranking and the log of
    declarations do not change.
    """

    campaign = models.ForeignKey("labels.LabelCampaignPage", verbose_name=_("campagne"), on_delete=models.CASCADE,
                                 related_name="jury_members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("compte"), null=True,
                             on_delete=models.SET_NULL, related_name="jury_memberships")
    display_name = models.CharField(_("nom affiché"), max_length=60, blank=True, editable=False,
                                    help_text=_("Le nom d'un juré dont le compte a été supprimé."))
    person = models.ForeignKey("interconnectes.Person", verbose_name=_("fiche personne"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="jury_memberships")
    role = models.CharField(_("rôle"), max_length=16, choices=JuryRole.choices, default=JuryRole.MEMBER)
    organisation = models.ForeignKey(
        "interconnectes.Organisation", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="jury_memberships",
        help_text=_("Sert à signaler les conflits d'intérêts évidents."),
    )
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[validate_siren],
                             help_text=_("Facultatif : SIREN de la structure du juré, "
                                         "si elle n'est pas une organisation connue."))
    categories = models.ManyToManyField("labels.CampaignCategory", verbose_name=_("catégories"), blank=True,
                                        related_name="jury_members",
                                        help_text=_("Pour la répartition par catégorie."))

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("membre du jury")
        verbose_name_plural = _("membres du jury")
        constraints = [models.UniqueConstraint(fields=["campaign", "user"], name="jury_jurymember_unique_user")]

    def __str__(self):
        if self.person_id and self.person:
            return self.person.name
        if self.user_id is None:
            return self.display_name or str(_("Juré·e anonymisé·e"))
        return self.user.get_full_name() or self.user.get_username()

    def conflict_facts(self) -> JurorFacts:
        """What the obvious-conflict rule compares (reads the organisation: select_related it in lists)."""
        organisation = self.organisation if self.organisation_id else None
        return JurorFacts(
            id=self.pk,
            org_name=organisation.name if organisation else "",
            sirens=frozenset(s for s in (self.siren, organisation.siren if organisation else "") if s),
        )
