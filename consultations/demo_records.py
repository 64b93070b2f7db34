"""Demo consultation records: five consultations of engaged territories of the seed at different phases (annoncée,
en cours, restitution, suivi ×2), marked "exemple illustratif"; one followed up over a year with commitments and
dated progress entries; findings that tag each of the programme's eight lessons at least once with local
evidence; and a demo agent of Tours Métropole Val de Loire (the organisation of the programme's demo référente).

Every date is relative to the load day (interconnectes.clock), so that the phases and the timeline read true on
any day. Idempotent: a record is looked up by its slug before it is built.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts import memberships
from accounts.models import MembershipRole, VerificationMethod
from consultations import record_submissions
from consultations.models import (
    ArticleAssessment,
    CharterArticle,
    Consultation,
    Finding,
    FollowUp,
    Lesson,
    ProgressEntry,
)
from consultations.record_choices import FollowUpStatus, Phase
from interconnectes import clock
from interconnectes.models import Organisation
from reviews import services

TOURS = "Tours Métropole Val de Loire"
TOURS_AGENT = ("Agent de Tours Métropole Val de Loire", "agent@tours-metropole.example.org", "interconnectes-agent")
ACCOUNTS = [TOURS_AGENT]
ILLUSTRATIVE = "Exemple illustratif. "

# slug → (territory, days from the load day to the start and to the end, phase, fields)
RECORDS = {
    "cafe-ia-services-publics-nantes": ("Nantes Métropole", -440, -425, Phase.FOLLOW_UP, {
        "title": "Café IA : l'IA dans nos services publics",
        "questions": "Quels usages de l'IA par la métropole acceptez-vous, à quelles conditions ?",
        "objective": ILLUSTRATIVE + "Recueillir l'avis des habitants sur les usages de l'IA par les services "
                                    "métropolitains avant d'adopter une doctrine.",
        "publics": ["habitants", "associations"], "recruitment": "ouvert", "methods": ["cafe-ia", "atelier"],
        "participation_level": "concerter", "format": "presentiel", "participants": 86,
        "facilitators": "Direction du numérique et médiathèques de la métropole.",
        "partners": "Association locale de médiation numérique.",
        "resources_used": "Kit Café IA, fiches d'animation du programme.",
        "synthesis": ILLUSTRATIVE + "Les participants acceptent l'IA pour simplifier les démarches, pas pour "
                                    "décider à la place d'un agent ; ils demandent un registre public des usages.",
        "licence": "etalab-2.0"}),
    "convention-citoyenne-ia-rennes": ("Rennes Ville et Métropole", -240, -150, Phase.FOLLOW_UP, {
        "title": "Convention citoyenne sur l'IA",
        "questions": "Quelles règles pour l'usage de l'IA dans les services de la ville ?",
        "objective": ILLUSTRATIVE + "Élaborer avec des habitants tirés au sort des recommandations sur l'IA.",
        "publics": ["habitants", "jeunes"], "recruitment": "tirage", "methods": ["jury"],
        "participation_level": "co-construire", "format": "hybride", "participants": 40,
        "facilitators": "Service de la démocratie locale.", "partners": "Université de Rennes.",
        "resources_used": "Auditions d'experts, visites de services.",
        "synthesis": ILLUSTRATIVE + "Vingt-deux recommandations, dont une évaluation environnementale avant tout "
                                    "projet d'IA et une formation des agents.",
        "licence": "CC-BY-4.0"}),
    "ateliers-ia-metiers-montpellier": ("Montpellier Méditerranée Métropole", -50, -30, Phase.REPORTING, {
        "title": "Ateliers « L'IA et nos métiers »",
        "questions": "Comment l'IA change-t-elle le travail des agents ?",
        "objective": ILLUSTRATIVE + "Associer les agents à l'expérimentation d'outils d'IA dans les services.",
        "publics": ["agents", "elus"], "recruitment": "cible", "methods": ["atelier", "codeveloppement"],
        "participation_level": "consulter", "format": "presentiel", "participants": 64,
        "facilitators": "Direction des ressources humaines.", "partners": "",
        "resources_used": "Fiches du programme, démonstrations d'outils.",
        "synthesis": ILLUSTRATIVE + "Les agents demandent des expérimentations encadrées et une place dans le choix "
                                    "des outils.",
        "licence": "etalab-2.0"}),
    "questionnaire-ia-toulouse": ("Toulouse Métropole", -14, 16, Phase.RUNNING, {
        "title": "Questionnaire : l'IA et vous",
        "questions": "Utilisez-vous l'IA ? Qu'attendez-vous de la métropole ?",
        "objective": ILLUSTRATIVE + "Mesurer les usages et les attentes des habitants.",
        "publics": ["habitants", "entreprises"], "recruitment": "ouvert", "methods": ["questionnaire"],
        "participation_level": "consulter", "format": "en-ligne"}),
    "conference-debat-ia-environnement-angers": ("Angers Loire Métropole", 30, 30, Phase.ANNOUNCED, {
        "title": "Conférence-débat : l'IA face aux défis environnementaux",
        "objective": ILLUSTRATIVE + "Débattre du coût environnemental de l'IA avec habitants et chercheurs.",
        "publics": ["habitants", "chercheurs"], "methods": ["conference-debat"], "format": "presentiel"}),
}

# slug → [(lesson number, kind, evidence)]: every lesson is found at least once.
FINDINGS = {
    "cafe-ia-services-publics-nantes": [
        (1, "chiffre", "54 des 86 participants utilisent déjà un agent conversationnel."),
        (3, "citation", "Plus on en parle, plus on sait ce qu'on craint vraiment."),
        (4, "citation", "Je veux savoir quand c'est une machine qui me répond."),
        (8, "citation", "Si ça raccourcit mes démarches, je suis pour.")],
    "convention-citoyenne-ia-rennes": [
        (2, "chiffre", "12 sessions de sensibilisation des agents avant la convention."),
        (4, "chiffre", "7 recommandations sur 22 portent sur la transparence."),
        (5, "citation", "Pas d'IA sans bilan carbone.")],
    "ateliers-ia-metiers-montpellier": [
        (6, "chiffre", "70 % des agents craignent une perte de sens de leur travail."),
        (7, "citation", "Testons sur un service avant de généraliser.")],
}

# The followed-up consultation: (commitment, owner, status, reason, [(days after the end, progress)]).
FOLLOW_UPS = [
    ("Publier un registre des usages de l'IA de la métropole", "Direction du numérique", FollowUpStatus.DONE, "",
     [(60, "Inventaire des usages lancé dans les services."), (200, "Premier registre publié en ligne.")]),
    ("Former les agents d'accueil à l'IA", "Direction des ressources humaines", FollowUpStatus.COMMITTED, "",
     [(120, "Programme de formation adopté."), (330, "Trois sessions tenues, 45 agents formés.")]),
    ("Tester un agent conversationnel pour les démarches", "Direction de la relation usagers",
     FollowUpStatus.ABANDONED, "Le test a montré des réponses trop peu fiables ; les participants en ont été "
                               "informés.", [(260, "Test arrêté après trois mois.")]),
]


def build_agent(now):
    users = get_user_model().objects
    organisation = Organisation.objects.filter(name=TOURS).first()
    if organisation is None:
        return
    _label, email, password = TOURS_AGENT
    person = users.filter(username=email).first() or users.create_user(
        email, email, password, first_name="Julien", last_name="Moreau")
    memberships.verify(person, organisation, VerificationMethod.STAFF, now, role=MembershipRole.AGENT)


def build_record(slug, spec, today, now) -> Consultation | None:
    name, start, end, phase, fields = spec
    organisation = Organisation.objects.filter(name=name).first()
    existing = Consultation.objects.filter(slug=slug).first()
    if existing is not None or organisation is None:
        return existing
    commitment = record_submissions.commitment_of(organisation.pk)
    published_at = now + datetime.timedelta(days=min(start, 0) - 20)
    record = Consultation(
        organisation=organisation, slug=slug, phase=phase, is_illustrative=True,
        starts_on=today + datetime.timedelta(days=start), ends_on=today + datetime.timedelta(days=end),
        charter_version=commitment.charter_version if commitment else None, first_published_at=published_at,
        last_published_at=now + datetime.timedelta(days=min(end, 0)), **fields)
    record.full_clean()
    record.save()
    for number, kind, evidence in FINDINGS.get(slug, []):
        Finding.objects.create(consultation=record, lesson=Lesson.objects.get(number=number), kind=kind,
                               evidence=evidence)
    if record.charter_version_id and phase in (Phase.REPORTING, Phase.FOLLOW_UP):
        answers = ("oui", "oui", "en-partie", "oui", "oui", "en-partie", "oui")
        ArticleAssessment.objects.bulk_create(
            ArticleAssessment(consultation=record, article=article, answer=answers[index % len(answers)],
                              comment="Auto-évaluation illustrative.")
            for index, article in enumerate(CharterArticle.objects.filter(version_id=record.charter_version_id)
                                            .order_by("number")))
    services.record_version(record, record_submissions.snapshot(record), None, published_at,
                            note="Déclaration (exemple illustratif).")
    if phase != Phase.ANNOUNCED:
        services.record_version(record, record_submissions.snapshot(record), None, record.last_published_at,
                                note="Documentée après l'événement (exemple illustratif).")
    return record


def build_follow_ups(record, now):
    if record is None or record.follow_ups.exists():
        return
    for text, owner, status, reason, entries in FOLLOW_UPS:
        item = FollowUp(consultation=record, text=text, owner=owner, status=status, reason=reason,
                        created_at=now - datetime.timedelta(days=400))
        item.full_clean()
        item.save()
        for days, progress in entries:
            on = record.ends_on + datetime.timedelta(days=days)
            ProgressEntry.objects.create(follow_up=item, on=on, text=progress, created_at=timezone.make_aware(
                datetime.datetime.combine(on, datetime.time(10))))


def build(context):
    now = clock.now()
    today = timezone.localdate(now)
    build_agent(now)
    records = {slug: build_record(slug, spec, today, now) for slug, spec in RECORDS.items()}
    build_follow_ups(records["cafe-ia-services-publics-nantes"], now)
    context["consultation_records"] = records
