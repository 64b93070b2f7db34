"""The rules of the finalists' pitches: how long and how heavy a video may be, and until when it may change.

Plain values and functions; who is a finalist is `jury.permissions.finalist_round`.
"""

import datetime

from django.utils.translation import gettext as _

MAX_SECONDS = 10 * 60  # the label's rule: a pitch of under ten minutes
# Ten minutes of 720p H.264 at a good quality stay well under this; more means a needlessly heavy file.
MAX_BYTES = 300 * 1024 * 1024


def edit_refusal(final_round, now: datetime.datetime) -> str | None:
    """Why the applicant may not give or change the pitch now (in French), or None.

    Only a finalist gives one, until the final round's scoring closes: the
    jurors must judge the video they were given.
    """
    if final_round is None:
        return _("Seules les candidatures retenues pour la finale présentent un pitch.")
    if now > final_round.closes_at:
        return _("Le tour final est clos : le pitch ne peut plus être modifié.")
    return None
