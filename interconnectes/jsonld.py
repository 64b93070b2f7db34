"""schema.org JSON-LD for what every part of the site shows: the association, breadcrumbs, articles, people.

Plain dicts built from plain values (no query, no request), and their safe
<script> rendering; `events.jsonld` builds the events' own on the same terms.
"""

import datetime
import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

CONTEXT = "https://schema.org"
ORGANIZATION_NAME = "Les Interconnectés"


def organization(url: str, logo: str, same_as=(), description: str = "") -> dict[str, Any]:
    """The association: what search engines show in their knowledge panel (name, site, logo, profiles)."""
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "Organization", "@id": url + "#organisation",
                            "name": ORGANIZATION_NAME, "url": url, "logo": logo}
    if description:
        data["description"] = description
    if same_as:
        data["sameAs"] = list(same_as)
    return data


def publisher(url: str, logo: str) -> dict[str, Any]:
    """The association as the publisher or organiser of what it publishes (no @context: nested)."""
    return {"@type": "Organization", "name": ORGANIZATION_NAME, "url": url, "logo": logo}


def breadcrumb_list(items) -> dict[str, Any]:
    """(name, url) pairs from the home page down to the current page."""
    return {"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": position, "name": name, "item": url}
        for position, (name, url) in enumerate(items, start=1)
    ]}


def article(*, headline: str, url: str, description: str, image: str, published: datetime.date,
            modified: datetime.datetime | None, author: dict[str, Any], genre: str = "") -> dict[str, Any]:
    """A manifesto or a press release, written and published by the association."""
    data: dict[str, Any] = {
        "@context": CONTEXT, "@type": "Article", "@id": url, "mainEntityOfPage": url, "url": url,
        "headline": headline[:110],  # Google ignores longer headlines
        "description": description, "image": [image], "datePublished": published.isoformat(),
        "author": [author], "publisher": author,
    }
    if modified:
        data["dateModified"] = modified.isoformat()
    if genre:
        data["genre"] = genre
    return data


def person(*, name: str, url: str, job_title: str = "", organisation: str = "", image: str = "",
           description: str = "") -> dict[str, Any]:
    """A speaker, as their page presents them (their current role and organisation)."""
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "Person", "@id": url, "name": name, "url": url}
    if job_title:
        data["jobTitle"] = job_title
    if organisation:
        data["affiliation"] = {"@type": "Organization", "name": organisation}
    if image:
        data["image"] = image
    if description:
        data["description"] = description
    return data


def script_tag(data: dict) -> SafeString:
    """<script type="application/ld+json"> with <, > and & escaped so the content cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # <, > and & are escaped above: the data can neither close the tag nor open another one.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # nosec B308 B703
