"""Measure every kind of page of the demo site in chromium, against `interconnectes.budgets`.

One survey serves both the budget tests (`tests/browser/test_demo_site.py`)
and the figures script (`benchmarks/page_budgets.py`), so that the numbers a
reader of /ecoconception/ is promised, the numbers CI checks and the numbers
the script prints all come from the same measurement.

Serving, production-like. Django's live server (and pytest-django's) puts
`StaticFilesHandler` in front of the site: it serves the unhashed,
uncompressed files of the finders, which is not what a visitor downloads.
`production_like_server()` instead collects the static files into a
temporary STATIC_ROOT with WhiteNoise's `CompressedManifestStaticFilesStorage`
(hashed names, gzip variants), turns `WHITENOISE_USE_FINDERS` and
`WHITENOISE_AUTOREFRESH` off, keeps DEBUG off, and starts Django's
`LiveServerThread` with no static handler: every request goes through the
project's own WSGI application and middleware (WhiteNoise included, and
whatever compression and header middleware the settings list), exactly as
under gunicorn. Only uploaded media (image renditions) are served by the
test server's media handler, as a web server or object store would in
production. This is simpler and sturdier than a gunicorn subprocess: the
server shares the test database connection (SQLite in memory) and needs no
port juggling or process clean-up.

Measuring. Each page is opened in a fresh browser context with the cache
disabled through the Chrome DevTools Protocol, so every figure is a first
visit: transfer size is the sum of `Network.loadingFinished.encodedDataLength`
(bytes on the wire, headers and compression included), requests are the
`Network.requestWillBeSent` events (the document and any redirect included),
DOM elements are `document.querySelectorAll("*").length`, counted before
axe-core touches the page. The page is scrolled to the bottom first, so
lazy images count, as in the EcoIndex method. The EcoIndex comes from the
`ecoindex-compute` package, fed with those three figures.
"""

import asyncio
import shutil
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings

from interconnectes import budgets, clock
from tests.browser import checkers

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
GRADES = "ABCDEFG"
WIDE, PHONE = {"width": 1280, "height": 800}, {"width": 375, "height": 800}
MODERN_IMAGES = {"image/avif", "image/webp", "image/svg+xml"}
FOCUS_STOPS = 15

PUBLIC, VISITOR, APPLICANT, JUROR, STAFF = "public", "visitor", "applicant", "juror", "staff"
AGENT, REFERENT = "agent", "referent"  # a verified agent and the référente of Nantes Métropole (accounts/demo.py)
ACCOUNTS = {
    APPLICANT: ("candidate@example.org", "interconnectes-candidat"),
    JUROR: ("jure1@example.org", "interconnectes-jury"),
    STAFF: ("equipe@example.org", "interconnectes-equipe"),
    AGENT: ("agent1@nantes-metropole.example.org", "interconnectes-agent"),
    REFERENT: ("referente@nantes-metropole.example.org", "interconnectes-referente"),
}


@dataclass(frozen=True)
class PageKind:
    """A kind of page to measure: who opens it, which budget holds it and, for forms, the errors to show.

    `audience` PUBLIC is an anonymous reader (no cookie allowed); VISITOR an
    anonymous visitor on a form page, where the CSRF cookie is needed;
    the others are logged-in accounts of the demo. `errors` names the
    invalid submission made before measuring (the page then shows its errors).
    """

    key: str
    label: str
    budget: budgets.Budget
    audience: str = PUBLIC
    errors: str = ""


PAGE_KINDS = (
    PageKind("home", "Home", budgets.HOME_PAGE),
    PageKind("standard", "Standard page", budgets.CONTENT_PAGE),
    PageKind("manifesto-index", "Manifesto index", budgets.LISTING_PAGE),
    PageKind("manifesto", "Manifesto", budgets.CONTENT_PAGE),
    PageKind("agenda", "Agenda", budgets.LISTING_PAGE),
    PageKind("tour", "Tour", budgets.LISTING_PAGE),
    PageKind("journee", "Journée expert", budgets.CONTENT_PAGE),
    PageKind("forum", "Forum", budgets.CONTENT_PAGE),
    PageKind("speaker", "Speaker", budgets.CONTENT_PAGE),
    PageKind("speakers", "Speaker index", budgets.LISTING_PAGE),
    PageKind("site-map", "HTML site map", budgets.LISTING_PAGE),
    PageKind("search", "Search results", budgets.LISTING_PAGE),
    PageKind("campaign", "Open campaign", budgets.CONTENT_PAGE),
    PageKind("laureates", "Laureates archive", budgets.LISTING_PAGE),
    PageKind("library", "AI library index", budgets.LISTING_PAGE),
    PageKind("use-case", "AI use case", budgets.CONTENT_PAGE),
    PageKind("comparison", "AI use case comparison", budgets.LISTING_PAGE),
    PageKind("implementation", "AI implementation", budgets.CONTENT_PAGE),
    PageKind("library-request", "AI expert access request", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("library-contact", "AI contact message form", budgets.APPLICATION_PAGE, AGENT),
    PageKind("library-manage", "AI expert access and downloads", budgets.LISTING_PAGE, REFERENT),
    PageKind("library-decide", "AI expert access decision", budgets.APPLICATION_PAGE, REFERENT),
    PageKind("library-filtered", "AI library filtered", budgets.LISTING_PAGE),
    PageKind("library-open-data", "AI library open data", budgets.CONTENT_PAGE),
    PageKind("library-report", "AI library error report", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("history", "AI implementation history", budgets.CONTENT_PAGE),
    PageKind("library-projects", "AI library: my projects", budgets.APPLICATION_PAGE, AGENT),
    PageKind("territoirprod-edition", "Territoir'Prod edition", budgets.LISTING_PAGE),
    PageKind("territoirprod-theme", "Territoir'Prod theme", budgets.CONTENT_PAGE),
    PageKind("replays", "Replays listing", budgets.LISTING_PAGE),
    PageKind("replay", "Event replay (public)", budgets.CONTENT_PAGE),
    PageKind("replay-members", "Territoir'Prod replay (members)", budgets.CONTENT_PAGE, AGENT),
    PageKind("community-space", "Community space", budgets.LISTING_PAGE, AGENT),
    PageKind("community-topic", "Community topic", budgets.CONTENT_PAGE, AGENT),
    PageKind("resources", "Resource space", budgets.LISTING_PAGE),
    PageKind("resource", "Resource", budgets.CONTENT_PAGE),
    PageKind("resource-collection", "Resource collection", budgets.LISTING_PAGE),
    PageKind("consultations", "AI consultations programme", budgets.CONTENT_PAGE),
    PageKind("consultations-register", "AI consultations: charter signatories", budgets.LISTING_PAGE),
    PageKind("consultations-charter", "AI consultations: charter version", budgets.CONTENT_PAGE),
    PageKind("consultations-synthesis", "AI consultations: synthesis of lessons", budgets.CONTENT_PAGE),
    PageKind("consultations-open-data", "AI consultations open data", budgets.CONTENT_PAGE),
    PageKind("consultation-records-open-data", "Consultation records open data", budgets.CONTENT_PAGE),
    PageKind("consultation-list", "Consultations list", budgets.LISTING_PAGE),
    PageKind("consultation-record", "Consultation record", budgets.CONTENT_PAGE),
    PageKind("accessibility", "Accessibility statement", budgets.CONTENT_PAGE),
    PageKind("ecodesign", "Eco-design statement", budgets.CONTENT_PAGE),
    PageKind("login", "Applicant login", budgets.APPLICATION_PAGE, VISITOR),
    PageKind("password-reset", "Password reset request", budgets.APPLICATION_PAGE, VISITOR),
    PageKind("password-reset-form", "Password reset form", budgets.APPLICATION_PAGE, VISITOR),
    PageKind("password-change", "Password change", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("password-change-errors", "Password change with errors", budgets.APPLICATION_PAGE, APPLICANT,
             errors="password"),
    PageKind("dashboard", "Applicant dashboard", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("step-organisation", "Step 1 organisation", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("step-projet", "Step 2 projet", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("step-impact", "Step 3 impact", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("step-pieces-jointes", "Step 4 attachments", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("step-recapitulatif", "Step 5 summary", budgets.APPLICATION_PAGE, APPLICANT),
    PageKind("step-errors", "Step 1 with errors", budgets.APPLICATION_PAGE, APPLICANT, errors="siren"),
    PageKind("jury-list", "Jury: files to score", budgets.LISTING_PAGE, JUROR),
    PageKind("score-form", "Jury: score form", budgets.APPLICATION_PAGE, JUROR),
    PageKind("score-errors", "Jury: score form with errors", budgets.APPLICATION_PAGE, JUROR, errors="score"),
    PageKind("ranking", "Jury: ranking", budgets.LISTING_PAGE, STAFF),
    PageKind("ranking-jurors", "Jury: jurors and charts", budgets.LISTING_PAGE, STAFF),
)
KINDS = {kind.key: kind for kind in PAGE_KINDS}

SEARCH_QUERY = "numérique"


def demo_urls():
    """The path of each kind of page in the demo content; a kind the demo lacks is left out.

    Reads the database: call it after `load_demo_content`, before the browser starts.
    """
    from django.db.models import Count

    from events.models import EventIndexPage, ForumPage, JourneeExpertPage, SessionParticipant
    from interconnectes.models import (
        AccessibilityStatementPage,
        EcodesignStatementPage,
        HomePage,
        StandardPage,
    )
    from jury.models import JuryRound
    from labels.models import Application, LabelIndexPage
    from labels.steps import STEPS
    from library.models import Implementation, LibraryIndexPage, UseCasePage
    from manifestes.models import ManifestoIndexPage, ManifestoPage

    def first(queryset):
        page = queryset.live().first()
        return page.url if page else None

    # The richest event of each kind: the one with the longest programme.
    journee = JourneeExpertPage.objects.live().annotate(n=Count("sessions")).order_by("-n", "pk").first()
    urls = {
        "home": first(HomePage.objects),
        "standard": first(StandardPage.objects.filter(slug="l-association")) or first(StandardPage.objects),
        "manifesto-index": first(ManifestoIndexPage.objects),
        "manifesto": first(ManifestoPage.objects.filter(slug="pour-des-territoires-numeriques-responsables")),
        "agenda": first(EventIndexPage.objects),
        "tour": journee and journee.get_parent().url,
        "journee": journee and journee.url,
        "forum": first(ForumPage.objects.annotate(n=Count("sessions")).order_by("-n", "pk")),
        "search": f"/recherche/?q={SEARCH_QUERY}",
        "login": "/compte/connexion/",
        "password-reset": "/compte/mot-de-passe/oublie/",
        "password-change": "/compte/mot-de-passe/changer/",
        "password-change-errors": "/compte/mot-de-passe/changer/",
        "dashboard": "/candidatures/",
        "site-map": "/plan-du-site/",
        "accessibility": first(AccessibilityStatementPage.objects),
        "ecodesign": first(EcodesignStatementPage.objects),
    }
    urls["password-reset-form"] = password_reset_link()
    participant = (SessionParticipant.objects.filter(session__page__live=True).select_related("person")
                   .order_by("person__slug").first())
    if participant and urls["agenda"]:
        urls["speaker"] = f"{urls['agenda']}intervenants/{participant.person.slug}/"
        urls["speakers"] = f"{urls['agenda']}intervenants/"
    library = LibraryIndexPage.objects.live().first()
    if library:
        urls["library"] = library.url
        # The use case with the most implementations (the canteens): its page, its comparison, one record.
        use_case = UseCasePage.objects.live().annotate(n=Count("implementations")).order_by("-n", "pk").first()
        implementation = use_case and use_case.implementations.order_by("pk").first()
        if implementation:
            urls["use-case"] = use_case.url
            urls["comparison"] = use_case.url + "comparaison/"
            urls["implementation"] = use_case.url + implementation.slug + "/"
            urls["library-report"] = f"/signaler-une-erreur/bibliotheque-ia/{implementation.pk}/"
        theme = use_case and use_case.theme
        urls["library-filtered"] = library.url + (f"?theme={theme.slug}&code=on" if theme else "?code=on")
        urls["library-open-data"] = "/donnees/bibliotheque-ia/"
        # Expert access and contacts: Nantes' canteens (a pending request), Lyon's contact without consent.
        from accounts.models import Grant
        from library.models import Contact

        nantes = Implementation.objects.filter(use_case__slug="cantines",
                                               lead_organisation__name="Nantes Métropole").first()
        silent = Contact.objects.filter(consented_at__isnull=True).order_by("pk").first()
        request = nantes and Grant.objects.filter(object_id=nantes.pk, decision="pending").order_by("pk").first()
        if nantes:
            urls["library-request"] = f"/bibliotheque-ia-acces/mises-en-oeuvre/{nantes.pk}/demande/"
            urls["library-manage"] = "/bibliotheque-ia-acces/"
        if silent:
            urls["library-contact"] = f"/bibliotheque-ia-acces/contacts/{silent.pk}/ecrire/"
        if request:
            urls["library-decide"] = f"/bibliotheque-ia-acces/demandes/{request.pk}/"
        # The record with the longest history (the demo's canteens of Nantes Métropole: two versions).
        from library.models import Implementation
        from reviews.models import Version

        version = Version.objects.filter(content_type__app_label="library").order_by("-number", "pk").first()
        record = version and Implementation.objects.select_related("use_case").filter(pk=version.object_id).first()
        if record:
            urls["history"] = record.use_case.url + record.slug + "/historique/"
        urls["library-projects"] = "/projets-ia/"
    from territoirprod.models import EditionPage, ThemePage

    # The past edition with its twelve sequences, and the theme of the current one whose sequence is tomorrow.
    edition = EditionPage.objects.live().order_by("label").first()
    if edition:
        urls["territoirprod-edition"] = edition.url
        urls["territoirprod-theme"] = first(ThemePage.objects.exclude(path__startswith=edition.path)
                                            .filter(slug="ia")) or first(ThemePage.objects)
    from replays.models import Replay, Visibility

    urls["replays"] = "/replays/"
    for key, visibility in (("replay", Visibility.PUBLIC), ("replay-members", Visibility.MEMBERS)):
        replay = Replay.objects.announced().filter(visibility=visibility).exclude(video="").order_by("pk").first()
        if replay:
            urls[key] = f"/replays/{replay.slug}/"
    # The community: the IA theme's space and its topic with an accepted answer (community/demo.py).
    from community.models import Topic

    answered = Topic.objects.filter(accepted_post__isnull=False).select_related("space").order_by("pk").first()
    if answered:
        urls["community-space"] = f"/communaute/{answered.space.slug}/"
        urls["community-topic"] = f"/communaute/sujet/{answered.pk}/"
    from resources.models import Collection, Resource, ResourceIndexPage

    space = ResourceIndexPage.objects.live().first()
    guide = Resource.objects.public().filter(kind="guide").order_by("pk").first()
    kit = Collection.objects.order_by("sort_order", "pk").first()
    if space and guide and kit:
        urls["resources"] = space.url
        urls["resource"] = space.resource_url(guide.slug)
        urls["resource-collection"] = space.collection_url(kit.slug)
    from consultations.models import CharterVersion, Consultation, ConsultationProgrammePage

    programme = ConsultationProgrammePage.objects.live().first()
    if programme:
        urls["consultations"] = programme.url
        urls["consultations-register"] = programme.url + "signataires/"
        urls["consultations-synthesis"] = programme.url + "enseignements/"
        urls["consultations-open-data"] = "/donnees/concertations-ia/"
        urls["consultation-records-open-data"] = "/donnees/concertations-ia-concertations/"
        version = CharterVersion.objects.public().order_by("-number").first()
        if version:
            urls["consultations-charter"] = f"{programme.url}charte/{version.number}/"
    # The consultation records: the list, and the record with the longest follow-up (the demo's Café IA of Nantes).
    consultation = (Consultation.objects.published().annotate(n=Count("follow_ups__entries"))
                    .order_by("-n", "pk").first())
    if consultation:
        urls["consultation-list"] = "/concertations-ia/concertations/"
        urls["consultation-record"] = consultation.get_absolute_url()
    labels_index = LabelIndexPage.objects.live().first()
    if labels_index:
        urls["laureates"] = labels_index.url + "laureats/"
    draft = Application.objects.filter(owner__email=ACCOUNTS[APPLICANT][0]).order_by("pk").first()
    if draft:
        urls["campaign"] = draft.campaign.url  # the demo applicant's draft is in the open campaign
        for step in STEPS:
            urls[f"step-{step.slug}"] = f"/candidatures/{draft.pk}/etape/{step.slug}/"
        urls["step-errors"] = urls["step-organisation"]
    final = JuryRound.objects.filter(number=2).order_by("-pk").first()
    if final:
        urls["jury-list"] = f"/jury/tour/{final.pk}/"
        # The ranking staff deliberate on: the first round's, complete (every file, every juror).
        first_round = JuryRound.objects.filter(campaign=final.campaign, number=1).first() or final
        urls["ranking"] = f"/jury/tour/{first_round.pk}/classement/"
        urls["ranking-jurors"] = urls["ranking"] + "?vue=jures"
        sheet = scoreable_sheet(final)
        if sheet:
            urls["score-form"] = urls["score-errors"] = sheet
    return {key: url for key, url in urls.items() if url}


def password_reset_link():
    """The link of a password reset message, for a demo account the survey never logs in with: a login
    changes the account's last login, which the reset token depends on, and would void the link."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = (get_user_model().objects.filter(is_active=True)
            .exclude(email__in=[email for email, _password in ACCOUNTS.values()]).order_by("pk").first())
    if user is None:
        return None
    return reverse("accounts:password_reset_confirm", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)})


def scoreable_sheet(final):
    """A sheet the demo juror may score in the final: the first the scoring state opens to them. The demo's
    final is closed, awaiting publication, so staff first reopen one file for that juror, with a reason, as
    they would to let a juror correct a score before deliberating."""
    import datetime

    from django.contrib.auth import get_user_model

    from jury import scoring_state
    from jury.models import Assignment
    from jury.phases import RoundPhase
    from jury.services import scores

    assignments = list(Assignment.objects.filter(round=final, juror__user__email=ACCOUNTS[JUROR][0])
                       .select_related("juror__user", "juror").order_by("application_id"))
    now = clock.now()
    for reopened in (False, True):
        for assignment in assignments:
            state = scoring_state.load(assignment.juror.user, final.pk, assignment.application_id, now)
            if state is not None and state.may_score:
                return f"/jury/tour/{final.pk}/candidature/{assignment.application_id}/"
        if reopened or not assignments or final.phase(now) in (RoundPhase.UPCOMING, RoundPhase.OPEN):
            return None
        staff = get_user_model().objects.get(email=ACCOUNTS[STAFF][0])
        for assignment in assignments:
            scores.unlock(final, assignment.juror, by=staff, reason="Relecture d'une note avant la délibération",
                          until=now + datetime.timedelta(days=1), application=assignment.application, now=now)
    return None


@contextmanager
def production_like_server():
    """Serve the site as in production (see the module docstring); yields its base URL."""
    static_root = tempfile.mkdtemp(prefix="interconnectes-static-")
    storages = {**settings.STORAGES,
                "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    overrides = override_settings(DEBUG=False, STATIC_ROOT=static_root, STORAGES=storages,
                                  WHITENOISE_USE_FINDERS=False, WHITENOISE_AUTOREFRESH=False)
    # An in-memory SQLite database exists only through its connection: the server thread shares it.
    shared = {}
    for connection in connections.all():
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            shared[connection.alias] = connection
    try:
        with overrides:
            call_command("collectstatic", interactive=False, verbosity=0)
            for connection in shared.values():
                connection.inc_thread_sharing()
            thread = LiveServerThread("127.0.0.1", static_handler=_no_static_handler, connections_override=shared)
            thread.daemon = True
            thread.start()
            thread.is_ready.wait()
            if thread.error:
                raise thread.error
            try:
                yield f"http://127.0.0.1:{thread.port}"
            finally:
                # The connection stays shared: the server does not wait for its request threads, and one
                # holding a connection the browser kept alive closes its database connection when the
                # browser lets go, later. Closing an in-memory SQLite connection does nothing, but from
                # another thread Django refuses it unless the connection is still marked as shared.
                thread.terminate()
                end_lingering_sessions()
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


def end_lingering_sessions():
    """On PostgreSQL, end the sessions the server's request threads may still hold on the test database (a
    request thread closes its connection only when the browser lets go of it), so that none keeps a lock the
    next test's flush or transaction would wait on."""
    for connection in connections.all():
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = current_database() AND pid <> pg_backend_pid()")


def _no_static_handler(application):
    """Static files are the application's business (WhiteNoise), not the test server's."""
    return application


def ecoindex(dom_elements, requests, transfer_bytes):
    """The EcoIndex (score, grade) of a page from its three figures, by the `ecoindex-compute` package.

    The package's API is a coroutine; it is run on its own thread because
    Playwright's synchronous API already runs an event loop on this one.
    """
    from ecoindex.compute import compute_ecoindex

    def run():
        with warnings.catch_warnings():
            # compute_ecoindex goes through get_ecoindex, which the package marks as deprecated.
            warnings.simplefilter("ignore", DeprecationWarning)
            return asyncio.run(compute_ecoindex(nodes=dom_elements, size=transfer_bytes / budgets.KB,
                                                requests=requests))

    with ThreadPoolExecutor(max_workers=1) as pool:
        result = pool.submit(run).result()
    return float(result.score), str(getattr(result.grade, "value", result.grade))


@dataclass
class PageFigures:
    """What was measured on one page; `problems()` compares it with the page's budget."""

    kind: PageKind
    url: str
    transfer_bytes: int = 0
    requests: int = 0
    dom_elements: int = 0
    ecoindex_score: float = 0.0
    ecoindex_grade: str = "G"
    load_ms: int = 0  # navigation start to the load event, first visit
    cookies: list = field(default_factory=list)
    other_hosts: list = field(default_factory=list)
    fonts: list = field(default_factory=list)
    old_format_images: list = field(default_factory=list)
    images: list = field(default_factory=list)  # (viewport width, url, natural width, displayed width)
    scroll_width_320: int = 0
    outside_320: list = field(default_factory=list)  # elements sticking out of a 320 px screen, unscrollable
    autoplay: list = field(default_factory=list)
    carousels: list = field(default_factory=list)
    moving_with_reduced_motion: list = field(default_factory=list)
    first_tab_stop: str = ""
    skip_link_first: bool = False
    focus_invisible: list = field(default_factory=list)
    focus_stops: int = 0
    menu_toggle: bool = False
    axe_violations: int = 0
    axe_report: str = ""
    no_js_problems: list = field(default_factory=list)
    csp_violations: list = field(default_factory=list)  # what the Content-Security-Policy refused
    errors_shown: bool = False
    html: str = ""  # the document as served, for the Nu HTML checker
    html_errors: list = field(default_factory=list)  # Nu HTML checker (`checkers.py`), "line N: message"
    html_warnings: list = field(default_factory=list)
    ibm_violations: list = field(default_factory=list)  # IBM Equal Access, level "violation"
    pa11y_errors: list = field(default_factory=list)  # pa11y's HTML_CodeSniffer, WCAG2AA errors

    @property
    def widest_image_ratio(self):
        ratios = [natural / shown for _width, _url, natural, shown in self.images if shown]
        return max(ratios, default=0.0)

    def problems(self):
        """Every way this page breaks its budget or the site's rules, as readable lines (empty: all good)."""
        budget, found = self.kind.budget, []
        if self.transfer_bytes > budget.transfer_bytes:
            found.append(f"transfer {self.transfer_bytes / budgets.KB:.1f} KB "
                         f"> {budget.transfer_bytes / budgets.KB:.0f} KB")
        if self.requests > budget.requests:
            found.append(f"{self.requests} requests > {budget.requests}")
        if self.dom_elements > budget.dom_elements:
            found.append(f"{self.dom_elements} DOM elements > {budget.dom_elements}")
        if GRADES.index(self.ecoindex_grade) > GRADES.index(budget.min_ecoindex_grade):
            found.append(f"EcoIndex {self.ecoindex_score:.0f} ({self.ecoindex_grade}) worse than "
                         f"{budget.min_ecoindex_grade}")
        if self.kind.audience == PUBLIC and self.cookies:
            found.append(f"cookies set for an anonymous reader: {self.cookies}")
        if self.other_hosts:
            found.append(f"requests to other hosts: {self.other_hosts}")
        if self.fonts:
            found.append(f"web fonts: {self.fonts}")
        if self.old_format_images:
            found.append(f"raster images neither AVIF nor WebP: {self.old_format_images}")
        for width, url, natural, shown in self.images:
            if natural > budgets.MAX_IMAGE_DENSITY * shown:
                found.append(f"at {width} px, {url} is {natural} px wide for {shown} px displayed "
                             f"(> {budgets.MAX_IMAGE_DENSITY}x)")
        if self.scroll_width_320 > budgets.MIN_VIEWPORT_WIDTH:
            found.append(f"horizontal scroll at {budgets.MIN_VIEWPORT_WIDTH} px (scrollWidth {self.scroll_width_320})")
        if self.outside_320:
            found.append(f"cut off at {budgets.MIN_VIEWPORT_WIDTH} px: {self.outside_320}")
        if self.autoplay:
            found.append(f"autoplay media: {self.autoplay}")
        if self.carousels:
            found.append(f"carousel: {self.carousels}")
        if self.moving_with_reduced_motion:
            found.append(f"animated despite prefers-reduced-motion: {self.moving_with_reduced_motion[:5]}")
        if not self.skip_link_first:
            found.append(f"the first Tab stop is not a skip link to the main content but {self.first_tab_stop!r}")
        if self.focus_invisible:
            found.append(f"focus not visible on: {self.focus_invisible}")
        if self.axe_violations:
            found.append(f"{self.axe_violations} axe-core violation(s):\n{self.axe_report}")
        found.extend(f"without JavaScript: {problem}" for problem in self.no_js_problems)
        if self.csp_violations:
            found.append(f"refused by the Content-Security-Policy: {self.csp_violations[:3]}")
        if self.kind.errors and not self.errors_shown:
            found.append("the invalid submission did not show its errors")
        return found

    def checker_problems(self):
        """What the Nu HTML checker, IBM Equal Access and pa11y find on this page, as readable lines."""
        return ([f"Nu HTML checker: {error}" for error in self.html_errors]
                + [f"IBM Equal Access: {violation}" for violation in self.ibm_violations]
                + [f"pa11y: {error}" for error in self.pa11y_errors])


class NetworkLog:
    """Every request of a page, read from the DevTools protocol with the browser cache disabled."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.responseReceived", self._received)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.loadingFailed", self._failed)
        self.reset()

    def reset(self):
        self.urls, self.pending, self.mime_types, self.kinds = [], set(), {}, {}
        self.bytes = 0

    def _sent(self, event):
        url = event["request"]["url"]
        if url.startswith(("data:", "blob:")):
            return
        if "redirectResponse" in event:  # the hop that redirected: its bytes, then the new request
            self.bytes += int(event["redirectResponse"].get("encodedDataLength", 0))
        self.urls.append(url)
        self.pending.add(event["requestId"])

    def _received(self, event):
        response = event["response"]
        self.mime_types[response["url"]] = response.get("mimeType", "")
        self.kinds[response["url"]] = event.get("type", "")

    def _finished(self, event):
        if event["requestId"] in self.pending:
            self.pending.discard(event["requestId"])
            self.bytes += int(event["encodedDataLength"])

    def _failed(self, event):
        self.pending.discard(event["requestId"])


SCROLL_THROUGH = """async () => {
  const frame = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const step = Math.max(200, window.innerHeight - 100);
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) { window.scrollTo(0, y); await frame(); }
  window.scrollTo(0, document.documentElement.scrollHeight); await frame();
  window.scrollTo(0, 0); await frame();
}"""
# Lazy images the scroll did not reach (a folded menu's) never load: only the others are waited for.
IMAGES_SETTLED = "() => [...document.images].every(image => image.complete || image.loading === 'lazy')"
IMAGES = """() => [...document.images]
  .filter(image => image.complete && image.naturalWidth > 0 && image.clientWidth > 0)
  .map(image => [image.currentSrc || image.src, image.naturalWidth, image.clientWidth])"""
DESCRIBE = """el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '')"""
MOTION_AND_MEDIA = f"""() => {{
  const describe = {DESCRIBE};
  const seconds = value => Math.max(0, ...value.split(',').map(part =>
    part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part) || 0));
  const moving = [];
  for (const el of document.querySelectorAll('*')) {{
    for (const pseudo of [null, '::before', '::after']) {{
      const style = getComputedStyle(el, pseudo);
      const animated = style.animationName !== 'none' && seconds(style.animationDuration) > 0.01;
      if (animated || seconds(style.transitionDuration) > 0.01) moving.push(describe(el) + (pseudo || ''));
    }}
  }}
  const autoplay = [...document.querySelectorAll('video[autoplay], audio[autoplay], iframe[src*="autoplay=1"]')]
    .map(describe);
  const carousels = [...document.querySelectorAll(
    '[aria-roledescription*="carousel" i], [aria-roledescription*="carrousel" i], marquee, ' +
    '[class*="carousel" i], [class*="carrousel" i], [class*="swiper" i], [class*="slider" i]')].map(describe);
  return {{moving, autoplay, carousels}};
}}"""
FOCUSED = f"""() => {{
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  // Focus on a button of a player's built-in controls leaves the player as the active element without
  // matching :focus: the ring is the browser's own, drawn on that button inside the player.
  const nativeControls = (el.tagName === 'VIDEO' || el.tagName === 'AUDIO') && el.controls && !el.matches(':focus');
  const href = el.getAttribute('href') || '';
  let target = null;
  if (href.startsWith('#') && href.length > 1) target = document.getElementById(decodeURIComponent(href.slice(1)));
  const main = document.querySelector('main');
  const skip = el.tagName === 'A' && !!target && !!main && (target === main || main.contains(target) ||
    target.contains(main));
  return {{name: ({DESCRIBE})(el) + ' "' + (el.innerText || el.value || '').trim().slice(0, 40) + '"',
          visible: outline || style.boxShadow !== 'none' || nativeControls, skip}};
}}"""
# At 320 px: the page's own horizontal scroll, and the text or controls that stick out of the screen outside
# any scrolling box (a page that hides the body's overflow would cut a too-wide table rather than scroll it).
# Visually hidden texts (clipped) and empty padding do not count: only what a reader would miss.
OVERFLOW = f"""() => {{
  const describe = {DESCRIBE};
  const limit = document.documentElement.clientWidth + 1;
  const excused = el => {{
    for (let node = el; node && node !== document.body; node = node.parentElement) {{
      const style = getComputedStyle(node);
      if (style.visibility === 'hidden' || style.clip !== 'auto' || style.clipPath !== 'none') return true;
      if (node !== el && ['auto', 'scroll'].includes(style.overflowX)) return true;
      const box = node.getBoundingClientRect();
      if (style.overflow === 'hidden' && box.width <= 1) return true;
    }}
    return false;
  }};
  const out = new Set();
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {{
    if (!node.data.trim() || !node.parentElement || out.has(node.parentElement)) continue;
    range.selectNodeContents(node);
    const overflows = [...range.getClientRects()].some(box => box.right > limit);
    if (overflows && !excused(node.parentElement)) out.add(node.parentElement);
  }}
  const replaced = 'img, svg, video, iframe, canvas, input, select, textarea, button';
  for (const el of document.body.querySelectorAll(replaced)) {{
    const box = el.getBoundingClientRect();
    if (box.width > 1 && box.right > limit && !excused(el)) out.add(el);
  }}
  return {{scrollWidth: document.documentElement.scrollWidth, outside: [...out].map(describe).slice(0, 5)}};
}}"""
READABLE = """() => {
  const main = document.querySelector('main');
  return {main: !!main, h1: document.querySelectorAll('h1').length,
          text: main ? main.innerText.trim().length : 0};
}"""


class Survey:
    """Opens each kind of page in chromium and measures it (see the module docstring)."""

    def __init__(self, browser, base_url, urls):
        self.browser, self.base_url, self.urls = browser, base_url, urls
        self.host = urlsplit(base_url).netloc
        self.axe = Axe()
        self.in_page = checkers.InPageCheckers()
        self.checker_seconds = 0.0  # the time the validators of `checkers.py` add to the survey
        self.sessions = {}
        self.no_js_forms = {}

    def run(self, kinds=PAGE_KINDS):
        """Measure every kind the demo has; returns {key: PageFigures}."""
        self.warm_up()
        present = [kind for kind in kinds if kind.key in self.urls]
        pa11y = checkers.Pa11yRun(sorted({self.base_url + self.urls[kind.key] for kind in present
                                          if self.pa11y_reaches(kind)}))
        try:
            figures = {kind.key: self.measure(kind) for kind in present}
            for kind in present:
                figures[kind.key].no_js_problems = self.read_without_javascript(kind)
            self.no_js_forms = self.forms_without_javascript()
            self.validate(figures, pa11y)
        finally:
            pa11y.stop()
        return figures

    @staticmethod
    def pa11y_reaches(kind):
        """pa11y itself checks the pages an anonymous visitor opens with a plain GET; the survey runs its
        in-page script on the others (see `checkers.py`)."""
        return kind.audience in (PUBLIC, VISITOR) and not kind.errors

    def validate(self, figures, pa11y):
        """The Nu HTML checker on every page as served (one Java run), and pa11y's findings on the pages it
        reaches (`pa11y` has been checking them since the survey began)."""
        started = time.perf_counter()
        checked = checkers.nu_html_check({key: page.html for key, page in figures.items() if page.html})
        for key, (errors, warnings_) in checked.items():
            figures[key].html_errors, figures[key].html_warnings = errors, warnings_
        found = pa11y.results()
        for key, page in figures.items():
            if self.pa11y_reaches(page.kind):
                figures[key].pa11y_errors = found[self.base_url + self.urls[key]]
        self.checker_seconds += time.perf_counter() - started

    def warm_up(self):
        """Request every page once, so that load times are a running server's, not its first requests'.

        (Templates are compiled and image renditions generated on first use; sizes do not change.)
        """
        context = self.browser.new_context()
        for path in sorted(set(self.urls.values())):
            context.request.get(self.base_url + path)
        context.close()

    # Contexts ------------------------------------------------------------------------------------

    def new_context(self, audience, **options):
        """A fresh context for one kind of page: an anonymous one, or one carrying the account's session."""
        if audience in ACCOUNTS and audience not in self.sessions:
            context = self.browser.new_context(viewport=WIDE, **options)
            self.log_in(context.new_page(), audience)
            self.sessions[audience] = context.storage_state()
            context.close()
        state = self.sessions.get(audience)
        return self.browser.new_context(viewport=WIDE, storage_state=state, **options)

    def log_in(self, page, audience):
        """Applicants, jurors and campaign staff alike log in on the site's own login page."""
        email, password = ACCOUNTS[audience]
        page.goto(self.base_url + "/compte/connexion/")
        page.get_by_label("Adresse e-mail").fill(email)
        page.get_by_label("Mot de passe", exact=True).fill(password)
        button = page.get_by_role("button", name="Se connecter")
        with page.expect_navigation():
            button.click()
        if "connexion" in page.url or "/login/" in page.url:
            raise RuntimeError(f"login failed for {email}: {page.url}")

    # One page ------------------------------------------------------------------------------------

    def open(self, page, kind, log=None):
        """Open the page as the kind says: a plain visit, or an invalid submission that shows its errors.

        Returns the document's response (the submission's, for errors), the HTML as served."""
        url = self.base_url + self.urls[kind.key]
        if not kind.errors:
            if log:
                log.reset()
            return page.goto(url)
        page.goto(url)
        if kind.errors == "siren":
            page.get_by_label("SIREN").fill("123")
            button = page.get_by_role("button", name="Enregistrer le brouillon")
        elif kind.errors == "password":  # the password change sent empty
            button = page.get_by_role("button", name="Changer le mot de passe")
        else:  # a score out of range on the jury's sheet
            page.locator("input[name^=score_]").first.fill("99")
            button = page.get_by_role("button", name="Enregistrer mes notes")
        if log:
            log.reset()
        with page.expect_navigation() as navigation:
            button.click()
        return navigation.value

    def settle(self, page, log, timeout_ms=5000):
        """Scroll through the page so lazy images load, then wait until no request is in flight."""
        page.evaluate(SCROLL_THROUGH)
        waited = 0
        while waited < timeout_ms:
            if not log.pending and page.evaluate(IMAGES_SETTLED):
                break
            page.wait_for_timeout(50)
            waited += 50

    def measure(self, kind):
        context = self.new_context(kind.audience, reduced_motion="reduce")
        page = context.new_page()
        refused = []
        page.on("console", lambda message: refused.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text else None)
        log = NetworkLog(page)
        response = self.open(page, kind, log)
        figures = PageFigures(kind, page.url, csp_violations=refused)
        figures.html = response.text() if response else ""
        figures.dom_elements = page.evaluate("() => document.querySelectorAll('*').length")
        figures.load_ms = round(page.evaluate(
            "() => { const [n] = performance.getEntriesByType('navigation'); return n ? n.loadEventEnd : 0; }"))
        self.tab_through(page, figures)
        self.settle(page, log)
        figures.transfer_bytes, figures.requests = log.bytes, len(log.urls)
        figures.ecoindex_score, figures.ecoindex_grade = ecoindex(figures.dom_elements, figures.requests,
                                                                  figures.transfer_bytes)
        figures.other_hosts = sorted({urlsplit(url).netloc for url in log.urls} - {self.host})
        figures.fonts = [url for url in log.urls if log.kinds.get(url) == "Font"
                         or log.mime_types.get(url, "").startswith(("font/", "application/font", "application/x-font"))
                         or urlsplit(url).path.endswith((".woff", ".woff2", ".ttf", ".otf", ".eot"))]
        figures.old_format_images = sorted(
            url for url in set(log.urls)
            if (log.kinds.get(url) == "Image" or log.mime_types.get(url, "").startswith("image/"))
            and log.mime_types.get(url) not in MODERN_IMAGES)
        figures.images = [(WIDE["width"], *image) for image in page.evaluate(IMAGES)]
        motion = page.evaluate(MOTION_AND_MEDIA)
        figures.moving_with_reduced_motion = motion["moving"]
        figures.autoplay, figures.carousels = motion["autoplay"], motion["carousels"]
        figures.errors_shown = bool(kind.errors) and page.locator(".errorlist, .error-message, [aria-invalid=true]") \
            .count() > 0
        violations, reports = self.run_axe(page)
        started = time.perf_counter()
        figures.ibm_violations = self.in_page.ibm(page)
        if not self.pa11y_reaches(kind):
            figures.pa11y_errors = self.in_page.pa11y(page)
        self.checker_seconds += time.perf_counter() - started
        # On a phone: the sources <picture> and srcset choose, the menu if the header folds one, and 320 px.
        page.set_viewport_size(PHONE)
        self.open(page, kind, log)
        self.settle(page, log)
        figures.images += [(PHONE["width"], *image) for image in page.evaluate(IMAGES)]
        toggle = page.locator("header button[aria-expanded]")
        if toggle.count() and toggle.first.is_visible():
            figures.menu_toggle = True
            toggle.first.click()
            more, report = self.run_axe(page)
            violations, reports = violations + more, reports + report
        page.set_viewport_size({"width": budgets.MIN_VIEWPORT_WIDTH, "height": 800})
        overflow = page.evaluate(OVERFLOW)
        figures.scroll_width_320, figures.outside_320 = overflow["scrollWidth"], overflow["outside"]
        figures.axe_violations, figures.axe_report = violations, reports
        figures.cookies = sorted(cookie["name"] for cookie in context.cookies())
        context.close()
        return figures

    def run_axe(self, page):
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                              "resultTypes": ["violations"]})
        return results.violations_count, (results.generate_report() if results.violations_count else "")

    def tab_through(self, page, figures):
        """Tab from the top of the page: the skip link first, then a visible focus on every stop."""
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
        for stop in range(FOCUS_STOPS):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None:
                break
            figures.focus_stops += 1
            if stop == 0:
                figures.first_tab_stop, figures.skip_link_first = focused["name"], focused["skip"]
            if not focused["visible"]:
                figures.focus_invisible.append(focused["name"])

    # Without JavaScript --------------------------------------------------------------------------

    def read_without_javascript(self, kind):
        """The page still shows its main content with JavaScript off."""
        context = self.new_context(kind.audience, java_script_enabled=False)
        page = context.new_page()
        self.open(page, kind)
        readable = page.evaluate(READABLE)
        problems = []
        if not readable["main"] or readable["h1"] != 1 or readable["text"] < 40:
            problems.append(f"no readable main content ({readable})")
        if kind.audience == PUBLIC and context.cookies():
            problems.append(f"cookies {[cookie['name'] for cookie in context.cookies()]}")
        context.close()
        return problems

    def forms_without_javascript(self):
        """The forms a visitor, an applicant and a juror fill, used with JavaScript off: {form: problem or ""}."""
        results = {}
        context = self.browser.new_context(viewport=WIDE, java_script_enabled=False)
        page = context.new_page()
        page.goto(self.base_url + "/")
        page.locator("#header-q").fill(SEARCH_QUERY)
        with page.expect_navigation():
            page.locator("#header-q").press("Enter")
        found = page.locator(".search-results li").count()
        cookies = [cookie["name"] for cookie in context.cookies()]
        results["search"] = "; ".join(
            ([] if "/recherche/" in page.url and found else [f"no result listed at {page.url}"])
            + ([f"cookies {cookies}"] if cookies else []))
        context.close()

        if "step-organisation" in self.urls:
            context = self.browser.new_context(viewport=WIDE, java_script_enabled=False)
            page = context.new_page()
            self.log_in(page, APPLICANT)
            page.goto(self.base_url + self.urls["step-organisation"])
            page.locator("[name=contact_role]").fill("Chargée de mission sans JavaScript")
            with page.expect_navigation():
                page.get_by_role("button", name="Enregistrer le brouillon").click()
            saved = "Brouillon enregistré" in page.content()
            page.goto(self.base_url + self.urls["step-organisation"])
            kept = page.locator("[name=contact_role]").input_value() == "Chargée de mission sans JavaScript"
            results["application step"] = "" if saved and kept else f"draft not saved (message {saved}, kept {kept})"
            context.close()

        if "score-form" in self.urls:
            context = self.browser.new_context(viewport=WIDE, java_script_enabled=False)
            page = context.new_page()
            self.log_in(page, JUROR)
            page.goto(self.base_url + self.urls["score-form"])
            page.locator("input[name^=score_]").first.fill("7")
            with page.expect_navigation():
                page.get_by_role("button", name="Enregistrer mes notes").click()
            saved = page.get_by_text("Notes enregistrées").count() > 0
            results["score form"] = "" if saved else "scores not saved"
            context.close()
        return results


def survey(browser, base_url, urls, kinds=PAGE_KINDS):
    """Measure every kind of page the demo has: ({key: PageFigures}, {form: problem}) ."""
    run = Survey(browser, base_url, urls)
    figures = run.run(kinds)
    return figures, run.no_js_forms
