"""Admin forms of jury members and rounds: everything they point to must belong to the same campaign, and a
round's criteria cannot be changed once its scoring has opened (they are frozen then)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from jury.models import JURY_STATUSES

FROZEN_CRITERIA = _("Figés à l'ouverture de la notation : ils ne changent plus.")
ANONYMISED_SEAT = _("Compte supprimé : les notes et déclarations de ce juré sont conservées sous le nom "
                    "« %(name)s ».")


class JuryMemberForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.user_id is None:  # the juror deleted their account: the seat stays
            user = self.fields["user"]
            user.required, user.disabled = False, True
            user.help_text = ANONYMISED_SEAT % {"name": self.instance}

    def clean(self):
        data = super().clean()
        campaign, categories = data.get("campaign"), data.get("categories")
        if campaign and categories and any(category.page_id != campaign.pk for category in categories):
            self.add_error("categories", _("Choisissez des catégories de cette campagne."))
        return data


class JuryRoundForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        campaign_id = self.instance.campaign_id if self.instance.pk else None
        shortlist = self.fields["shortlist"]
        shortlist.queryset = shortlist.queryset.filter(status__in=JURY_STATUSES).order_by("reference")
        if campaign_id:
            shortlist.queryset = shortlist.queryset.filter(campaign_id=campaign_id)
            self.fields["criteria"].queryset = self.fields["criteria"].queryset.filter(page_id=campaign_id)
        if self.instance.pk and self.instance.criteria_frozen:
            self.fields["criteria"].disabled = True
            self.fields["criteria"].help_text = FROZEN_CRITERIA

    def clean(self):
        data = super().clean()
        campaign = data.get("campaign")
        if campaign is None:
            return data
        if any(criterion.page_id != campaign.pk for criterion in data.get("criteria") or []):
            self.add_error("criteria", _("Choisissez des critères de cette campagne."))
        if any(application.campaign_id != campaign.pk for application in data.get("shortlist") or []):
            self.add_error("shortlist", _("Choisissez des candidatures de cette campagne."))
        if data.get("number") == 1 and data.get("shortlist"):
            self.add_error("shortlist", _("Le tour 1 porte sur toutes les candidatures recevables : "
                                          "la présélection est pour le tour 2."))
        return data
