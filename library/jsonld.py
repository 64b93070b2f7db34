"""schema.org JSON-LD of the library's pages, from level-0 values only (no query, no request).

A use case is a `CreativeWork` about its theme; an implementation is a
`CreativeWork` created by its lead collectivité, part of its use case, with
its licence as an SPDX address when it has one of the legal list.
"""

import datetime
from typing import Any

from interconnectes.jsonld import CONTEXT, script_tag
from library import licences

__all__ = ["implementation", "script_tag", "use_case"]


def use_case(*, name: str, url: str, description: str, theme: str,
             modified: datetime.datetime | None) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "CreativeWork", "@id": url, "url": url, "name": name,
                            "description": description, "inLanguage": "fr"}
    if theme:
        data["about"] = theme
    if modified:
        data["dateModified"] = modified.isoformat()
    return data


def implementation(*, name: str, url: str, description: str, organisation: str, licence: str,
                   use_case_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "CreativeWork", "@id": url, "url": url, "name": name,
                            "description": description, "inLanguage": "fr",
                            "creator": {"@type": "GovernmentOrganization", "name": organisation},
                            "isPartOf": {"@type": "CreativeWork", "@id": use_case_url, "url": use_case_url}}
    if licences.is_authorised(licence):
        data["license"] = f"https://spdx.org/licenses/{licence}.html"
    return data
