"""`safe_href`: the last guard between a stored link and an href attribute.

The admin's URL blocks already refuse anything but web addresses, but a
StreamField value can also arrive from a script, an import or an old
revision: a `javascript:` or `data:` address must never reach an href.
"""

from django import template

register = template.Library()

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:")


@register.filter
def safe_href(url):
    """The address when it is a web, e-mail or phone link or a path on this site; "#" otherwise."""
    url = str(url or "").strip()
    compact = "".join(url.split()).lower()
    if compact.startswith(SAFE_SCHEMES) or (compact.startswith(("/", "#", "?")) and not compact.startswith("//")):
        return url
    return "#"
