"""The head of every page (description, canonical address, link previews, feeds) and the site-wide JSON-LD.

Values come from `interconnectes.seo` (plain rules), `interconnectes.sharing`
(absolute addresses, the preview image, cached) and `interconnectes.feeds`
(cached): on a warm cache these tags ask the database nothing.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Site

from interconnectes import canonical, jsonld, seo, sharing
from interconnectes.feed_links import ATOM_TYPE

register = template.Library()


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # so that the {% block %} inside is found and overridden by child templates

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output is a rendered template, escaped as it was rendered.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # nosec B308 B703
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %}: renders once what several places of the head repeat (the title)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def page_number(request) -> int:
    numbers = [request.GET.get(name, "") for name in seo.PAGE_PARAMETERS]
    return max((int(number) for number in numbers if number.isdigit()), default=1)


@register.simple_tag(takes_context=True)
def head_meta(context, title):
    """What the head says about the page: title, description, canonical URL, preview image, feeds."""
    request = context.get("request")
    page = context.get("page")
    number = page_number(request) if request is not None else 1
    if number > 1:
        title = _("%(title)s (page %(number)s)") % {"title": title, "number": number}
    description = context.get("meta_description") or getattr(page, "meta_description", "") or seo.shorten(
        _("%(title)s, sur le site des Interconnectés, le réseau des collectivités engagées pour un numérique "
          "innovant et responsable.") % {"title": title})
    if request is None:  # a page rendered without a request (maintenance): no address to give
        return {"title": title, "description": description}
    root = canonical.root_url(request)
    return {
        "title": title,
        "description": description,
        "canonical": seo.canonical_url(root + request.path, request.GET),
        "image": sharing.share_image(request, page if getattr(page, "pk", None) else None,
                                     context.get("share_image")),
        "feeds": [(feed.title, root + feed.path) for feed in page.feed_links(request)]
        if hasattr(page, "feed_links") else [],
        "feed_type": ATOM_TYPE,
    }


@register.simple_tag(takes_context=True)
def breadcrumbs_jsonld(context, ancestors, current_title, parent=None, step_title="", step_path=""):
    """The BreadcrumbList of the breadcrumbs shown: each ancestor page (and `parent`, when the current view is
    a sub-page of it; then a step of that sub-page's own, `step_title` at `step_path`), then the current address."""
    request = context["request"]
    pages = [*ancestors, parent] if parent is not None else list(ancestors)
    items = [(page.title, page.get_full_url(request)) for page in pages]
    root = canonical.root_url(request)
    if step_title:
        items.append((step_title, root + step_path))
    items.append((current_title, root + request.path))
    return jsonld.script_tag(jsonld.breadcrumb_list(items))


@register.simple_tag(takes_context=True)
def organization_jsonld(context):
    """The association (home page): its name, site, logo and profiles on social networks."""
    from interconnectes.models import SiteSettings  # the settings model needs the app registry

    request = context["request"]
    site = Site.find_for_request(request)
    same_as = SiteSettings.for_request(request).social_links() if site is not None else []
    page = context.get("page")
    return jsonld.script_tag(jsonld.organization(
        canonical.root_url(request) + "/", sharing.logo_url(request), [url for _name, url in same_as],
        description=getattr(page, "meta_description", "")))
