"""Demo of Territoir'Prod, from the association's presentation: each year four themes (2024: inclusion numérique,
numérique responsable, data, IA), three sequences by videoconference per theme and a Journée expert on it, a
référent territory per theme. The 2024 edition is past (twelve sequences, some attendance); the current season's
edition has sequences to come, the first one tomorrow, so that the enrolled demo agent sees its visio link.

The référent territories are not named in the presentation: those below are illustrative, and the theme pages
say so. Runs after `events.demo` (the Journées experts it links) and `accounts.demo` (Nantes Métropole's agents).
"""

import datetime

from django.contrib.auth import get_user_model

from accounts import memberships
from accounts.models import VerificationMethod
from events.timeline import PARIS, local_today
from interconnectes import clock
from interconnectes.demo import add_to_navigation
from interconnectes.demo_pages import get_or_create, get_or_create_page
from interconnectes.models import Organisation, Person, StandardPage
from territoirprod import services
from territoirprod.models import (
    AttendanceSource,
    EditionPage,
    Sequence,
    SequenceSpeaker,
    ThemePage,
    TrainingProgrammePage,
)

AGENT = ("Agent inscrit à Territoir'Prod (IA)", "agent.territoirprod@nantes-metropole.example.org",
         "interconnectes-agent")
ACCOUNTS = [AGENT]
SLUG = "territoir-prod"
ILLUSTRATIVE = "Territoire référent donné à titre d'illustration."
BODY = ("<p>Territoir'Prod est le programme de partage entre pairs et de formation des Interconnectés, centré sur "
        "les thématiques de projet des collectivités : 5 programmes thématiques, 30 réunions par an, 50 "
        "collectivités.</p><ul><li>4 thématiques par an, traitées chacune en 3 séquences de travail en "
        "visioconférence</li><li>une Journée expert en présentiel sur chacune des thématiques</li><li>un territoire "
        "référent pour chaque thématique</li></ul><h2>Le programme, c'est surtout</h2><ul><li>des moments de "
        "partage et d'intelligence collective</li><li>un espace de dialogue avec les acteurs clés et des "
        "intervenants spécialistes</li><li>un accès aux replays de toutes les séances et à l'espace de "
        "ressources</li></ul>")

# slug: (title, description, référent territory, Journée expert of the events demo, three sequence titles)
THEMES_2024 = {
    "inclusion-numerique": ("Inclusion numérique", "Accompagner les habitants éloignés du numérique et former les "
                            "agents qui les reçoivent.", "Communauté de communes de Lacq-Orthez", "orleans-2024",
                            ["Cartographier l'offre de médiation numérique", "Former les agents d'accueil",
                             "Mesurer l'impact des actions d'inclusion"]),
    "numerique-responsable": ("Numérique responsable", "Réduire l'empreinte environnementale du numérique public "
                              "et en faire une politique de la collectivité.", "Ville de Nancy", "la-rochelle-2024",
                              ["Mesurer l'empreinte de son système d'information",
                               "Allonger la durée de vie des équipements", "Écoconcevoir les services en ligne"]),
    "data": ("Data", "Gouverner, ouvrir et partager les données des territoires.", "Rennes Ville et Métropole",
             "paris-janvier-2025", ["Mettre en place une gouvernance de la donnée", "Ouvrir ses données",
                                    "Partager des données entre collectivités"]),
    "ia": ("IA", "Comprendre, encadrer et expérimenter l'intelligence artificielle dans les services publics "
           "locaux.", "Nantes Métropole", "tours-2025", ["Panorama des usages de l'IA dans les collectivités",
                                                        "Encadrer l'IA générative : chartes et formations",
                                                        "Conduire une expérimentation d'IA"]),
}
# The 2024 sequences: (month, day) per theme, at 10:00-12:00 Paris.
DATES_2024 = {"inclusion-numerique": [(2, 8), (3, 14), (4, 11)], "numerique-responsable": [(5, 16), (6, 13), (7, 4)],
              "data": [(9, 12), (10, 10), (11, 14)], "ia": [(9, 26), (10, 17), (11, 28)]}
# The current edition: (slug, title, description, référent, Journée expert slug prefix, [(days from today, title)]).
THEMES_CURRENT = [
    ("ia", "IA", "Passer des expérimentations d'IA aux services en production, sobrement et sous contrôle.",
     "Nantes Métropole", "lyon-", [(1, "Évaluer un service d'IA avant de le déployer"),
                                   (22, "Acheter de l'IA : clauses et critères"),
                                   (50, "Former les agents et les élus à l'IA")]),
    ("data", "Data", "Des données utiles aux politiques publiques, partagées entre territoires.",
     "Rennes Ville et Métropole", "lille-", [(8, "Inventorier ses données"), (29, "Publier des jeux de données "
                                                                                  "de qualité"),
                                             (57, "Mutualiser une plateforme de données")]),
]
COORDINATOR = ("Fanélie Sanjuan", "Responsable Territoir'Prod et Partenariats")
SPEAKERS = ["Francky Trichet", "Céline Colucci", "Manu Reynaud", "Laurent Watrin"]


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=PARIS)


def season_label(today: datetime.date) -> str:
    """"2026-2027" from September 2026 to August 2027."""
    first = today.year if today.month >= 9 else today.year - 1
    return f"{first}-{first + 1}"


def programme_page(context) -> TrainingProgrammePage:
    """The programme page, where the site's static page about it was: an old demo's is set aside first."""
    home = context["home"]
    existing = TrainingProgrammePage.objects.child_of(home).first()
    if existing is not None:
        return existing
    static = StandardPage.objects.child_of(home).filter(slug=SLUG).first()
    if static is not None:
        static.slug = f"{SLUG}-ancienne-page"
        static.save_revision().publish()
        static.unpublish()
    return get_or_create_page(home, TrainingProgrammePage, SLUG, title="Territoir'Prod", body=BODY,
                              intro="Le programme de partage entre pairs et de formation des Interconnectés.")


def theme_page(edition, slug, title, description, territory, journee, coordinator) -> ThemePage:
    return get_or_create_page(
        edition, ThemePage, slug, title=title, intro=f"{description} {ILLUSTRATIVE}",
        description=f"<p>{description}</p>", referent_territory=Organisation.objects.filter(name=territory).first(),
        coordinator=coordinator, journee_expert=journee)


def sequence(theme, number, title, starts_at, people) -> Sequence:
    found = Sequence.objects.filter(theme=theme, number=number).first()
    if found is not None:
        return found
    created = Sequence.objects.create(
        theme=theme, number=number, title=title, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2),
        agenda="Tour de table des collectivités\nRetour d'expérience du territoire référent\nAtelier en petits "
               "groupes\nSuites à donner", visio_url=f"https://visio.example.org/territoirprod-{theme.slug}-{number}",
        materials="Support de présentation (envoyé après la séquence)")
    person = people.get(SPEAKERS[(number + theme.pk) % len(SPEAKERS)])
    if person is not None:
        SequenceSpeaker.objects.create(sequence=created, person=person, title_then=person.role,
                                       organisation_then=person.organisation.name if person.organisation else "")
    return created


def demo_agent():
    _label, email, password = AGENT
    users = get_user_model().objects
    return users.filter(username=email).first() or users.create_user(email, email, password, first_name="Inès",
                                                                       last_name="Garnier")


def build(context):
    now = clock.now()
    today = local_today(now)
    stops = context.get("stops", {})
    people = {person.name: person for person in Person.objects.select_related("organisation")
              .filter(name__in=SPEAKERS)}
    coordinator = get_or_create(Person, {"name": COORDINATOR[0]}, {
        "role": COORDINATOR[1], "organisation": Organisation.objects.filter(name="Les Interconnectés").first()})
    programme = programme_page(context)
    add_to_navigation(context, programme, label="Territoir'Prod")

    past = get_or_create_page(programme, EditionPage, "2024", title="Édition 2024", label="2024",
                              intro="Quatre thématiques : inclusion numérique, numérique responsable, data et IA.")
    past_sequences = []
    for slug, (title, description, territory, journee, titles) in THEMES_2024.items():
        theme = theme_page(past, slug, title, description, territory, stops.get(journee), coordinator)
        for number, (sequence_title, (month, day)) in enumerate(zip(titles, DATES_2024[slug], strict=True), start=1):
            past_sequences.append(sequence(theme, number, sequence_title, at(datetime.date(2024, month, day), 10),
                                           people))

    label = season_label(today)
    current = get_or_create_page(programme, EditionPage, label, title=f"Édition {label}", label=label,
                                 intro="Les thématiques de la saison en cours, et leurs prochaines séquences.")
    ia = None
    for slug, title, description, territory, prefix, planned in THEMES_CURRENT:
        journee = next((page for key, page in stops.items() if key.startswith(prefix)), None)
        theme = theme_page(current, slug, title, description, territory, journee, coordinator)
        ia = ia or theme
        for number, (days, sequence_title) in enumerate(planned, start=1):
            sequence(theme, number, sequence_title, at(today + datetime.timedelta(days=days), 10), people)

    agent = demo_agent()
    nantes = Organisation.objects.get(name="Nantes Métropole")
    memberships.verify(agent, nantes, VerificationMethod.EMAIL_DOMAIN, now)
    services.enrol(agent, current, ia, by=agent, now=now)
    services.enrol(agent, past, None, by=agent, now=now)
    for attended in past_sequences[::3]:  # the first sequence of each 2024 theme
        services.record_attendance(agent, attended, AttendanceSource.STAFF, now)
    context["territoirprod"] = programme
