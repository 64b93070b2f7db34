"""How much one account may post and report in the community, and the French refusal: plain rules on counts.

The quotas are the accounts' own (`accounts.limits.Quota`, numbers in
`settings.LABELS_LIMITS`); what is counted is the account's own posts and
reports in the window, rows the community keeps anyway.
"""

from django.utils.translation import gettext_lazy

from accounts.limits import DAY, HOUR, Quota, Scope, first_exceeded

POSTS = (Quota("COMMUNITY_POSTS_PER_HOUR", Scope.ACCOUNT, HOUR, gettext_lazy(
    "Vous avez déjà publié %(limit)d messages dans l'heure : attendez un peu avant d'écrire à nouveau.")),)
# The members one post may alert by e-mail: the first ones named, in alphabetical order (a post naming the whole
# community would otherwise be a mailing).
MENTIONS_PER_POST = 10
REPORTS = (Quota("COMMUNITY_REPORTS_PER_DAY", Scope.ACCOUNT, DAY, gettext_lazy(
    "Vous avez déjà fait %(limit)d signalements aujourd'hui : les modérateurs les examinent, réessayez demain.")),)


def refusal(quotas: tuple[Quota, ...], count_in_window: int) -> str | None:
    """The French refusal when the account already used up one of `quotas`, else None."""
    quota = first_exceeded(quotas, {Scope.ACCOUNT: count_in_window})
    return quota.message() if quota else None
