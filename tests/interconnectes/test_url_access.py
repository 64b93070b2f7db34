"""The project-wide net: every URL pattern has an entry saying who may reach it, and each role is held to it.

The walk covers Django's resolver recursively (public site, applicant
accounts and applications, the jury's pages, the Wagtail admin with what this
project's apps add to it: applications, jury members and rounds, snippets) and
the routes of routable pages, which the resolver does not see. A pattern without
an entry fails `test_every_url_pattern_is_in_the_access_table`: decide who may
reach it, then add it here or to its app's own matrix.

The per-app matrices stay where the detail is (`tests/labels/test_access_matrix.py`
for applicants, `tests/jury/test_access_matrix.py` for the jury's pages:
object by object, another applicant's or juror's ids); this file reuses their
tables and checks the rest by role, on every pattern: anonymous visitors get
no private page, applicants no admin page, jurors nothing of the admin at all,
editors nothing of campaign staff's, and nobody a 500.
"""

import re
import uuid
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

from labels.models import Attachment
from tests.accounts.test_access_matrix import ADMIN as ACCOUNTS_ADMIN_MATRIX
from tests.accounts.test_access_matrix import MATRIX as ACCOUNTS_MATRIX
from tests.events.factories import EventThemeFactory, VenueFactory
from tests.factories import OrganisationFactory, PersonFactory
from tests.jury.factories import JuryMemberFactory, JuryRoundFactory
from tests.jury.test_access_matrix import EXPECTED as JURY_MATRIX
from tests.labels.factories import (
    LabelCampaignPageFactory,
    LabelIndexPageFactory,
    SubmittedApplicationFactory,
    UserFactory,
    user_with_permissions,
)
from tests.labels.test_access_matrix import MATRIX as APPLICANT_MATRIX

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("interconnectes", "manifestes", "events", "accounts", "labels", "jury", "library", "territoirprod",
                "replays", "community", "resources", "consultations")

# Who may reach a URL.
PUBLIC = "public"  # anyone, signed in or not
AUTHENTICATED = "authenticated"  # any signed-in account
APPLICANT = "applicant"  # the applicants of the application in the URL (owner, co-editors)
JUROR = "juror"  # a juror of the campaign in the URL, for the files assigned to them
STAFF = "staff"  # campaign staff: superusers and holders of labels.review_application
EDITOR = "editor"  # admin users holding the Wagtail permission of the model (snippets of this project)
ADMIN = "admin-only"  # Wagtail's own admin: admin access plus Wagtail's permission for the view
REFERENT = "referent"  # the verified référent of the organisation in the URL
AGENT = "agent"  # a verified agent of a collectivité (the library's level 1)
GRANT = "grant"  # the holder of an expert access to the library's implementation in the URL (level 2)

# The per-app tables, in this file's vocabulary.
APPLICANT_ROLES = {"public": {PUBLIC}, "authenticated": {AUTHENTICATED}, "applicants": {APPLICANT},
                   "applicants+staff": {APPLICANT, STAFF}, "owner": {APPLICANT}}
ACCOUNTS_ROLES = {"public": {PUBLIC}, "anyone-post": {PUBLIC}, "authenticated": {AUTHENTICATED},
                  "post-only": {AUTHENTICATED}, "referent": {REFERENT}, "staff": {STAFF}, "nobody": set()}
JURY_ROLES = {"juror_a": JUROR, "juror_b": JUROR, "outsider": JUROR, "staff": STAFF}

# URL names of this project (and of Wagtail's public views) outside those two tables.
NAMED = {
    "search": {PUBLIC},
    "sitemap": {PUBLIC},
    "sitemap_section": {PUBLIC},  # lists only live, public pages (interconnectes/sitemaps.py)
    "robots_txt": {PUBLIC},
    "site_map": {PUBLIC},  # the HTML site map: live, public, indexed pages only (interconnectes/sitemaps.py)
    "media": {PUBLIC},  # images and renditions only; documents go through wagtaildocs_serve (interconnectes/media.py)
    "wagtail_serve": {PUBLIC},  # pages: Wagtail checks each page's privacy settings
    "wagtaildocs_serve": {PUBLIC},  # documents: Wagtail checks each collection's privacy settings
    "wagtaildocs_authenticate_with_password": {PUBLIC},
    "wagtailcore_authenticate_with_password": {PUBLIC},
    "wagtailcore_login": {PUBLIC},
    # labels/wagtail_hooks.py: applications in the admin, read-only, and the two audited actions.
    "labels_admin_ineligible": {STAFF},
    "labels_admin_reopen": {STAFF},
    **{f"labels_application:{view}": {STAFF} for view in (
        "index", "index_results", "inspect", "add", "edit", "delete", "history", "history_results", "usage")},
    # jury/wagtail_hooks.py: jury members and rounds are managed by campaign staff only.
    **{f"{namespace}:{view}": {STAFF} for namespace in ("jury_member", "jury_round") for view in (
        "index", "index_results", "add", "edit", "delete", "history", "history_results", "usage")},
    # jury/pitch_urls.py: a finalist's pitch form; its video and captions for its applicants, its jurors and staff,
    # and for everyone once a consenting laureate's results are out (tests/jury/test_pitches.py walks each role).
    "pitch:edit": {APPLICANT},
    "pitch:video": {APPLICANT, JUROR, STAFF, PUBLIC},
    "pitch:captions": {APPLICANT, JUROR, STAFF, PUBLIC},
    # interconnectes/wagtail_hooks.py and events/wagtail_hooks.py: the directory and the events' snippets
    # (themes have no inspect view).
    **{f"wagtailsnippets_{model}:{view}": {EDITOR}
       for model in ("interconnectes_organisation", "interconnectes_person", "events_eventtheme", "events_venue")
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results", "copy",
                    *(("inspect",) if model != "events_eventtheme" else ()))},
    **{f"wagtailsnippetchoosers_{model}:{view}": {EDITOR}
       for model in ("interconnectes_organisation", "interconnectes_person", "events_eventtheme", "events_venue")
       for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")},
    # library/wagtail_hooks.py: the library's lists and its implementations, for editors holding their permission.
    **{f"wagtailsnippets_library_{model}:{view}": {EDITOR}
       for model in ("theme", "technique", "implementation")
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results", "copy")},
    **{f"wagtailsnippetchoosers_library_{model}:{view}": {EDITOR}
       for model in ("theme", "technique", "implementation", "errorreport")
       for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")},
    # library/access_urls.py: expert access, documents, contacts (tests/library/test_access_matrix.py walks each
    # role on real objects: 404, never 403, below a document's level).
    "library_access:manage": {REFERENT, STAFF},  # the référents of the projects' collectivités, the team
    "library_access:request_access": {AUTHENTICATED},
    "library_access:decide": {REFERENT, STAFF},
    "library_access:download": {AGENT, GRANT},  # a level-1 document to agents, a level-2 one to grant holders
    "library_access:write_to_contact": {AGENT, GRANT},
    "library_access:withdraw_consent": {PUBLIC},  # the signed link of a relayed message
    # Error reports on records, for staff holding their permission (no copy: a report is not a template).
    **{f"wagtailsnippets_library_errorreport:{view}": {EDITOR}
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results")},
    # The library's open data (level 0 only, tests/library/test_leaks.py) and "signaler une erreur" (signed in;
    # each role in tests/library/test_open_data_and_report_access.py).
    "library:open_data": {PUBLIC},
    "library:export_csv": {PUBLIC},
    "library:export_json": {PUBLIC},
    "library:export_schema": {PUBLIC},
    "library:report_error": {AUTHENTICATED},
    # library/urls.py: the agents' drafts (their creator, co-editors and référents, while verified; others get
    # a 404) and the team's review (holders of the implementations' permission), object by object in
    # tests/library/test_submission_access.py.
    "library:projects": {AUTHENTICATED},
    "library:new_draft": {AUTHENTICATED},  # verified agents only: the others are told how to be verified (403)
    "library:start_update": {AUTHENTICATED},  # POST, by an agent of the record's collectivité
    "library:draft": {AUTHENTICATED},
    "library:invite": {AUTHENTICATED},
    "library:submit": {AUTHENTICATED},
    "library:review_queue": {EDITOR},
    "library:review": {EDITOR},
    "library:mark_checked": {EDITOR},
    "library:archive": {EDITOR},
    # territoirprod/urls.py: enrolment (POST; member agents and référents, the others told why in a 403),
    # attestation (the signed-in person's own attendance), the team's roll call; each role in
    # tests/territoirprod/test_enrolment.py and test_attendance.py.
    "territoirprod:enrol": {AUTHENTICATED},
    "territoirprod:unenrol": {AUTHENTICATED},
    "territoirprod:enrol_agents": {AUTHENTICATED},  # référents of member collectivités; others told why (403)
    "territoirprod:attestation": {AUTHENTICATED},
    "territoirprod:roll_call": {EDITOR},
    **{f"wagtailsnippets_territoirprod_{model}:{view}": {EDITOR}
       for model in ("sequence", "enrolment", "attendance")
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results", "copy",
                    *(("inspect",) if model == "enrolment" else ()))},
    **{f"wagtailsnippetchoosers_territoirprod_{model}:{view}": {EDITOR}
       for model in ("sequence", "enrolment", "attendance")
       for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")},
    # replays/urls.py: a public replay for everyone, a members' one for verified agents of member collectivités
    # (the others get the login page or a French explanation, and never a byte of its files), an unshown one
    # (no captions or consent) for staff only; each reader on real replays in tests/replays/test_files.py,
    # test_pages.py and test_share_links.py (a valid share link opens its replay to anyone: 404 once expired
    # or revoked).
    "replays:index": {PUBLIC},
    **{f"replays:{view}": {PUBLIC} for view in (
        "detail", "video", "captions", "slides", "shared", "shared_video", "shared_captions", "shared_slides")},
    "replays:watched": {AUTHENTICATED},  # POST, by a member enrolled in the sequence's theme
    # replays/wagtail_hooks.py: the replays in the admin, for staff holding their permission (no copy, no inspect).
    **{f"wagtailsnippets_replays_replay:{view}": {EDITOR}
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results")},
    **{f"wagtailsnippetchoosers_replays_replay:{view}": {EDITOR}
       for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")},
    # community/urls.py: verified agents of member collectivités, the team, and each space's moderators (the
    # coordinators of its theme); the others get the login page or a French explanation (403). Each role in
    # tests/community/test_access.py; the moderation pages answer 404 to readers who do not moderate.
    **{f"community:{name}": {AGENT, STAFF} for name in (
        "spaces", "space", "new_topic", "topic", "post", "edit_post", "report_post", "subscribe", "moderate_topic",
        "hide_post", "accept_post", "reports")},
    "community:unsubscribe": {PUBLIC},  # the signed link of every e-mail
    # community/wagtail_hooks.py: the spaces, for editors holding their permission.
    **{f"wagtailsnippets_community_space:{view}": {EDITOR}
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results")},
    **{f"wagtailsnippetchoosers_community_space:{view}": {EDITOR}
       for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")},
    # resources/wagtail_hooks.py: resources, collections and reported problems, for editors holding their
    # permission (reports have no copy view: a report is not a template).
    **{f"wagtailsnippets_resources_{model}:{view}": {EDITOR}
       for model in ("resource", "collection", "resourcereport")
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results",
                    *(("copy",) if model != "resourcereport" else ()))},
    **{f"wagtailsnippetchoosers_resources_{model}:{view}": {EDITOR}
       for model in ("resource", "collection", "resourcereport")
       for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")},
    # resources/urls.py: the usefulness vote (POST) and "signaler un problème", signed in, on a resource the
    # reader may read (404 otherwise: tests/resources/test_votes_and_reports.py).
    "resources:vote": {AUTHENTICATED},
    "resources:report": {AUTHENTICATED},
    # consultations/urls.py: a référent's commitments (others are told why, 403), the signed documents and the
    # withdrawal (the organisation's référents and the team; 404 for others), the team's verification (staff
    # holding consultations.verify_commitment), the register's and the published records' open data; each role in
    # tests/consultations/test_commitments.py.
    "consultations:commit": {AUTHENTICATED},
    "consultations:withdraw": {REFERENT, EDITOR},
    "consultations:signed_document": {REFERENT, EDITOR},
    "consultations:queue": {EDITOR},
    "consultations:decide": {EDITOR},
    "consultations:open_data": {PUBLIC},
    "consultations:records_open_data": {PUBLIC},
    "consultations:export_csv": {PUBLIC},
    "consultations:export_json": {PUBLIC},
    "consultations:export_schema": {PUBLIC},
    "consultations:records_csv": {PUBLIC},  # published records only (tests/consultations/test_consultation_opendata.py)
    "consultations:records_json": {PUBLIC},
    "consultations:records_schema": {PUBLIC},
    # consultations/wagtail_hooks.py: the charter's versions, the lessons and the territories' positions.
    **{f"wagtailsnippets_consultations_{model}:{view}": {EDITOR}
       for model in ("charterversion", "lesson", "territorylocation")
       for view in ("list", "list_results", "add", "edit", "delete", "usage", "history", "history_results")},
    **{f"wagtailsnippetchoosers_consultations_{model}:{view}": {EDITOR}
       for model in ("charterversion", "lesson", "territorylocation")
       for view in ("choose", "choose_results", "chosen", "chosen_multiple", "create")},
    # consultations/record_urls.py: published records for everyone (a draft is never read by a public view:
    # tests/consultations/test_follow_ups.py); drafts and follow-up for the territory's verified agents, who are
    # told otherwise (403, 404); the team's review for staff holding consultations.change_consultation
    # (tests/consultations/test_record_access.py walks each role).
    "consultation_records:list": {PUBLIC},
    "consultation_records:consultation": {PUBLIC},
    "consultation_records:feed": {PUBLIC},
    "consultation_records:mine": {AUTHENTICATED},
    "consultation_records:declare": {AUTHENTICATED},  # agents of a committed territory; others get a 403 page
    "consultation_records:draft": {AUTHENTICATED},
    "consultation_records:submit": {AUTHENTICATED},
    "consultation_records:start_update": {AUTHENTICATED},
    "consultation_records:follow_up": {AUTHENTICATED},
    "consultation_records:change_status": {AUTHENTICATED},
    "consultation_records:review_queue": {EDITOR},
    "consultation_records:review": {EDITOR},
    "consultation_records:mark_checked": {EDITOR},
}

# Routes of routable pages (not in the resolver): "<page model>:<route name>".
ROUTABLE = {
    "EventIndexPage:index_route": {PUBLIC},
    "EventIndexPage:feed": {PUBLIC},
    "EventIndexPage:speaker": {PUBLIC},
    "EventIndexPage:speakers": {PUBLIC},  # speakers of live, public events only (tests/events/test_findability.py)
    "EventIndexPage:atom": {PUBLIC},  # live, public events only
    "EventPage:index_route": {PUBLIC},
    "EventPage:ical": {PUBLIC},
    "EventPage:ical_session": {PUBLIC},
    "ManifestoIndexPage:index_route": {PUBLIC},
    "ManifestoIndexPage:atom": {PUBLIC},  # live, public manifestos only
    "LabelIndexPage:index_route": {PUBLIC},
    "LabelIndexPage:laureates": {PUBLIC},  # published results only (tests/labels/test_laureates_archive.py)
    "LabelCampaignPage:index_route": {PUBLIC},
    "LabelCampaignPage:laureate": {PUBLIC},  # published laureates and mentions only (tests/jury/test_pitches.py)
    # The library: everyone reads level 0; higher fields by tier, never by URL (tests/library/test_leaks.py).
    "UseCasePage:index_route": {PUBLIC},
    "UseCasePage:comparison": {PUBLIC},
    "UseCasePage:implementation": {PUBLIC},
    "UseCasePage:history": {PUBLIC},  # level-0 differences only (tests/library/test_submissions.py)
    # Territoir'Prod: the programme and its calendar files are public; the visio link only in the page, by rule.
    "EditionPage:index_route": {PUBLIC},
    "ThemePage:index_route": {PUBLIC},
    "ThemePage:ical": {PUBLIC},
    "ThemePage:ical_sequence": {PUBLIC},
    # The resource space: members-only resources, their pages and files to members and staff only; every
    # standing on each in tests/resources/test_visibility.py.
    "ResourceIndexPage:index_route": {PUBLIC},
    "ResourceIndexPage:resource": {PUBLIC},
    "ResourceIndexPage:file": {PUBLIC},
    "ResourceIndexPage:collection": {PUBLIC},
    # The programme of the concertations: adopted charter versions, the register, the synthesis of lessons.
    "ConsultationProgrammePage:index_route": {PUBLIC},
    "ConsultationProgrammePage:charter_versions": {PUBLIC},
    "ConsultationProgrammePage:charter_version": {PUBLIC},  # adopted versions only, never a draft
    "ConsultationProgrammePage:register": {PUBLIC},  # verified commitments, and withdrawn ones once verified
    "ConsultationProgrammePage:synthesis": {PUBLIC},
}

# Wagtail's own admin, by route prefix (first match wins). Never matches a route that names one of this
# project's apps (snippets, choosers): those are listed by name above, so that a new one cannot slip in.
WAGTAIL_CORE = [
    ("admin/login/", PUBLIC),
    ("admin/password_reset/", PUBLIC),
    ("admin/jsi18n/", PUBLIC),  # the admin's translations and icons: assets of its login page
    ("admin/sprite/", PUBLIC),
    *[(f"admin/{prefix}", ADMIN) for prefix in (
        "logout/", "account/", "dismissibles/", "api/main/", "block-preview/", "bulk/",
        "choose-anchor-link/", "choose-email-link/", "choose-external-link/", "choose-page/", "choose-phone-link/",
        "collections/", "documents/", "editing-sessions/", "embeds/", "failwhale/", "forms/", "groups/", "images/",
        "pages/", "redirects/", "reports/", "settings/", "sites/", "snippets/", "tag-autocomplete/", "test404/",
        "users/", "workflows/", "^.*/$")],
]
CORE_EXACT = {"admin/"}  # the dashboard


@dataclass(frozen=True)
class Pattern:
    key: str  # what the access table is looked up by: the URL name, or "<page model>:<route name>"
    route: str  # the pattern as text, from the root
    parts: tuple  # the pattern objects, from the root


def walk(resolver=None, parts=(), namespace=None):
    """Every URL pattern reachable from the root URLconf, with its namespaced name."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace])) or None
            yield from walk(entry, (*parts, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            full = (*parts, entry.pattern)
            route = "".join(str(part) for part in full)
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield Pattern(name or route, route, full)


def routable_patterns():
    """Routes of routable pages, named after the first page model that declares them (EventPage for its subtypes)."""
    seen = set()
    for model in get_page_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        owner = next(klass for klass in reversed(model.__mro__) if klass in get_page_models()
                     and issubclass(klass, RoutablePageMixin))
        for entry in model.get_subpage_urls():
            key = f"{owner.__name__}:{entry.name}"
            if key not in seen:
                seen.add(key)
                yield Pattern(key, str(entry.pattern), ())


def core_role(route):
    if any(f"/{app}/" in route for app in PROJECT_APPS):
        return None
    if route in CORE_EXACT:
        return ADMIN
    return next((role for prefix, role in WAGTAIL_CORE if route.startswith(prefix)), None)


def roles_of(pattern):
    """Who may reach the pattern, from the per-app matrices, the tables above or Wagtail's prefixes."""
    name = pattern.key
    if name.startswith("labels:") and name.split(":", 1)[1] in APPLICANT_MATRIX:
        return APPLICANT_ROLES[APPLICANT_MATRIX[name.split(":", 1)[1]][1]]
    if name.startswith("accounts:") and name.split(":", 1)[1] in ACCOUNTS_MATRIX:
        return ACCOUNTS_ROLES[ACCOUNTS_MATRIX[name.split(":", 1)[1]]]
    if name in ACCOUNTS_ADMIN_MATRIX:
        return ACCOUNTS_ROLES[ACCOUNTS_ADMIN_MATRIX[name]]
    if name.startswith("jury:") and name.split(":", 1)[1] in JURY_MATRIX:
        return {JURY_ROLES[role] for role in JURY_MATRIX[name.split(":", 1)[1]]}
    if name in NAMED:
        return NAMED[name]
    if name in ROUTABLE:
        return ROUTABLE[name]
    role = core_role(pattern.route)
    return {role} if role else None


PATTERNS = list(walk())


def test_every_url_pattern_is_in_the_access_table():
    patterns = [*PATTERNS, *routable_patterns()]
    missing = sorted(f"{p.route}  ({p.key})" for p in patterns if roles_of(p) is None)
    assert missing == [], "URL sans règle d'accès :\n" + "\n".join(missing)
    keys = {p.key for p in patterns}
    stale = sorted((set(NAMED) | set(ROUTABLE)) - keys)
    assert stale == [], f"Entrées sans URL : {stale}"


def test_the_walk_reaches_the_project_admin_areas():
    keys = {p.key for p in PATTERNS}
    assert {"jury:home", "jury:sheet", "jury_member:index", "jury_round:edit", "labels_application:index",
            "labels_admin_reopen", "wagtailsnippets_interconnectes_person:edit", "labels:step", "search"} <= keys


# --- Each role on every pattern --------------------------------------------------------------------

@dataclass
class World:
    campaign: object
    application: object
    attachment: object
    round: object
    member: object
    organisation: object
    person: object
    venue: object
    theme: object


@pytest.fixture
def world(home):
    campaign = LabelCampaignPageFactory(parent=LabelIndexPageFactory(parent=home))
    application = SubmittedApplicationFactory(campaign=campaign)
    attachment = Attachment.objects.create(application=application, file=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n"),
                                           original_name="a.pdf", content_type="application/pdf", size=9)
    return World(campaign, application, attachment, JuryRoundFactory(campaign=campaign),
                 JuryMemberFactory(campaign=campaign), OrganisationFactory(), PersonFactory(), VenueFactory(),
                 EventThemeFactory())


PK_BY_NAMESPACE = {
    "labels": "application", "labels_application": "application", "jury_member": "member", "jury_round": "round",
    "wagtailsnippets_interconnectes_organisation": "organisation", "wagtailsnippets_interconnectes_person": "person",
    "wagtailsnippets_events_venue": "venue", "wagtailsnippets_events_eventtheme": "theme",
}


def sample_value(pattern, name, converter, world):
    """A value for one URL argument: this world's object for the project's ids, an unknown id otherwise."""
    objects = {"round_id": world.round, "application_id": world.application, "attachment_id": world.attachment,
               "attachment_pk": world.attachment, "campaign_id": world.campaign}
    if name in objects:
        return str(objects[name].pk)
    if name == "pk":
        attribute = PK_BY_NAMESPACE.get(pattern.key.split(":")[0])
        if pattern.key in ("labels_admin_ineligible", "labels_admin_reopen"):
            attribute = "application"
        return str(getattr(world, attribute).pk) if attribute else "999999"
    fixed = {"kind": "classement", "fmt": "csv", "slug": "organisation", "uidb64": "MQ",
             "token": "c0ffee-0123456789abcdef01234567"}
    if name in fixed:
        return fixed[name]
    return {"int": "999999", "uuid": str(uuid.UUID(int=1))}.get(converter, "inconnu")


REGEX_SAMPLES = {r"^((?:[\w\-]+/)*)$": "page-inconnue/", r"^.*/$": "page-inconnue/"}


def sample_path(pattern, world):
    path = ""
    for part in pattern.parts:
        text = str(part)
        if isinstance(part, RegexPattern):
            if text in REGEX_SAMPLES:
                path += REGEX_SAMPLES[text]
                continue
            text = text.lstrip("^").rstrip("$")
            text = re.sub(r"\((?:\?P<\w+>)?([^()]*)\)", lambda m: "999999" if r"\d" in m[1] else "inconnu", text)
            path += text.replace("\\.", ".").replace(".*", "inconnu")
        else:
            path += re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: sample_value(pattern, m[2], m[1], world), text)
    return "/" + path


def refused(response):
    """A refusal: to a login page, to the admin's dashboard, 403, 404 or 405 (wrong method)."""
    if response.status_code == 302:
        location = response["Location"]
        return "login" in location or "connexion" in location or location == "/admin/"
    return response.status_code in (400, 403, 404, 405)


def check(client, world, roles_allowed, *, only=None):
    """GET every pattern; those reserved to other roles must be refused, and nothing may answer 500."""
    errors, refusals = [], []
    for pattern in PATTERNS:
        roles = roles_of(pattern)
        if only is not None and not only(pattern, roles):
            continue
        url = sample_path(pattern, world)
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"{url} ({pattern.key}): {response.status_code}")
        elif not roles & roles_allowed and not refused(response):
            refusals.append(f"{url} ({pattern.key}, {sorted(roles)}): {response.status_code}")
    assert errors == [], "Erreurs serveur :\n" + "\n".join(errors)
    assert refusals == [], "Pages servies à qui ne devait pas les voir :\n" + "\n".join(refusals)


@pytest.fixture
def plain_client():
    return Client(raise_request_exception=False)


def test_anonymous_visitors_reach_public_urls_only(plain_client, world):
    check(plain_client, world, {PUBLIC})


def test_an_applicant_reaches_no_admin_url(plain_client, world):
    plain_client.force_login(world.application.owner)
    check(plain_client, world, {PUBLIC, AUTHENTICATED, APPLICANT},
          only=lambda pattern, roles: pattern.route.startswith("admin/") or APPLICANT not in roles)


def test_a_juror_reaches_nothing_of_the_admin(plain_client, world):
    """Jurors have no admin access: every admin URL but its login and its assets sends them to the admin's login."""
    plain_client.force_login(world.member.user)
    served = []
    for pattern in PATTERNS:
        if pattern.route.startswith("admin/") and PUBLIC not in roles_of(pattern):
            url = sample_path(pattern, world)
            response = plain_client.get(url)
            to_login = response.status_code == 302 and response["Location"].startswith("/admin/login/")
            if not (to_login or response.status_code == 405):  # 405: a POST-only view refuses the GET first
                served.append(f"{url} ({pattern.key}): {response.status_code}")
    assert served == [], "Pages de l'administration servies à un juré :\n" + "\n".join(served)


def test_an_editor_reaches_nothing_of_campaign_staff(plain_client, world):
    editor = user_with_permissions("wagtailadmin.access_admin", "wagtailimages.add_image",
                                   "wagtaildocs.add_document", "interconnectes.change_person")
    plain_client.force_login(editor)
    check(plain_client, world, {PUBLIC, AUTHENTICATED, EDITOR, ADMIN},
          only=lambda pattern, roles: STAFF in roles or JUROR in roles)


def test_campaign_staff_and_superusers_get_no_500_on_the_project_admin(plain_client, world):
    staff = user_with_permissions("wagtailadmin.access_admin", "labels.review_application")
    plain_client.force_login(staff)
    check(plain_client, world, {PUBLIC, AUTHENTICATED, STAFF},
          only=lambda pattern, roles: bool(roles & {STAFF, JUROR}) and pattern.route.startswith("admin/"))
    plain_client.force_login(UserFactory(is_staff=True, is_superuser=True))
    check(plain_client, world, {PUBLIC, AUTHENTICATED, APPLICANT, JUROR, STAFF, EDITOR, ADMIN},
          only=lambda pattern, roles: EDITOR in roles or STAFF in roles)
