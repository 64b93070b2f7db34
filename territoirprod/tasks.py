"""The programme's e-mails, sent through Django tasks; arguments are ids and strings only."""

from django.contrib.auth import get_user_model
from django_tasks import task

from interconnectes import canonical, clock, emails
from territoirprod import rules


@task()
def send_sequence_reminder(user_id: int, sequence_id: int, kind: str) -> None:
    """The reminder of a sequence; the day before's carries the visio link, which opens that day."""
    from territoirprod.models import Sequence

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    sequence = Sequence.objects.select_related("theme").filter(pk=sequence_id).first()
    if user is None or sequence is None:
        return  # the account or the sequence was deleted meanwhile
    visio_url = sequence.visio_url if rules.visio_link_visible(True, sequence.starts_at, sequence.ends_at,
                                                               clock.now()) else ""
    emails.send("sequence_reminder", [user.email], {
        "sequence": sequence, "theme": sequence.theme, "day_before": kind == rules.DAY, "visio_url": visio_url,
        "theme_url": canonical.absolute(sequence.theme.url or "/")}, app="territoirprod")
