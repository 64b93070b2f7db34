"""The usefulness vote: "Cette ressource vous a-t-elle été utile ? oui / non", one answer per signed-in person and
resource (a database constraint), which a second vote changes rather than adds to. The counts a page shows are
read by `ResourceVote.tally`."""

from django.db import IntegrityError, transaction

from resources.models import ResourceVote


def vote(resource, person, useful: bool, now) -> ResourceVote:
    """Record or change `person`'s answer; two votes at once still make one row."""
    try:
        with transaction.atomic():
            row, _created = ResourceVote.objects.update_or_create(
                resource=resource, person=person, defaults={"useful": useful, "voted_at": now})
    except IntegrityError:  # the same person voted in another request at the same instant: keep one row
        row = ResourceVote.objects.get(resource=resource, person=person)
        row.useful, row.voted_at = useful, now
        row.save(update_fields=["useful", "voted_at"])
    return row
