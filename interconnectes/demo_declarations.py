"""Demo content of the accessibility and eco-design declarations.

Written as the association would publish them today: no accessibility audit
yet (so the site is declared "non conforme"), and RGESN criteria whose
statuses say what is done and what is not.
"""

import datetime

from interconnectes.declarations import CriterionStatus
from interconnectes.demo_pages import get_or_create_page
from interconnectes.models import AccessibilityStatementPage, EcodesignCriterion, EcodesignStatementPage

C, NC, NA = CriterionStatus.MET, CriterionStatus.NOT_MET, CriterionStatus.NOT_APPLICABLE
DECLARATION_DATE = datetime.date(2026, 11, 16)

# (reference, title, status, note)
RGESN_CRITERIA = [
    ("1.3", "Le service numérique a-t-il au moins un référent identifié en écoconception numérique ?", NC,
     "Aucun référent n'est encore désigné ; l'équipe éditoriale le fera lors du prochain bureau."),
    ("1.4", "Le service numérique réalise-t-il régulièrement des revues de sa démarche d'écoconception ?", NC,
     "Les budgets de pages sont vérifiés automatiquement à chaque modification, mais aucune revue complète du "
     "référentiel n'a encore été menée."),
    ("1.5", "Le service numérique s'est-il fixé des objectifs de réduction de ses impacts environnementaux ?", NC,
     "Pas encore d'analyse de cycle de vie : les objectifs chiffrés restent à fixer."),
    ("1.9", "Le service numérique a-t-il été conçu avec des technologies standard interopérables ?", C,
     "Un site web en HTML et CSS, sans application native ni extension propriétaire."),
    ("2.3", "Le service numérique est-il utilisable via une connexion bas débit ?", C,
     "Pages légères, rendues côté serveur, utilisables en 3G lente."),
    ("2.5", "Le service numérique s'adapte-t-il à différents types de terminaux d'affichage ?", C,
     "Mise en page fluide, sans défilement horizontal dès 320 pixels de large."),
    ("4.1", "Les animations, vidéos et sons ont-ils leur lecture automatique désactivée ?", C,
     "Aucune lecture automatique ; les animations sont coupées si le système le demande."),
    ("4.4", "Le service numérique permet-il à l'utilisateur de décider de l'activation d'un service tiers ?", C,
     "Les replays hébergés ailleurs sont de simples liens : rien n'est chargé depuis un autre site sans action "
     "du lecteur."),
    ("4.8", "Le service numérique limite-t-il le nombre de polices de caractères téléchargées ?", C,
     "Aucune police téléchargée : le site utilise les polices du système."),
    ("5.1", "Chaque image utilise-t-elle un format de fichier adapté à son contenu ?", C,
     "Les photographies sont converties en AVIF ou WebP à la taille de leur emplacement."),
    ("6.1", "Le service numérique s'astreint-il à un poids maximum et une limite de requêtes par écran ?", C,
     "Budgets par type de page publiés ci-dessous et vérifiés par les tests automatiques."),
    ("6.2", "Le service numérique utilise-t-il des mécanismes de mise en cache pour les contenus qu'il maîtrise ?", C,
     "Voir la stratégie de cache ci-dessous."),
    ("7.2", "Des durées de conservation sont-elles fixées pour les données et documents ?", C,
     "Les candidatures non lauréates aux labels et leurs pièces jointes sont supprimées après la durée de "
     "conservation annoncée."),
    ("8.1", "L'hébergement a-t-il une démarche de réduction de son empreinte environnementale ?", NC,
     "Les engagements de l'hébergeur restent à obtenir et à documenter."),
    ("8.6", "La localisation de l'hébergement est-elle cohérente avec les activités du service ?", C,
     "Hébergement en France, où se trouvent les lecteurs et où l'électricité est faiblement carbonée."),
    ("9.1", "La nécessité d'une phase d'entraînement d'un modèle a-t-elle été interrogée ?", NA,
     "Le site n'utilise aucun algorithme d'apprentissage."),
]

CACHE_STRATEGY = (
    "Les pages publiques sont mises en cache par le réseau de diffusion (CDN) : la plupart des lectures ne "
    "sollicitent pas le serveur.\n\n"
    "Les feuilles de style, scripts et images portent une empreinte dans leur nom de fichier et sont mis en cache "
    "par le navigateur pendant un an : ils ne sont téléchargés à nouveau que lorsqu'ils changent.\n\n"
    "Aucun cookie n'est déposé pour les lecteurs anonymes, ce qui permet de servir la même page en cache à tous. "
    "Côté serveur, l'en-tête et le pied de page sont calculés une fois puis réutilisés jusqu'à leur prochaine "
    "modification."
)


def build_accessibility_statement(home):
    return get_or_create_page(
        home, AccessibilityStatementPage, "accessibilite",
        title="Déclaration d'accessibilité",
        search_description="État de conformité du site des Interconnectés au RGAA 4.1 et voies de recours.",
        entity_name="Les Interconnectés",
        site_url="https://www.interconnectes.com",
        declaration_date=DECLARATION_DATE,
        technologies="HTML5\nCSS\nJavaScript (amélioration progressive, le site fonctionne sans)",
        audit_tools="axe-core (vérifications automatiques à chaque modification du site)",
        non_conformities=(
            "<p>Aucun audit de conformité n'a encore été réalisé : la liste des non-conformités sera publiée à "
            "l'issue du premier audit.</p><ul><li>Certains documents PDF anciens (manifestes de 2017 et 2020) ne "
            "sont pas balisés pour les technologies d'assistance ; leur texte est repris en HTML sur les pages "
            "des manifestes.</li></ul>"
        ),
        exempt_content=(
            "<p>Les replays des événements hébergés sur des plateformes tierces, que l'association ne "
            "contrôle pas.</p>"
        ),
        contact_email="accessibilite@example.org",
    )


def build_ecodesign_statement(home):
    return get_or_create_page(
        home, EcodesignStatementPage, "ecoconception",
        title="Déclaration d'écoconception",
        search_description="Démarche d'écoconception du site des Interconnectés selon le RGESN 2024.",
        intro=(
            "Les Interconnectés défendent un numérique social, sobre et éthique : leur site s'applique ces "
            "principes. Cette déclaration suit le référentiel général d'écoconception de services numériques "
            "(RGESN) publié en 2024 et dit honnêtement ce qui est fait et ce qui ne l'est pas encore."
        ),
        declaration_date=DECLARATION_DATE,
        hosting_provider="Hébergeur établi en France",
        hosting_location="France (Union européenne)",
        hosting_energy=(
            "L'électricité consommée en France est parmi les moins carbonées d'Europe, sous le seuil de "
            "100 gCO₂eq/kWh retenu par le RGESN. La part d'énergie renouvelable et l'efficacité énergétique (PUE) "
            "du centre de données restent à obtenir de l'hébergeur."
        ),
        cache_strategy=CACHE_STRATEGY,
        criteria=[
            EcodesignCriterion(reference=reference, title=title, status=status, note=note, sort_order=number)
            for number, (reference, title, status, note) in enumerate(RGESN_CRITERIA)
        ],
    )


def build(context):
    home = context["home"]
    context["declarations"] = {
        "accessibility": build_accessibility_statement(home),
        "ecodesign": build_ecodesign_statement(home),
    }
