"""Admin form of the campaign page: keep the jury's work safe from an editor's deletion."""

from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

SCORED_CRITERION = _("Le jury a déjà noté ce critère : il ne peut plus être supprimé (modifiez-le plutôt).")


def marked_for_deletion(form) -> bool:
    """Read the child form's DELETE flag from the posted data (the child forms are not cleaned yet)."""
    field = form.fields.get(DELETION_FIELD_NAME)
    return bool(field and field.to_python(form[DELETION_FIELD_NAME].value()))


class CampaignPageForm(WagtailAdminPageForm):
    def clean(self):
        """Refuse, next to the criterion, the deletion of a criterion that jurors have scored.

        Scores protect their criterion in the database; without this check the
        deletion would only fail when the page is published.
        """
        from labels.models import Score  # noqa: PLC0415 (models import this module)

        cleaned_data = super().clean()
        formset = self.formsets.get("criteria")
        if formset is None:
            return cleaned_data
        deleted = {form.instance.pk: form for form in formset.forms
                   if form.instance.pk and marked_for_deletion(form)}
        scored = set(Score.objects.filter(criterion_id__in=deleted).values_list("criterion_id", flat=True))
        for criterion_id in scored:
            deleted[criterion_id].add_error(None, SCORED_CRITERION)
        if scored:
            self.add_error(None, SCORED_CRITERION)
        return cleaned_data
