from django import template
from django.utils import timezone

from interconnectes import clock
from library import facets

register = template.Library()


@register.filter
def to_check(review_due_on) -> bool:
    """Whether a record's review date is past: its "à vérifier" badge."""
    return facets.is_to_check(review_due_on, timezone.localdate(clock.now()))
