"""What the public sees of a campaign's results, and from when: the campaign page, the laureates archive,
the sitemap and the applicant's dashboard all ask here.

Until the jury's publication service has written the campaign's
`ResultsPublication` row, nothing of the results is public, whatever the
applications' statuses say. Once it has, the public lists show the laureates
and mentions with the jury's citation as it was published.
"""

from django.core.exceptions import ObjectDoesNotExist

from interconnectes import clock
from labels.models.applications import ApplicationStatus

# What the public sees of a campaign once its results are out; a non-selected application never appears.
PUBLIC_STATUSES = (ApplicationStatus.LAUREATE, ApplicationStatus.MENTION)

# The columns the public lists show: the long project fields and the contact details stay unread.
# The organisation, title and summary are those of the submitted version, copied at publication: an edit the
# applicant made afterwards and never submitted is not public.
PUBLIC_COLUMNS = ("id", "campaign_id", "status", "published_level", "published_org_name", "org_region",
                  "published_title", "published_summary", "published_citation", "category__id", "category__name",
                  "category__sort_order")


def is_published(published_at, now=None) -> bool:
    """Whether results published at `published_at` (None: not yet) are public at `now` (the RESULTS phase's rule)."""
    return published_at is not None and published_at <= (now or clock.now())


def laureates_and_mentions(applications):
    """Laureates and mentions of `applications` with their category and the jury's public citation, in one query.

    The caller decides which campaigns are published; this only narrows to what
    may be shown, so a non-selected application can never leak into a public list.
    """
    return (
        applications.filter(status__in=PUBLIC_STATUSES)
        .select_related("category").only(*PUBLIC_COLUMNS)
        .order_by("campaign_id", "published_org_name", "pk")
    )


def shows_pitch(pitch, application, published_at, now=None) -> bool:
    """Whether the public sees `application`'s pitch: an uploaded video of a laureate whose applicant agreed,
    once its campaign's results are out (published at `published_at`)."""
    return (pitch.public_consent and bool(pitch.video) and application.status == ApplicationStatus.LAUREATE
            and is_published(published_at, now))


def public_pitch(application, published_at, now=None):
    """The pitch the public may watch on a laureate's page (one query), or None."""
    try:
        pitch = application.pitch
    except ObjectDoesNotExist:
        return None
    return pitch if shows_pitch(pitch, application, published_at, now) else None
