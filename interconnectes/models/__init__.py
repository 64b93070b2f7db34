from .declarations import AccessibilityStatementPage, EcodesignCriterion, EcodesignStatementPage
from .pages import HomeKeyFigure, HomePage, StandardPage
from .site_settings import NavigationItem, NavigationSettings, SiteSettings
from .snippets import LOCAL_GOVERNMENT_KINDS, EmailDomain, MemberYear, Organisation, OrganisationKind, Person

__all__ = [
    "LOCAL_GOVERNMENT_KINDS",
    "AccessibilityStatementPage",
    "EcodesignCriterion",
    "EcodesignStatementPage",
    "EmailDomain",
    "HomeKeyFigure",
    "HomePage",
    "MemberYear",
    "NavigationItem",
    "NavigationSettings",
    "Organisation",
    "OrganisationKind",
    "Person",
    "SiteSettings",
    "StandardPage",
]
