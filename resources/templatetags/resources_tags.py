"""Links other sections give to the resource space (the AI library's "Ressources"), without importing it."""

from django import template

from resources.models import ResourceIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def resource_space_url(context) -> str:
    """The address of the live resource space, or "" (one query: call it inside a cached fragment)."""
    index = ResourceIndexPage.objects.live().first()
    return (index.get_url(context.get("request")) or "") if index else ""
