"""The "Territoir'Prod" section of "Mon espace": the person's enrolments and their next sequences.

"Mon espace" already spends the query budget on the person's memberships and the other apps' sections, so this
one is kept in the cache, as plain values, under a key that moves whenever what it shows may change: the
person's enrolments (`bump`, on every save or deletion of one of theirs), the site's content (a sequence or a
page saved) and the hour (a sequence leaves "next" within the hour after it ends).
"""

from django.core.cache import cache

from interconnectes.content_version import content_version, fresh_version, time_slot
from territoirprod import permissions
from territoirprod.models import Sequence

HOURS = 60
UPCOMING = 5


def version_key(user_id: int) -> str:
    return f"territoirprod:enrolments-version:{user_id}"


def bump(sender=None, instance=None, **_kwargs) -> None:
    """An enrolment of the person was saved or deleted: their section is computed again."""
    cache.set(version_key(instance.user_id), fresh_version(), timeout=None)


def section(user, now) -> dict | None:
    version = cache.get_or_set(version_key(user.pk), fresh_version, timeout=None)
    key = f"territoirprod:space:{user.pk}:{version}:{content_version()}:{time_slot(now, HOURS).replace(' ', 'T')}"
    return cache.get_or_set(key, lambda: compute(user, now), timeout=86400) or None


def compute(user, now) -> dict:
    enrolments = list(permissions.active_enrolments(user).select_related("edition", "theme").order_by("created_at"))
    if not enrolments:
        return {}
    upcoming = (Sequence.objects.filter(permissions.sequences_covered_q(enrolments), ends_at__gt=now)
                .select_related("theme").order_by("starts_at")[:UPCOMING])
    return {
        "enrolments": [{"title": (enrolment.theme or enrolment.edition).title, "url": (enrolment.theme or
                        enrolment.edition).url, "whole_edition": enrolment.theme_id is None,
                        "edition": enrolment.edition.title, "edition_id": enrolment.edition_id}
                       for enrolment in enrolments],
        "upcoming": [{"starts_at": sequence.starts_at, "theme": sequence.theme.title, "label": str(sequence),
                      "url": f"{sequence.theme.url}#sequence-{sequence.ical_uid}"} for sequence in upcoming],
    }
