"""Demo content of the resource space: the association's "guides data-IA" and "ressources IA" (seeds: the
Journée expert of Tours, 2025, and the commission's AI roadmap), a method kit of the consultations and
Territoir'Prod's materials, each in its collection; some members-only, the examples marked illustrative.

Idempotent: the page, each resource (by slug) and each collection (by slug) are looked up before they are
created; dates are relative to the load day, so the space looks alive on any day. Files are small PDFs
written by hand (`write_pdf`) and one CSV table.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import EventTheme
from interconnectes import clock
from interconnectes.demo import add_to_navigation
from interconnectes.demo_media import write_pdf
from interconnectes.demo_pages import get_or_create_page
from interconnectes.models import Organisation
from resources.models import Collection, CollectionItem, Resource, ResourceIndexPage
from resources.rules import Audience, Kind, Visibility

ASSOCIATION = "Les Interconnectés"
IA, DATA, INCLUSION, RESPONSIBLE = ("Intelligence artificielle", "Data", "Inclusion numérique",
                                    "Numérique responsable")
ILLUSTRATIVE = "Contenu illustratif. "

# The territories engaged in the AI consultations, as the commission's roadmap lists them.
ENGAGED = [
    "Nantes Métropole", "Montpellier Méditerranée Métropole", "Université de Rennes", "Rennes Ville et Métropole",
    "Toulouse Métropole", "Métropole de Nice Côte d'Azur", "Tours Métropole Val de Loire",
    "Ville et métropole du Grand Nancy", "Angers Loire Métropole", "Roannais Agglomération",
    "Communauté de Communes de Lacq-Orthez", "Agglomération du Sicoval", "Bordeaux Métropole",
    "Quimperlé Communauté", "Communauté d'Agglomération Paris Saclay", "Métropole Rouen Normandie",
    "Communauté d'Agglomération de Béthune-Bruay Artois Lys Romane", "Grand Paris Sud Est Avenir",
    "Pays de Lorient et Quimperlé", "Ville de Noisy-le-Grand", "Communauté Urbaine d'Arras",
    "Communauté de communes du Pays du Coquelicot", "Communauté d'agglomération Cannes Pays de Lérins",
    "Ville de Martigues", "Ville de Paris", "Région Centre-Val de Loire", "Rezé", "Métropole Européenne de Lille",
]


def engaged_csv() -> bytes:
    return ("territoire;concertation\n" + "".join(f"{name};engagé\n" for name in ENGAGED)).encode()


# slug: (title, kind, audience, visibility, themes, days ago, illustrative, summary, file or link)
RESOURCES = {
    "concertations-territoriales-ia-livret": (
        "Concertations territoriales de l'IA : débattre, expérimenter, co-construire", Kind.GUIDE,
        Audience.ELECTED, Visibility.PUBLIC, [IA], 40, False,
        "Le livret restitue les concertations territoriales de l'IA lancées en 2024 par Les Interconnectés : la "
        "diversité des approches, les méthodes d'animation et les enseignements communs, et des pistes d'action "
        "pour les collectivités qui veulent initier à leur tour une dynamique locale autour de l'IA.", "pdf"),
    "feuille-de-route-ia": (
        "La feuille de route IA de la commission numérique", Kind.FICHE, Audience.AGENTS, Visibility.PUBLIC,
        [IA], 120, False,
        "Les trois axes de travail de la commission numérique : l'IA au service des politiques publiques (la "
        "bibliothèque d'IA territorialisée), l'IA, éthique et démocratie (les concertations territoriales), "
        "l'IA et la transformation des métiers de la fonction publique territoriale.", "pdf"),
    "risques-opportunites-leviers-ia": (
        "Risques, opportunités et leviers de l'IA pour les territoires", Kind.SLIDES, Audience.ELECTED,
        Visibility.PUBLIC, [IA, RESPONSIBLE], 90, False,
        "Ce que les concertations ont fait ressortir : risques pour l'emploi et la qualité du travail, "
        "souveraineté ; une démocratie technique et une gouvernance ouverte des systèmes ; des expérimentations "
        "évaluées en continu et une IA frugale qui questionne le besoin.", "pdf"),
    "territoires-engages-concertations-ia": (
        "Territoires engagés dans les concertations de l'IA", Kind.DATASET, Audience.TECHNICAL, Visibility.PUBLIC,
        [IA, DATA], 60, False,
        "La liste des territoires engagés dans les concertations territoriales de l'IA, en CSV (séparateur "
        "point-virgule), sous Licence Ouverte.", "csv"),
    "ressources-methodologiques-sensibilisation-ia": (
        "Sensibiliser les publics aux enjeux de l'IA : ressources méthodologiques", Kind.GUIDE, Audience.AGENTS,
        Visibility.MEMBERS, [IA, INCLUSION], 30, True,
        "D'autres ressources méthodologiques pour organiser une concertation et sensibiliser les publics aux "
        "enjeux du recours à l'IA par les collectivités : animation, acculturation, écosystèmes mobilisables.",
        "pdf"),
    "cafe-ia-kit-animation": (
        "Café IA : le kit d'animation", Kind.GUIDE, Audience.AGENTS, Visibility.PUBLIC, [IA, INCLUSION], 25, True,
        "Déroulé d'un café IA de deux heures avec des habitants : accueil, trois questions pour lancer le débat, "
        "cartes d'usages, restitution. Avec la liste du matériel.", "pdf"),
    "modele-charte-concertation": (
        "Modèle de charte d'engagement d'une concertation", Kind.TEMPLATE, Audience.ELECTED, Visibility.PUBLIC,
        [IA], 50, True,
        "Un modèle de charte à adapter : sincérité de la démarche, publics associés, suites données localement, "
        "publication des résultats.", "pdf"),
    "grille-restitution-concertation": (
        "Grille de restitution d'une concertation", Kind.TEMPLATE, Audience.AGENTS, Visibility.MEMBERS, [IA], 20,
        True,
        "Une grille pour restituer une concertation : publics, méthodes, enseignements, suites, à partager avec "
        "les autres territoires engagés.", "pdf"),
    "territoirprod-sequence-ia-supports": (
        "Territoir'Prod, thème IA : supports de la première séquence", Kind.SLIDES, Audience.AGENTS,
        Visibility.MEMBERS, [IA], 15, True,
        "Les supports présentés lors de la première séquence en visioconférence du thème IA de Territoir'Prod.",
        "pdf"),
    "fiche-empreinte-numerique": (
        "Fiche : mesurer l'empreinte environnementale de son numérique", Kind.FICHE, Audience.TECHNICAL,
        Visibility.MEMBERS, [RESPONSIBLE], 10, True,
        "Par où commencer : l'inventaire des équipements, leur durée de vie, les services les plus consommateurs, "
        "et trois indicateurs à suivre chaque année.", "pdf"),
    "fiche-parcours-inclusion-numerique": (
        "Fiche : un parcours d'inclusion numérique en cinq étapes", Kind.FICHE, Audience.AGENTS, Visibility.PUBLIC,
        [INCLUSION], 5, True,
        "Repérer, orienter, accompagner, rendre autonome, évaluer : les cinq étapes d'un parcours d'inclusion "
        "numérique partagé entre services et partenaires.", "pdf"),
    "presentation-territoirprod": (
        "Territoir'Prod : le programme de partage et de formation des membres", Kind.FICHE, Audience.ELECTED,
        Visibility.PUBLIC, [IA, DATA, INCLUSION, RESPONSIBLE], 100, False,
        "Chaque année quatre thèmes, traités chacun en trois séquences en visioconférence et une Journée expert, "
        "avec un territoire référent par thème : la présentation du programme sur le site de l'association.",
        "https://www.interconnectes.com/"),
}

# slug: (title, description, resources in order)
COLLECTIONS = {
    "guides-data-ia": ("Guides data-IA", "Les livrables de l'association sur la donnée et l'intelligence "
                       "artificielle dans les collectivités.",
                       ["concertations-territoriales-ia-livret", "feuille-de-route-ia"]),
    "ressources-ia": ("Ressources IA", "Pour comprendre et débattre de l'IA dans les territoires, et d'autres "
                      "ressources méthodologiques.",
                      ["risques-opportunites-leviers-ia", "territoires-engages-concertations-ia",
                       "ressources-methodologiques-sensibilisation-ia", "concertations-territoriales-ia-livret"]),
    "kit-methodologique-concertations": (
        "Kit méthodologique des concertations", "Contenu illustratif : de quoi organiser une concertation "
        "territoriale de l'IA, du café IA à la restitution.",
        ["cafe-ia-kit-animation", "modele-charte-concertation", "grille-restitution-concertation",
         "ressources-methodologiques-sensibilisation-ia"]),
    "territoirprod": ("Territoir'Prod", "Contenu illustratif : les supports des séquences et les fiches du "
                      "programme, la plupart réservés aux membres.",
                      ["presentation-territoirprod", "territoirprod-sequence-ia-supports", "fiche-empreinte-numerique",
                       "fiche-parcours-inclusion-numerique"]),
}


def build_resource(slug, entry, today, themes, association):
    resource = Resource.objects.filter(slug=slug).first()
    if resource is not None:
        return resource
    title, kind, audience, visibility, theme_names, days_ago, illustrative, summary, source = entry
    resource = Resource(slug=slug, title=title, kind=kind, audience=audience, visibility=visibility,
                        published_on=today - datetime.timedelta(days=days_ago), is_illustrative=illustrative,
                        summary=(ILLUSTRATIVE if illustrative else "") + summary,
                        licence="etalab-2.0", source_organisation=association)
    if source.startswith("https://"):
        resource.external_url = source
    elif source == "csv":
        resource.file.save(f"{slug}.csv", ContentFile(engaged_csv()), save=False)
    else:
        resource.file.save(f"{slug}.pdf", ContentFile(write_pdf(title, [resource.summary])), save=False)
    resource.full_clean()
    resource.themes.set([themes[name] for name in theme_names])  # written with the resource (a cluster)
    resource.save()
    return resource


def build(context):
    today = timezone.localdate(clock.now())
    index = get_or_create_page(
        context["home"], ResourceIndexPage, "ressources", title="Espace ressources",
        intro="Guides, fiches, modèles, supports et jeux de données des Interconnectés et de leurs membres, pour la "
              "bibliothèque d'IA, les concertations territoriales et Territoir'Prod.")
    add_to_navigation(context, index, label="Ressources")
    themes = {}
    for name in (IA, DATA, INCLUSION, RESPONSIBLE):
        themes[name] = EventTheme.objects.filter(name=name).first() or EventTheme.objects.create(name=name)
    association = Organisation.objects.filter(name=ASSOCIATION).first()
    resources = {slug: build_resource(slug, entry, today, themes, association) for slug, entry in RESOURCES.items()}
    for order, (slug, (title, description, members)) in enumerate(COLLECTIONS.items()):
        collection = Collection.objects.filter(slug=slug).first()
        if collection is None:
            collection = Collection.objects.create(slug=slug, title=title, description=description, sort_order=order)
            for position, member in enumerate(members):
                CollectionItem.objects.create(collection=collection, resource=resources[member], sort_order=position)
