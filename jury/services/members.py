"""What becomes of a juror's seats when their account is deleted: the jury's record stays, the person leaves it."""

from django.utils.translation import gettext

from jury.models import JuryMember


def anonymise_seats(user) -> int:
    """Unlink `user`'s seats from their account and Person profile, before the account goes; returns how many.

    Each seat keeps its scores, sheets, history of changes and conflict
    declarations (they point at the seat, not at the account), so the ranking
    and the append-only log of declarations stay as they were, under a
    display name: "Juré·e n° 3", the seat's place in its campaign's jury.
    The organisation and SIREN stay: they describe the structure the seat
    represented, which the obvious-conflict check and the declarations refer to.
    """
    seats = list(JuryMember.objects.filter(user=user).only("pk", "campaign_id"))
    for seat in seats:
        number = JuryMember.objects.filter(campaign_id=seat.campaign_id, pk__lte=seat.pk).count()
        JuryMember.objects.filter(pk=seat.pk).update(
            user=None, person=None, display_name=gettext("Juré·e n° %(number)s") % {"number": number})
    return len(seats)
