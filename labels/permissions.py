"""Who may see and do what with applications: the one place that decides.

Querysets (`Application.objects.visible_to(user)`, `of_applicant(user)`) ask
`is_campaign_staff` here; predicates answer for one application. Every view,
export and download goes through them, and a test walks the roles × URLs
matrix. The jury's own rules (who sits on which jury, what a juror may open)
live in `jury/permissions.py`, which builds on `is_campaign_staff`.
"""

from interconnectes import clock


def is_active(user) -> bool:
    return user.is_authenticated and user.is_active


def is_campaign_staff(user) -> bool:
    """Editors and staff running campaigns: superusers or holders of labels.review_application."""
    if not is_active(user):
        return False
    if user.is_superuser:
        return True
    return user.has_perm("labels.review_application")


def is_applicant(user, application) -> bool:
    """The owner, or an account that accepted a co-editor invitation (an e-mail address alone grants nothing)."""
    if not is_active(user):
        return False
    if application.owner_id == user.pk:
        return True
    return application.coeditors.filter(user=user).exists()


def can_edit(user, application, now=None) -> bool:
    return is_applicant(user, application) and application.is_editable(now or clock.now())


def can_withdraw(user, application, now=None) -> bool:
    return is_applicant(user, application) and application.can_be_withdrawn(now or clock.now())


def can_manage_coeditors(user, application, now=None) -> bool:
    return application.owner_id == user.pk and application.is_editable(now or clock.now())


def can_delete_draft(user, application) -> bool:
    """Only the owner, and only a draft never submitted: a reference, once given, stays in the registry."""
    return (is_active(user) and application.owner_id == user.pk and application.status == "brouillon"
            and application.reference is None)
