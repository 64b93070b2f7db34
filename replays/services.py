"""The replays' one write outside the admin: a replay watched to its end counts as attending its sequence."""

from replays import permissions
from territoirprod.models import AttendanceSource
from territoirprod.services import record_attendance


def record_watched(user, replay, now) -> bool:
    """Record the attendance of `user`, if they are a member enrolled in the sequence's theme; whether it was."""
    if not permissions.may_record_attendance(user, replay):
        return False
    record_attendance(user, replay.sequence, AttendanceSource.REPLAY, now)
    return True
