"""Demo content of the labels: the index, an open campaign per label, last year's edition closed and in
jury deliberation (about 40 submitted applications), last year's start-up contest with its jury scoring
now, the edition before it with its results published, and a demo applicant account. Every date is
computed from the day the demo is loaded (year Y: edition Y open, Y-1 with the jury, Y-2 published).
The jury itself (members, rounds, scores, decisions, the publication of the older edition) is built by
`jury.demo`, which runs next. The start-ups' names are made up.

Facts from the association's documents (seeds 002, 003 and 004): the two labels, 21 to 25 laureates a
year, the territories engaged in the AI consultations and the AI project examples of the AI
sub-commission. Organisation identifiers (SIREN) are generated, not real. Addresses are on example.org.
"""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model

from interconnectes import clock
from interconnectes.demo import add_to_navigation
from interconnectes.demo_pages import get_or_create_page
from interconnectes.models.snippets import OrganisationKind as K
from interconnectes.regions import Region as R
from interconnectes.validators import luhn_valid
from labels import services
from labels.models import (
    Application,
    ApplicationStatus,
    ApplicationVersion,
    CampaignCategory,
    EvaluationCriterion,
    EventKind,
    Label,
    LabelCampaignPage,
    LabelIndexPage,
)
from labels.snapshot import snapshot

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
APPLICANT = ("Candidat aux labels (démo)", "candidate@example.org", "interconnectes-candidat")
ACCOUNTS = [APPLICANT]

CATEGORIES = [
    ("Transition écologique", "Sobriété, climat, biodiversité, alimentation, énergie."),
    ("Inclusion numérique", "Accès aux droits, médiation, accessibilité."),
    ("Data et IA", "Données, intelligence artificielle, algorithmes publics."),
    ("Relation à l'usager", "Démarches en ligne, accueil, participation citoyenne."),
    ("Services publics et maintenance", "Patrimoine, réseaux, mobilités, gestion des déchets."),
]
CRITERIA = [
    ("Intérêt pour le territoire", "Réponse à un besoin réel, public concerné.", 3, 10),
    ("Impact mesuré", "Résultats chiffrés, évaluation.", 3, 10),
    ("Numérique responsable", "Sobriété, inclusion, éthique, protection des données.", 2, 10),
    ("Reproductibilité", "Capacité d'autres collectivités à s'en inspirer, ouverture (code, données).", 2, 10),
]
# What the bottom, the middle and the top of each criterion's scale mean (the jurors' rubric), by criterion name.
RUBRICS = {
    "Intérêt pour le territoire": ("Aucun besoin identifié", "Besoin réel, public mal cerné",
                                   "Besoin documenté avec les habitants concernés"),
    "Impact mesuré": ("Aucun résultat", "Premiers résultats, sans évaluation", "Résultats chiffrés et évalués"),
    "Numérique responsable": ("Question ignorée", "Démarche engagée sur un ou deux volets",
                              "Sobriété, inclusion et données protégées, démontrées"),
    "Reproductibilité": ("Propre à la collectivité", "Reproductible avec un accompagnement",
                         "Code, données et méthode ouverts, déjà repris ailleurs"),
}

# name: (kind, region, population) — the territories engaged in the AI consultations (seed 004).
TERRITORIES = {
    "Nantes Métropole": (K.METROPOLE, R.PAYS_DE_LA_LOIRE, 680000),
    "Montpellier Méditerranée Métropole": (K.METROPOLE, R.OCCITANIE, 500000),
    "Rennes Ville et Métropole": (K.METROPOLE, R.BRETAGNE, 460000),
    "Toulouse Métropole": (K.METROPOLE, R.OCCITANIE, 800000),
    "Métropole Nice Côte d'Azur": (K.METROPOLE, R.PROVENCE_ALPES_COTE_D_AZUR, 560000),
    "Tours Métropole Val de Loire": (K.METROPOLE, R.CENTRE_VAL_DE_LOIRE, 300000),
    "Métropole du Grand Nancy": (K.METROPOLE, R.GRAND_EST, 255000),
    "Angers Loire Métropole": (K.METROPOLE, R.PAYS_DE_LA_LOIRE, 305000),
    "Roannais Agglomération": (K.INTERCOMMUNALITE, R.AUVERGNE_RHONE_ALPES, 100000),
    "Communauté de communes de Lacq-Orthez": (K.INTERCOMMUNALITE, R.NOUVELLE_AQUITAINE, 55000),
    "Communauté d'Agglomération du Sicoval": (K.INTERCOMMUNALITE, R.OCCITANIE, 80000),
    "Bordeaux Métropole": (K.METROPOLE, R.NOUVELLE_AQUITAINE, 830000),
    "Quimperlé Communauté": (K.INTERCOMMUNALITE, R.BRETAGNE, 57000),
    "Communauté d'Agglomération Paris-Saclay": (K.INTERCOMMUNALITE, R.ILE_DE_FRANCE, 320000),
    "Métropole Rouen Normandie": (K.METROPOLE, R.NORMANDIE, 490000),
    "Communauté d'Agglomération de Béthune-Bruay Artois Lys Romane": (K.INTERCOMMUNALITE, R.HAUTS_DE_FRANCE, 275000),
    "Grand Paris Sud Est Avenir": (K.INTERCOMMUNALITE, R.ILE_DE_FRANCE, 320000),
    "Lorient Agglomération": (K.INTERCOMMUNALITE, R.BRETAGNE, 205000),
    "Ville de Noisy-le-Grand": (K.COMMUNE, R.ILE_DE_FRANCE, 70000),
    "Communauté Urbaine d'Arras": (K.INTERCOMMUNALITE, R.HAUTS_DE_FRANCE, 108000),
    "Communauté de communes du Pays du Coquelicot": (K.INTERCOMMUNALITE, R.HAUTS_DE_FRANCE, 28000),
    "Communauté d'agglomération Cannes Pays de Lérins": (K.INTERCOMMUNALITE, R.PROVENCE_ALPES_COTE_D_AZUR, 160000),
    "Ville de Martigues": (K.COMMUNE, R.PROVENCE_ALPES_COTE_D_AZUR, 49000),
    "Ville de Paris": (K.COMMUNE, R.ILE_DE_FRANCE, 2100000),
    "Région Centre-Val de Loire": (K.REGION, R.CENTRE_VAL_DE_LOIRE, 2570000),
    "Ville de Rezé": (K.COMMUNE, R.PAYS_DE_LA_LOIRE, 43000),
    "Métropole Européenne de Lille": (K.METROPOLE, R.HAUTS_DE_FRANCE, 1180000),
    "Ville de Lyon": (K.COMMUNE, R.AUVERGNE_RHONE_ALPES, 520000),
    "Métropole de Lyon": (K.METROPOLE, R.AUVERGNE_RHONE_ALPES, 1420000),
    "Ville de Toulouse": (K.COMMUNE, R.OCCITANIE, 505000),
    "Ville de Lille": (K.COMMUNE, R.HAUTS_DE_FRANCE, 236000),
    "Ville de Nantes": (K.COMMUNE, R.PAYS_DE_LA_LOIRE, 325000),
    "Ville de Montpellier": (K.COMMUNE, R.OCCITANIE, 300000),
    "Ville de Rennes": (K.COMMUNE, R.BRETAGNE, 225000),
    "Ville de Bordeaux": (K.COMMUNE, R.NOUVELLE_AQUITAINE, 260000),
    "Ville d'Angers": (K.COMMUNE, R.PAYS_DE_LA_LOIRE, 157000),
    "Ville de Tours": (K.COMMUNE, R.CENTRE_VAL_DE_LOIRE, 137000),
    "Ville de Nancy": (K.COMMUNE, R.GRAND_EST, 105000),
    "Département de Loire-Atlantique": (K.DEPARTEMENT, R.PAYS_DE_LA_LOIRE, 1450000),
    "Département de la Haute-Garonne": (K.DEPARTEMENT, R.OCCITANIE, 1440000),
    "Ville de Quimperlé": (K.COMMUNE, R.BRETAGNE, 12000),
}

# (organisation, category index, title, problem, solution, impact) — the AI examples of seed 002 first.
PROJECTS = [
    ("Métropole Européenne de Lille", 0, "Anticiper les pics de pollution de l'air",
     "Les alertes à la pollution arrivaient trop tard pour adapter la circulation et prévenir les publics fragiles.",
     "Un modèle de prévision à 48 heures croisant mesures des capteurs, météo et trafic.",
     "Alertes émises 36 heures plus tôt en moyenne ; 12 épisodes anticipés sur la saison."),
    ("Ville de Nantes", 0, "Prévoir la fréquentation des cantines scolaires",
     "Près d'un repas sur cinq préparé dans les cantines était jeté.",
     "Une prévision quotidienne du nombre de repas par école, à partir des réservations et du calendrier.",
     "Gaspillage alimentaire réduit de 25 % en un an."),
    ("Ville de Lyon", 0, "Moins de gaspillage à la cantine grâce à la prévision des repas",
     "Les commandes de repas se faisaient sur des moyennes anciennes.",
     "Un modèle réutilisé d'une autre collectivité, adapté aux données lyonnaises.",
     "Environ 15 tonnes de denrées économisées par an."),
    ("Ville de Toulouse", 0, "Prévision de la fréquentation des restaurants scolaires",
     "Écarts importants entre repas commandés et repas servis.",
     "Prévision hebdomadaire partagée avec la cuisine centrale.",
     "Écart ramené de 12 % à 4 %."),
    ("Métropole de Lyon", 2, "Détecter les panneaux solaires sur les toits",
     "Le cadastre solaire ne savait pas quelles toitures étaient déjà équipées.",
     "Détection automatique des installations sur les orthophotographies.",
     "Inventaire de 9 000 installations, mis à jour chaque année."),
    ("Ville de Lille", 4, "Évaluer automatiquement l'état du bâti",
     "Les visites d'inspection ne couvraient qu'une petite partie du patrimoine chaque année.",
     "Classement des façades par analyse d'images pour prioriser les visites.",
     "Trois fois plus de bâtiments examinés à effectif constant."),
    ("Métropole de Lyon", 4, "Planifier la maintenance du réseau d'eau potable",
     "Des fuites coûteuses sur des canalisations mal connues.",
     "Un modèle de risque de casse par tronçon pour planifier les renouvellements.",
     "Pertes en eau réduites de 8 % sur les secteurs pilotes."),
    ("Nantes Métropole", 2, "Détecter les anomalies des compteurs vélo",
     "Des compteurs en panne faussaient le suivi de la politique cyclable.",
     "Détection automatique des séries aberrantes et alerte aux équipes.",
     "Données fiables sur 95 % des points de comptage."),
    ("Métropole Européenne de Lille", 2, "Recenser les accidents de la route à partir du web",
     "Les accidents sans intervention des secours échappaient aux statistiques.",
     "Collecte et classement automatique d'articles et de signalements publics.",
     "Trois fois plus d'accidents recensés pour cibler les aménagements."),
    ("Communauté d'Agglomération du Sicoval", 4, "Mesurer la fréquentation des déchetteries",
     "Attente aux heures de pointe, horaires mal adaptés.",
     "Cartographie et comptage anonyme des entrées, prévision de l'affluence publiée en ligne.",
     "Temps d'attente moyen divisé par deux le samedi."),
]
GENERIC_PROJECTS = [
    (1, "Des conseillers numériques dans les mairies rurales", "Habitants éloignés des démarches en ligne.",
     "Permanences itinérantes et ateliers, en lien avec les associations.", "1 800 personnes accompagnées en un an."),
    (3, "Un guichet unique pour les démarches", "Trop de portails différents pour les usagers.",
     "Un compte usager unique et un suivi des demandes.", "Délai moyen de traitement réduit de 30 %."),
    (0, "Piloter la consommation énergétique des écoles", "Facture énergétique en forte hausse.",
     "Capteurs et tableau de bord partagé avec les directions d'école.", "Consommation réduite de 14 %."),
    (3, "Budget participatif en ligne et hors ligne", "Participation faible et peu diverse.",
     "Vote en ligne et dans les lieux publics, avec médiation.", "Participation multipliée par trois."),
    (2, "Ouvrir les données de mobilité", "Données éparses entre opérateurs.",
     "Un portail open data et des API documentées.", "40 réutilisations recensées."),
    (1, "Rendre accessibles les sites de la collectivité", "Sites non conformes au RGAA.",
     "Audit, plan pluriannuel et formation des contributeurs.", "Taux de conformité passé de 40 % à 85 %."),
    (4, "Un jumeau numérique pour l'éclairage public", "Pannes signalées tardivement.",
     "Inventaire géolocalisé et télégestion des armoires.", "Consommation d'éclairage réduite de 35 %."),
    (0, "Sobriété numérique des services", "Parc informatique renouvelé trop souvent.",
     "Allongement de la durée de vie, reconditionnement, mesure de l'empreinte.", "Durée de vie portée de 4 à 7 ans."),
]

# Last year's jury started scoring this long before the demo was loaded (its rounds are set from it).
JURY_STARTED_DAYS_AGO = datetime.timedelta(days=40)
# Last year's start-up contest: its jury opened scoring this long before the demo was loaded, and scores still.
STARTUP_JURY_STARTED_DAYS_AGO = datetime.timedelta(days=6)

# (made-up start-up, year of creation before the edition, category index, title, problem, solution, impact)
STARTUPS = [
    ("Civilia", 1, 3, "Un assistant de rédaction des courriers aux usagers",
     "Des réponses aux usagers longues à rédiger et peu lisibles.",
     "Des modèles en langage clair, relus par les agents, adaptés à chaque démarche.",
     "Délai de réponse divisé par deux dans trois collectivités pilotes."),
    ("Tri-Malin", 2, 0, "Le suivi du remplissage des points d'apport volontaire",
     "Des tournées de collecte à vide et des débordements.", "Des capteurs sobres et des tournées ajustées.",
     "Tournées réduites de 20 % sur deux intercommunalités."),
    ("Médiapass", 1, 1, "Une prise de rendez-vous avec les conseillers numériques",
     "Des permanences de médiation mal connues et inégalement remplies.",
     "Un agenda partagé entre mairies, associations et France services.", "1 200 rendez-vous pris en six mois."),
    ("Données Claires", 3, 2, "Publier les données budgétaires en open data",
     "Des données budgétaires dispersées dans des fichiers non réutilisables.",
     "Une chaîne de publication automatique au format du socle commun.", "Quinze collectivités publient leur budget."),
    ("Lumen Public", 2, 4, "La maintenance prédictive de l'éclairage public",
     "Des pannes signalées tardivement par les habitants.",
     "Une analyse des consommations des armoires pour repérer les pannes.", "Pannes réparées en 2 jours au lieu de 9."),
    ("Agora Locale", 1, 3, "La consultation des habitants sur mobile et en mairie",
     "Des consultations qui ne touchent que les mêmes publics.",
     "Une plateforme de vote en ligne doublée de bornes en mairie.", "Participation multipliée par 2,5."),
    ("Sobrio", 3, 0, "Mesurer l'empreinte du numérique d'une collectivité",
     "Aucune mesure de l'empreinte environnementale du parc et des services.",
     "Un inventaire guidé et un plan d'actions chiffré.", "Vingt collectivités ont publié leur bilan."),
    ("Voirie Connectée", 2, 4, "Les signalements de voirie triés automatiquement",
     "Des signalements en double et mal orientés vers les services.",
     "Un regroupement des doublons et un routage vers le bon service.", "30 % de signalements en moins à traiter."),
    ("Cantine Juste", 1, 0, "Les commandes de repas ajustées à la présence des élèves",
     "Des repas commandés pour des élèves absents.", "Une déclaration de présence la veille par les familles.",
     "Gaspillage réduit d'un tiers dans les écoles pilotes."),
]
PUBLISHED_EDITION_SIZE = 34

DEMO_DRAFT_TITLE = "Un assistant pour répondre aux questions sur la collecte des déchets"


def demo_siren(index: int) -> str:
    """A Luhn-valid, made-up SIREN (not an official one)."""
    base = f"{99000000 + index:08d}"
    return next(base + str(digit) for digit in range(10) if luhn_valid(base + str(digit)))


def build_index(context):
    home = context["home"]
    index = get_or_create_page(
        home, LabelIndexPage, "labels", title="Les labels",
        intro="Chaque année, le Forum des Interconnectés récompense les territoires et les start-up aux projets "
              "innovants : le label « Territoire innovant » et le concours des « Start-up interconnectées ».",
    )
    add_to_navigation(context, index, label="Labels")
    if home.labels_page_id is None:
        home.labels_page = index
        home.save_revision().publish()
    return index


def add_categories_and_criteria(campaign):
    if campaign.categories.exists():
        return
    for position, (name, description) in enumerate(CATEGORIES):
        CampaignCategory.objects.create(page=campaign, name=name, description=description, sort_order=position)
    for position, (name, description, weight, max_score) in enumerate(CRITERIA):
        bottom, middle, top = RUBRICS.get(name, ("", "", ""))
        EvaluationCriterion.objects.create(page=campaign, name=name, description=description, weight=weight,
                                           max_score=max_score, sort_order=position, rubric_bottom=bottom,
                                           rubric_middle=middle, rubric_top=top)


def paris(day: datetime.date, hour=0, minute=0, second=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=PARIS)


def build_campaign(index, label, year, opens_at, closes_at, *, jury_starts_at=None):
    is_ti = label == Label.TERRITOIRE_INNOVANT
    name = "Territoire innovant" if is_ti else "Start-up interconnectée"
    slug = f"{'territoire-innovant' if is_ti else 'start-up-interconnectee'}-{year}"
    campaign = get_or_create_page(
        index, LabelCampaignPage, slug, title=f"Label « {name} » {year}", label=label, year=year,
        opens_at=opens_at, closes_at=closes_at, jury_starts_at=jury_starts_at,
        intro=(
            "Décerné aux collectivités ayant mis en œuvre des initiatives marquantes en termes d'usages ou de "
            "services, ce label offre une reconnaissance nationale à la collectivité porteuse et une visibilité "
            "auprès de ses pairs et des experts de l'innovation territoriale."
            if is_ti else
            "Le concours des Start-up interconnectées identifie et valorise les jeunes entreprises novatrices, "
            "développant des projets à destination des collectivités et ayant moins de 4 ans d'existence."
        ),
        how_to_apply="<p>Créez un compte candidat, remplissez le formulaire en plusieurs fois si besoin (chaque "
                     "étape est enregistrée), joignez jusqu'à 5 documents, puis déposez votre candidature avant "
                     "la date limite. Vous recevez un accusé de réception par e-mail.</p>",
        eligibility_text=(
            "<p>Communes, intercommunalités, métropoles, départements et régions.</p>" if is_ti else
            "<p>Entreprises créées moins de 4 ans avant la date de clôture et travaillant pour les "
            "collectivités.</p>"
        ),
        rules="<p>Une candidature par organisation et par édition. Les lauréats sont distingués lors du Forum "
              "des Interconnectés. Entre 21 et 25 territoires sont labellisés chaque année.</p>",
    )
    add_categories_and_criteria(campaign)
    return campaign


def build_account():
    label, username, password = APPLICANT
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        user = users.create_user(username, username, password, first_name="Camille", last_name="Démo")
    return user


def organisation_siren(organisation: str) -> str:
    """The same made-up SIREN for an organisation in every edition."""
    return demo_siren(list(TERRITORIES).index(organisation) + 1)


def closed_application_rows(count: int, projects=PROJECTS, shift: int = 0) -> list:
    """`count` projects, one per organisation: the AI examples first, then the generic ones around the territories.

    `shift` turns the territories round so that another edition gets other pairs.
    """
    territories = list(TERRITORIES)
    rows = list(projects)
    for position, (category, title, problem, solution, impact) in enumerate(GENERIC_PROJECTS * 6):
        rows.append((territories[(position + shift) % len(territories)], category, title, problem, solution, impact))
    organisations, chosen = set(), []
    for row in rows:
        if row[0] in organisations:
            continue
        organisations.add(row[0])
        chosen.append(row)
        if len(chosen) == count:
            break
    return chosen


def submit_application(campaign, position: int, submitted_at, *, ineligible: bool = False, **fields):
    """A file as its applicant would have deposited it: numbered, snapshotted and logged as submitted."""
    application = Application.objects.create(
        campaign=campaign, status=ApplicationStatus.DRAFT, contact_email=f"numerique{position}@example.org",
        consent_rules=True, consent_data=True, first_submitted_at=submitted_at, submitted_at=submitted_at,
        ineligibility_reason="Projet non encore déployé à la date de clôture." if ineligible else "", **fields,
    )
    application.reference = services.next_reference(campaign)
    application.status = ApplicationStatus.INELIGIBLE if ineligible else ApplicationStatus.SUBMITTED
    application.save(update_fields=["reference", "status"])
    ApplicationVersion.objects.create(application=application, number=1, created_at=submitted_at,
                                      snapshot=snapshot(application))
    services.log(application, EventKind.SUBMITTED, None, submitted_at)
    if ineligible:
        services.log(application, EventKind.INELIGIBLE, None, submitted_at + datetime.timedelta(days=10),
                     reason=application.ineligibility_reason)
    return application


def build_closed_applications(campaign, *, count=40, projects=PROJECTS, shift=0):
    """Applications submitted to a closed edition, all "déposée" but the last one (ineligible).

    The jury's scores, decisions and the publication come from `jury.demo`: results are
    only ever published from the jury's decisions, as in real life.
    """
    if Application.objects.filter(campaign=campaign).exists():
        return
    categories = list(campaign.categories.all())
    submitted_at = campaign.closes_at - datetime.timedelta(days=3)
    rows = closed_application_rows(count, projects, shift)
    for position, (organisation, category, title, problem, solution, impact) in enumerate(rows, start=1):
        kind, region, population = TERRITORIES[organisation]
        submit_application(
            campaign, position, submitted_at, ineligible=position == len(rows), org_name=organisation,
            org_kind=kind, org_region=region, siren=organisation_siren(organisation), population=population,
            contact_name="Service numérique", category=categories[category], title=title,
            summary=f"{title} : {solution}", problem=problem, solution=solution, impact=impact,
            budget=20000 + 5000 * (position % 12),
            funding="Budget propre de la collectivité, cofinancement régional.",
            partners="Laboratoire universitaire, entreprises locales.",
            data_protection="Analyse d'impact réalisée ; données agrégées ou pseudonymisées.",
            sobriety="Modèles légers, hébergement en France.",
        )


def build_startup_applications(campaign):
    """The start-ups of last year's contest, all eligible (created less than four years before the closing)."""
    if Application.objects.filter(campaign=campaign).exists():
        return
    categories = list(campaign.categories.all())
    submitted_at = campaign.closes_at - datetime.timedelta(days=5)
    regions = [R.PAYS_DE_LA_LOIRE, R.OCCITANIE, R.BRETAGNE, R.AUVERGNE_RHONE_ALPES, R.NOUVELLE_AQUITAINE]
    for position, (name, age, category, title, problem, solution, impact) in enumerate(STARTUPS, start=1):
        submit_application(
            campaign, position, submitted_at, org_name=name, org_kind=K.STARTUP,
            org_region=regions[position % len(regions)], siren=demo_siren(500 + position),
            org_created_on=datetime.date(campaign.year - age, 1 + position, 1), contact_name="Équipe fondatrice",
            category=categories[category], title=title, summary=f"{title} : {solution}", problem=problem,
            solution=solution, impact=impact, budget=15000 + 2500 * position,
            funding="Fonds propres, prêt d'honneur, premiers contrats publics.",
            partners="Collectivités pilotes.", data_protection="Données hébergées en France ; aucune revente.",
            sobriety="Service léger, sans traceur.",
        )


def build_demo_draft(campaign, user, now):
    if Application.objects.filter(campaign=campaign, owner=user).exists():
        return
    application = Application.objects.create(
        campaign=campaign, owner=user, org_name="Communauté de communes du Pays du Coquelicot",
        org_kind=K.INTERCOMMUNALITE, org_region=R.HAUTS_DE_FRANCE, population=28000,
        contact_name="Camille Démo", contact_email=user.email, category=campaign.categories.first(),
        title=DEMO_DRAFT_TITLE,
        summary="Un assistant conversationnel sobre, relu par les agents, pour les questions sur la collecte.",
    )
    services.log(application, EventKind.CREATED, user, now)


def build(context):
    now = clock.now()
    today = now.astimezone(PARIS).date()
    index = build_index(context)
    open_from = paris(today - datetime.timedelta(days=30), 9)
    open_until = paris(today + datetime.timedelta(days=60), 23, 59, 59)
    territoire = build_campaign(index, Label.TERRITOIRE_INNOVANT, today.year, open_from, open_until)
    build_campaign(index, Label.STARTUP_INTERCONNECTEE, today.year, open_from, open_until)
    last_year = today.year - 1
    deliberating = build_campaign(
        index, Label.TERRITOIRE_INNOVANT, last_year,
        paris(datetime.date(last_year, 1, 15), 9), paris(datetime.date(last_year, 3, 31), 23, 59, 59),
        jury_starts_at=paris(today - JURY_STARTED_DAYS_AGO, 9),
    )
    build_closed_applications(deliberating)
    startups_scoring = build_campaign(
        index, Label.STARTUP_INTERCONNECTEE, last_year,
        paris(datetime.date(last_year, 1, 15), 9), paris(datetime.date(last_year, 3, 31), 23, 59, 59),
        jury_starts_at=paris(today - STARTUP_JURY_STARTED_DAYS_AGO, 9),
    )
    build_startup_applications(startups_scoring)
    two_years_ago = today.year - 2
    published = build_campaign(
        index, Label.TERRITOIRE_INNOVANT, two_years_ago,
        paris(datetime.date(two_years_ago, 1, 15), 9), paris(datetime.date(two_years_ago, 3, 31), 23, 59, 59),
        jury_starts_at=paris(datetime.date(two_years_ago, 4, 15), 9),
    )
    build_closed_applications(published, count=PUBLISHED_EDITION_SIZE, projects=PROJECTS[4:], shift=11)
    user = build_account()
    build_demo_draft(territoire, user, now)
    context["labels_index"] = index
    context["labels_deliberating_campaign"] = deliberating
    context["labels_scoring_campaign"] = startups_scoring
    context["labels_published_campaign"] = published
