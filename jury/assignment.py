"""Who scores what: pure functions from applications, jurors and conflicts to assignments.

Three modes: every juror scores every application, jurors by category, or
balanced so that each application gets N jurors and the jurors' loads stay
within one of each other. Known conflicts (juror, application) are never
assigned. Staff can adjust the result by hand afterwards.
"""

from collections import Counter

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    BALANCED = "equilibre", _("Équilibrée (N jurés par candidature)")
    BY_CATEGORY = "categorie", _("Par catégorie")
    EVERYONE = "tous", _("Chaque juré note tout")


class NotEnoughJurors(ValueError):
    """An application has fewer free jurors than the number asked for."""


def assign_everyone(applications, jurors, conflicts=frozenset()):
    return {app: [juror for juror in jurors if (juror, app) not in conflicts] for app in applications}


def assign_by_category(applications, jurors_by_category, conflicts=frozenset()):
    """`applications` maps application -> category; `jurors_by_category` maps category -> jurors."""
    return {
        app: [juror for juror in jurors_by_category.get(category, []) if (juror, app) not in conflicts]
        for app, category in applications.items()
    }


def assign_balanced(applications, jurors, per_application, conflicts=frozenset()):
    """Each application gets `per_application` jurors; loads differ by at most one where conflicts allow.

    Greedy on the least-loaded free jurors, taking the most constrained
    applications (fewest free jurors) first; ties are broken by juror order,
    so the result is deterministic.
    """
    order = {juror: position for position, juror in enumerate(jurors)}
    free = {app: [juror for juror in jurors if (juror, app) not in conflicts] for app in applications}
    short = [app for app, candidates in free.items() if len(candidates) < per_application]
    if short:
        raise NotEnoughJurors(short)
    load = Counter(dict.fromkeys(jurors, 0))
    assignments = {}
    for app in sorted(applications, key=lambda a: (len(free[a]), str(a))):
        chosen = sorted(free[app], key=lambda juror: (load[juror], order[juror]))[:per_application]
        for juror in chosen:
            load[juror] += 1
        assignments[app] = sorted(chosen, key=order.__getitem__)
    return assignments


def loads(assignments):
    """Number of applications per juror."""
    return Counter(juror for jurors in assignments.values() for juror in jurors)
