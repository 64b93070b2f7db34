"""The calls for applications the home page shows (registered in `labels.wagtail_hooks`): a visitor sees there
that a label can be applied for now, and until when."""

from interconnectes.restrictions import private_q
from labels.models import LabelCampaignPage
from labels.phases import current_second


def open_campaigns(now) -> list[LabelCampaignPage]:
    """Live, public campaigns open for applications at `now` (the "ouvertes" phase), closing soonest first."""
    return list(LabelCampaignPage.objects.live().exclude(private_q())
                .filter(opens_at__lte=now, closes_at__gte=current_second(now))
                .order_by("closes_at", "pk"))
