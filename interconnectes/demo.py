"""Demo content of the site-wide pages, from the association's presentation (seeds 003)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from interconnectes import canonical, clock
from interconnectes.demo_media import get_or_create_image
from interconnectes.demo_pages import get_or_create, get_or_create_page, stream
from interconnectes.models import (
    HomeKeyFigure,
    HomePage,
    MemberYear,
    NavigationItem,
    NavigationSettings,
    Organisation,
    OrganisationKind,
    Person,
    SiteSettings,
    StandardPage,
)
from interconnectes.regions import Region

ADMIN = ("Administration (éditeur)", "admin", "interconnectes-admin")
ACCOUNTS = [ADMIN]

K = OrganisationKind
R = Region
# name: (kind, region, member, website)
ORGANISATIONS = {
    "Les Interconnectés": (K.ASSOCIATION, "", False, "https://www.interconnectes.com"),
    "France urbaine": (K.ASSOCIATION, "", False, "https://franceurbaine.org"),
    "Intercommunalités de France": (K.ASSOCIATION, "", False, "https://www.intercommunalites.fr"),
    "AMF": (K.ASSOCIATION, "", False, ""),
    "AMRF": (K.ASSOCIATION, "", False, ""),
    "APVF": (K.ASSOCIATION, "", False, ""),
    "Avicca": (K.ASSOCIATION, "", False, ""),
    "FNCCR": (K.ASSOCIATION, "", False, ""),
    "OpenData France": (K.ASSOCIATION, "", False, ""),
    "Villes de France": (K.ASSOCIATION, "", False, ""),
    "Nantes Métropole": (K.METROPOLE, R.PAYS_DE_LA_LOIRE, True, ""),
    "Toulouse Métropole": (K.METROPOLE, R.OCCITANIE, True, ""),
    "Communauté d'Agglomération du Sicoval": (K.INTERCOMMUNALITE, R.OCCITANIE, True, ""),
    "Communauté de communes de Lacq-Orthez": (K.INTERCOMMUNALITE, R.NOUVELLE_AQUITAINE, True, ""),
    "Montpellier Méditerranée Métropole": (K.METROPOLE, R.OCCITANIE, True, ""),
    "Tours Métropole Val de Loire": (K.METROPOLE, R.CENTRE_VAL_DE_LOIRE, True, ""),
    "Région Centre-Val de Loire": (K.REGION, R.CENTRE_VAL_DE_LOIRE, True, ""),
    "Métropole Aix-Marseille-Provence": (K.METROPOLE, R.PROVENCE_ALPES_COTE_D_AZUR, True, ""),
    "Rennes Ville et Métropole": (K.METROPOLE, R.BRETAGNE, True, ""),
    "Ville de Nancy": (K.COMMUNE, R.GRAND_EST, True, ""),
}

# name: (current role, organisation)
PEOPLE = {
    "Francky Trichet": ("Président des Interconnectés, vice-président de Nantes Métropole", "Nantes Métropole"),
    "Jacques Oberti": ("Président", "Communauté d'Agglomération du Sicoval"),
    "Bertrand Serp": ("Vice-président", "Toulouse Métropole"),
    "Marlène Le Dieu De Ville": ("Co-présidente de la commission numérique", "Communauté de communes de Lacq-Orthez"),
    "Céline Colucci": ("Déléguée générale", "Les Interconnectés"),
    "Manu Reynaud": ("Adjoint au Maire de Montpellier, conseiller métropolitain", "Montpellier Méditerranée Métropole"),
    "Laurent Watrin": ("Adjoint au Maire de Nancy", "Ville de Nancy"),
}

ABOUT_PAGES = [
    (
        "l-association",
        "L'association",
        "Créée en 2009, les Interconnectés est la première association française de collectivités dédiée aux "
        "enjeux numériques.",
        [
            ("rich_text", "<h2>Notre mission</h2><p>Porter la voix des territoires, accompagner la montée en "
             "compétences des équipes et faciliter la mise en œuvre sur le terrain d'un numérique social, sobre "
             "et éthique.</p><h2>Notre force</h2><p>L'intelligence collective et le partage entre pairs et "
             "experts.</p><p>Proposant des rendez-vous nationaux et régionaux — le Forum annuel, les sessions de "
             "formation Territoir'Prod, les Journées experts —, le réseau est également un catalyseur et un "
             "révélateur des projets à l'œuvre dans les territoires, à travers ses labels « Territoire innovant » "
             "et « Start-up interconnectée ».</p>"),
            ("key_figures", {"heading": "L'année 2023 en chiffres", "figures": [
                {"value": "2 200", "label": "participants aux événements"},
                {"value": "1 300", "label": "collectivités adhérentes"},
                {"value": "7", "label": "Journées experts"},
                {"value": "5", "label": "Territoir'Prod"},
                {"value": "1", "label": "Forum national"},
            ]}),
            ("rich_text", "<h2>Un engagement collectif</h2><ul><li>Un conseil d'administration de 14 élus "
             "représentant la diversité des territoires</li><li>Un président : Francky Trichet, vice-président de "
             "Nantes Métropole</li><li>Un secrétaire : Jacques Oberti, président du Sicoval</li><li>Une équipe de 5 "
             "personnes et un lien privilégié avec les associations fondatrices, Intercommunalités de France et "
             "France urbaine</li></ul>"),
        ],
    ),
    (
        "commission-numerique",
        "La commission numérique",
        "Constituée d'élus, la commission numérique est un espace d'élaboration collective de propositions sur les "
        "axes stratégiques majeurs du numérique et de l'innovation des territoires.",
        [
            ("key_figures", {"heading": "", "figures": [
                {"value": "350", "label": "membres"},
                {"value": "3", "label": "manifestes stratégiques"},
                {"value": "6", "label": "réunions par an"},
            ]}),
            ("rich_text", "<p>Acte fondateur, la publication du manifeste « Pour une nouvelle approche de la "
             "transformation numérique des territoires » en 2017 a lancé la commission numérique.</p><ul>"
             "<li>Défendre une vision politique de l'innovation</li><li>Avoir un dialogue équilibré avec l'État et "
             "les acteurs privés</li><li>Porter la voix des collectivités en matière de numérique au niveau "
             "national</li></ul><h2>Quatre co-présidents</h2><ul><li>Francky Trichet, Nantes Métropole</li>"
             "<li>Bertrand Serp, Toulouse Métropole</li><li>Jacques Oberti, Sicoval</li><li>Marlène Le Dieu De "
             "Ville, Communauté de communes de Lacq-Orthez</li></ul>"),
            ("quote", {"text": "Porter la voix des territoires !", "attribution": "La commission numérique"}),
        ],
    ),
]

LEGAL_PAGES = [
    ("mentions-legales", "Mentions légales",
     "Éditeur du site : association Les Interconnectés. Hébergement en France.",
     [("rich_text", "<h2>Éditeur</h2><p>Association Les Interconnectés, réseau des territoires innovants.</p>"
       "<h2>Hébergement</h2><p>Le site est hébergé en France, sur des serveurs de l'Union européenne.</p>"
       "<h2>Mesure d'audience</h2><p>Ce site n'utilise aucun traceur ni cookie de mesure d'audience.</p>")]),
    ("donnees-personnelles", "Données personnelles",
     "Ce site ne dépose aucun cookie pour les lecteurs anonymes et ne contient aucun traceur.",
     [("rich_text", "<h2>Lecture du site</h2><p>Aucun cookie n'est déposé, aucune donnée n'est transmise à un "
       "tiers.</p><h2>Candidatures aux labels</h2><p>Les données saisies dans une candidature servent uniquement "
       "à son instruction par l'association et le jury. Vous pouvez les télécharger et supprimer votre compte à "
       "tout moment depuis votre espace.</p>")]),
]


def build_organisations(context):
    context["organisations"] = {
        name: get_or_create(Organisation, {"name": name}, {"kind": kind, "region": region, "website": website})
        for name, (kind, region, _member, website) in ORGANISATIONS.items()
    }
    year = clock.now().year
    for name, (_kind, _region, member, _website) in ORGANISATIONS.items():
        if member:
            for member_year in (year - 1, year):
                MemberYear.objects.get_or_create(organisation=context["organisations"][name], year=member_year)
    context["people"] = {
        name: get_or_create(Person, {"name": name},
                            {"role": role, "organisation": context["organisations"][organisation]})
        for name, (role, organisation) in PEOPLE.items()
    }


def build_home(context):
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = site.root_page
        home = HomePage(
            title="Accueil",
            slug="accueil",
            seo_title="Les Interconnectés, réseau des territoires innovants",
            search_description="Première association de collectivités dédiée aux enjeux numériques.",
            hero_title="Le réseau des territoires innovants",
            hero_text="Créée en 2009, les Interconnectés est la première association française de collectivités "
            "dédiée aux enjeux numériques : porter la voix des territoires, accompagner la montée en compétences "
            "des équipes et faciliter la mise en œuvre d'un numérique social, sobre et éthique.",
            hero_image=get_or_create_image("Le réseau des Interconnectés", width=720, height=480),
            figures_heading="L'année 2023 en chiffres",
            labels_heading="Les labels « Territoire innovant » et « Start-up interconnectée »",
            labels_text="Chaque année, le Forum des Interconnectés récompense les territoires et les start-up aux "
            "projets innovants. Candidatez en ligne.",
            key_figures=[
                HomeKeyFigure(value="2 200", label="participants aux événements"),
                HomeKeyFigure(value="1 300", label="collectivités adhérentes"),
                HomeKeyFigure(value="7", label="Journées experts"),
                HomeKeyFigure(value="5", label="Territoir'Prod"),
                HomeKeyFigure(value="1", label="Forum national"),
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site.root_page = home
        site.site_name = "Les Interconnectés"
        site.save()
        if type(welcome.specific) is Page and not welcome.get_children().exists():
            welcome.delete()
    # Absolute links (feeds, sitemap, calendars, e-mails) on the address the site is served on: make run's.
    site.hostname, site.port = canonical.site_address(settings.WAGTAILADMIN_BASE_URL)
    site.save(update_fields=["hostname", "port"])
    context["home"] = home
    context["site"] = site


def build_standard_pages(context):
    home = context["home"]
    context["about_pages"] = [
        get_or_create_page(home, StandardPage, slug, title=title, intro=intro, body=stream(body))
        for slug, title, intro, body in ABOUT_PAGES
    ]
    context["legal_pages"] = {
        slug: get_or_create_page(home, StandardPage, slug, title=title, intro=intro, body=stream(body))
        for slug, title, intro, body in LEGAL_PAGES
    }


def build_settings(context):
    site = context["site"]
    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = "contact@example.org"
        site_settings.footer_text = ("Première association de collectivités dédiée aux enjeux numériques : un "
                                     "numérique social, sobre et éthique.")
        site_settings.legal_notice_page = context["legal_pages"]["mentions-legales"]
        site_settings.privacy_page = context["legal_pages"]["donnees-personnelles"]
        site_settings.save()
    context["navigation"] = NavigationSettings.for_site(site)


def add_to_navigation(context, page, label=""):
    """Append a page to the main menu once (later builders call it for their index pages)."""
    navigation = context["navigation"]
    if not navigation.items.filter(page=page).exists():
        NavigationItem.objects.create(settings=navigation, page=page, label=label,
                                      sort_order=navigation.items.count())


def build_account():
    _, username, password = ADMIN
    users = get_user_model().objects
    if not users.filter(username=username).exists():
        users.create_superuser(username, "admin@example.org", password, first_name="Équipe", last_name="Éditoriale")


def build(context):
    build_organisations(context)
    build_home(context)
    build_standard_pages(context)
    build_settings(context)
    add_to_navigation(context, context["about_pages"][0])
    build_account()
