"""Demo content of the jury: last year's edition in deliberation, and the edition before it published.

Everything goes through the same services as the jury's pages (`jury/services/`,
the scoring state and the score form's rules), with an explicit clock inside
each round's window, so the demo shows data the application itself could have
produced:

* last year's "Territoire innovant": a jury of six (one président·e); the
  preselection (round 1) fully scored with three jurors per file, one conflict
  of interest declared (the file is handed to another juror), then decided in
  bulk from the ranking: the first eight retained for the final, the others
  not; the final (round 2) on those eight, fully scored by everyone and closed,
  its levels recorded (Or, Argent, Bronze, a mention), "Numérique
  responsable" eliminatory below 4 out of 10 and biting on one finalist (who
  gets the mention, not a level); the results are not published, so that a
  newcomer can walk the publication. One juror is severe (2 to 4 out of 10),
  one lenient (8 to 10), so that the calibrated ranking differs from the
  raw-mean one;
* last year's "Start-up interconnectée": the same six jurors scoring now, in
  a round open since a few days and closing in two weeks; every juror but the
  président·e (jure1, the demo's juror account) has scored their files, so
  that a newcomer logging in as a juror has files to score;
* the edition before: a decision for every application (laureates with a
  citation, two mentions, the others not selected, each with the jury's
  summary), then the results published.

The jurors' names are made up; their addresses and the applicants' are on
example.org. Built once: anything already there is left as it is.
"""

import datetime
import math

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from interconnectes import clock
from jury import rules, scoring_state
from jury.assignment import Mode
from jury.models import (
    JURY_STATUSES,
    Assignment,
    ConflictDeclaration,
    Decision,
    DecisionOutcome,
    JuryMember,
    JuryRole,
    JuryRound,
    RoundPurpose,
)
from jury.progress import round_ranking
from jury.services import assignments, conflicts, decisions, publication, scores
from jury.services.criteria import round_criteria
from labels.demo import PARIS, paris
from labels.models import ResultsPublication

JURY_PASSWORD = "interconnectes-jury"  # nosec B105 # demo accounts only: the command refuses production
# (username, first name, last name, role, (lowest, highest) score they give out of 10, worst file to best)
JURORS = [
    ("jure1@example.org", "Hélène", "Marchetti", JuryRole.PRESIDENT, (4, 8)),
    ("jure2@example.org", "Karim", "Benhaddou", JuryRole.MEMBER, (5, 9)),
    ("jure3@example.org", "Odile", "Kerbrat", JuryRole.MEMBER, (2, 4)),  # severe
    ("jure4@example.org", "Bastien", "Lefèvre-Sarr", JuryRole.MEMBER, (4, 7)),
    ("jure5@example.org", "Maëlle", "Dufresne", JuryRole.MEMBER, (8, 10)),  # lenient
    ("jure6@example.org", "Théo", "Gaillard", JuryRole.MEMBER, (3, 8)),
]
STAFF = ("Équipe labels (démo)", "equipe@example.org", "interconnectes-equipe")
STAFF_GROUP = "Équipe labels"
STAFF_PERMISSIONS = [("labels", "review_application"), ("wagtailadmin", "access_admin")]
ACCOUNTS = [(f"Juré·e {position} (démo)", username, JURY_PASSWORD)
            for position, (username, *_rest) in enumerate(JURORS, start=1)] + [STAFF]

CONFLICTED_JUROR = 3  # jure4 declares a conflict on the first file they open
CONFLICT_REASON = "J'ai accompagné ce projet comme consultant en 2023, avant de rejoindre le jury."
SHORTLIST_SIZE = 8
SPLIT_FILES = 4  # files on which one juror of the preselection genuinely disagrees with the others
ELIMINATORY = ("Numérique responsable", 4)  # the criterion made eliminatory, and its threshold out of 10
BITTEN = 2  # the finalist at this place of the final's ranking scores under the threshold on it
# The final's outcomes, best first among the files the eliminatory criterion spares.
FINAL_LEVELS = ["Or", "Argent", "Argent", "Bronze", "Bronze"]

OVERALL_COMMENTS = [
    "Projet encore fragile : le besoin est réel mais les résultats restent à démontrer.",
    "Démarche sérieuse, impact mesuré sur un périmètre limité ; à suivre.",
    "Bon projet, bien documenté, reproductible par d'autres collectivités.",
    "Projet remarquable : besoin clair, résultats chiffrés et démarche ouverte.",
]
LOW_SCORE_COMMENT = "Aucun élément chiffré dans le dossier."
FEEDBACK = {
    DecisionOutcome.LAUREATE: "Le jury a salué un besoin clairement posé, des résultats mesurés et une démarche "
                              "que d'autres collectivités peuvent reprendre.",
    DecisionOutcome.MENTION: "Le jury a distingué une démarche prometteuse ; des résultats chiffrés sur une "
                             "année complète renforceraient une prochaine candidature.",
    DecisionOutcome.NOT_SELECTED: "Projet intéressant ; le jury attendait une évaluation plus précise de "
                                  "l'impact et des éléments sur la reproductibilité. N'hésitez pas à "
                                  "candidater de nouveau lors d'une prochaine édition.",
}
SCORING_CLOSES_IN = datetime.timedelta(days=14)  # the start-up contest's scoring closes this long after loading
SCORING_JUROR_LEFT = 0  # the juror (jure1) who has not scored yet in the start-up contest
LAUREATES = 22
MENTIONS = 2


def quality(position: int, count: int) -> float:
    """A made-up merit between 0 and 1 for the file at `position`: evenly spread, shuffled, reproducible."""
    step = next(step for step in (17, 13, 11, 7, 1) if math.gcd(step, count) == 1)
    return ((position * step) % count) / max(count - 1, 1)


def score_values(criteria, merit: float, profile, seed: int) -> dict:
    """The juror's scores: their own range of the scale, placed by the file's merit, plus a little noise."""
    low, high = profile
    values = {}
    for index, criterion in enumerate(criteria):
        noise = ((seed + 3 * index) % 5 - 2) * 0.06
        placed = min(1.0, max(0.0, merit + noise))
        on_ten = min(high, max(low, round(low + (high - low) * placed)))
        values[criterion.pk] = max(1, round(on_ten * criterion.max_score / 10))
    return values


# --- Accounts ------------------------------------------------------------------------------------

def build_staff():
    """The campaign team's account: not a superuser, its rights come from the "Équipe labels" group."""
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    wanted = Q()
    for app_label, codename in STAFF_PERMISSIONS:
        wanted |= Q(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*Permission.objects.filter(wanted))
    _label, username, password = STAFF
    users = get_user_model().objects
    user = users.filter(username=username).first()
    if user is None:
        user = users.create_user(username, username, password, first_name="Dominique", last_name="Rivière")
    user.groups.add(group)
    return users.get(pk=user.pk)  # fresh: no permission cache from before the group was set


def build_jury(campaign):
    users = get_user_model().objects
    members = []
    for username, first_name, last_name, role, _profile in JURORS:
        user = users.filter(username=username).first()
        if user is None:
            user = users.create_user(username, username, JURY_PASSWORD, first_name=first_name, last_name=last_name)
        member = JuryMember.objects.filter(campaign=campaign, user=user).first()
        if member is None:
            member = JuryMember.objects.create(campaign=campaign, user=user, role=role)
        members.append(member)
    return members


# --- Scoring -------------------------------------------------------------------------------------

def score_sheet(member, jury_round, application, merit, profile, seed, now, forced=None):
    """The juror's sheet, as their score form would save it: their scoring state, the form's rules, the service.
    `forced` sets some criteria's scores by name."""
    criteria = round_criteria(jury_round, now)
    values = score_values(criteria, merit, profile, seed)
    for criterion in criteria:
        if forced and criterion.name in forced:
            values[criterion.pk] = forced[criterion.name]
    comments = {cid: LOW_SCORE_COMMENT for cid, value in values.items() if value <= 2}
    overall = OVERALL_COMMENTS[min(len(OVERALL_COMMENTS) - 1, int(merit * len(OVERALL_COMMENTS)))]
    cleaned = rules.clean_scores([rules.Scale(c.pk, c.name, c.max_score) for c in criteria], values, comments)
    state = scoring_state.load(member.user, jury_round.pk, application.pk, now)
    scores.save_scores(state, cleaned, overall)


def declare_once(member, application, jury_round, now):
    """The juror's "pas de conflit d'intérêts", unless they already declared on this file (any round)."""
    if not ConflictDeclaration.objects.filter(juror=member, application=application).exists():
        conflicts.declare(member, application, has_conflict=False, by=member.user, jury_round=jury_round, now=now)


def build_round1(campaign, members, staff, merits, today):
    opens_at = campaign.jury_starts_at
    jury_round = JuryRound(campaign=campaign, number=1, name="Tour 1 — présélection", opens_at=opens_at,
                           purpose=RoundPurpose.PRESELECTION,
                           closes_at=paris(today - datetime.timedelta(days=12), 23, 59, 59),
                           deliberation_opens_at=paris(today - datetime.timedelta(days=10), 9),
                           jurors_per_application=3)
    jury_round.full_clean()
    jury_round.save()
    assignments.assign(jury_round, Mode.BALANCED, by=staff)
    by_juror = {}
    for juror_id, application_id in (Assignment.objects.filter(round=jury_round)
                                     .order_by("application__reference").values_list("juror_id", "application_id")):
        by_juror.setdefault(juror_id, []).append(application_id)
    applications = {application.pk: application for application in jury_round.applications()}
    # A few clear-cut files (very strong or very weak) on which the first juror to open them sees the opposite:
    # the genuinely split files "à discuter" should flag, whatever each juror's severity.
    split = set(sorted((pk for pk in applications if abs(merits[pk] - 0.5) > 0.3),
                       key=lambda pk: applications[pk].reference)[:SPLIT_FILES])
    conflicted = None
    for index, member in enumerate(members):
        for position, application_id in enumerate(by_juror.get(member.pk, [])):
            application = applications[application_id]
            merit = merits[application.pk]
            if application_id in split:
                split.discard(application_id)
                merit = 1 - merit
            now = opens_at + datetime.timedelta(days=1 + (3 * index + position) % 24, hours=index)
            if index == CONFLICTED_JUROR and conflicted is None:
                conflicts.declare(member, application, has_conflict=True, reason=CONFLICT_REASON,
                                  by=member.user, jury_round=jury_round, now=now)
                conflicted = application
                continue
            declare_once(member, application, jury_round, now)
            score_sheet(member, jury_round, application, merit, JURORS[index][4], application.pk + index, now)
    if conflicted is not None:
        # The file keeps three jurors: staff hand it to the least-loaded juror who is not on it yet.
        on_file = set(Assignment.objects.filter(round=jury_round, application=conflicted)
                      .values_list("juror_id", flat=True))
        index, member = min(((i, m) for i, m in enumerate(members) if m.pk not in on_file),
                            key=lambda pair: (len(by_juror.get(pair[1].pk, [])), pair[0]))
        assignments.add_assignment(jury_round, member, conflicted, by=staff)
        now = opens_at + datetime.timedelta(days=20)
        declare_once(member, conflicted, jury_round, now)
        score_sheet(member, jury_round, conflicted, merits[conflicted.pk], JURORS[index][4], conflicted.pk, now)
    return jury_round


def decide_preselection(round1, staff, today):
    """The jury retains the first eight of the calibrated ranking for the final, in two bulk decisions."""
    ranked = [result.application_id for result in round_ranking(round1).ranking.results if result.rank is not None]
    when = paris(today - datetime.timedelta(days=10), 17)
    decisions.record_bulk(round1, ranked[:SHORTLIST_SIZE], outcome=DecisionOutcome.RETAINED, by=staff, now=when,
                          reason="Les huit premiers du classement corrigé vont en finale.")
    decisions.record_bulk(round1, ranked[SHORTLIST_SIZE:], outcome=DecisionOutcome.NOT_SELECTED, by=staff,
                          now=when, reason="Classés au-delà du huitième rang de la présélection.")


def build_round2(campaign, members, staff, merits, today):
    """The final on the eight files retained, closed, fully scored; one finalist below the eliminatory threshold."""
    opens_at = paris(today - datetime.timedelta(days=9), 9)
    jury_round = JuryRound(campaign=campaign, number=2, name="Tour 2 — finale", opens_at=opens_at,
                           purpose=RoundPurpose.FINAL,
                           closes_at=paris(today - datetime.timedelta(days=3), 23, 59, 59),
                           deliberation_opens_at=paris(today - datetime.timedelta(days=2), 9))
    jury_round.full_clean()
    jury_round.save()  # starts with the files the preselection retained
    assignments.assign(jury_round, Mode.EVERYONE, by=staff)
    finalists = sorted(jury_round.applications(), key=lambda application: -merits[application.pk])
    bitten = finalists[BITTEN].pk
    for index, member in enumerate(members):
        for position, application in enumerate(finalists):
            now = opens_at + datetime.timedelta(days=1 + position % 3, hours=index)
            declare_once(member, application, jury_round, now)
            forced = {ELIMINATORY[0]: 2 + index % 2} if application.pk == bitten else None
            score_sheet(member, jury_round, application, merits[application.pk], JURORS[index][4],
                        application.pk + 7 * index, now, forced)
    return jury_round


def decide_final(final, staff, today):
    """Levels for the best finalists the eliminatory criterion spares, the mention for the one it bites."""
    result = round_ranking(final)
    when = paris(today - datetime.timedelta(days=2), 17)
    applications = {application.pk: application for application in final.applications()}
    spared = [entry.application_id for entry in result.ranking.results if entry.application_id not in result.eliminated]
    for application_id in result.eliminated:
        application = applications[application_id]
        decisions.record_decision(application, jury_round=final, outcome=DecisionOutcome.MENTION, by=staff, now=when,
                                  citation=f"Mention spéciale pour « {application.title} », une démarche "
                                           "prometteuse à rendre plus sobre.",
                                  feedback=FEEDBACK[DecisionOutcome.MENTION])
    for position, application_id in enumerate(spared):
        application = applications[application_id]
        if position < len(FINAL_LEVELS):
            decisions.record_decision(application, jury_round=final, outcome=DecisionOutcome.LAUREATE,
                                      level=FINAL_LEVELS[position], by=staff, now=when,
                                      citation=f"Pour « {application.title} » : {application.impact}",
                                      feedback=FEEDBACK[DecisionOutcome.LAUREATE])
        else:
            decisions.record_decision(application, jury_round=final, outcome=DecisionOutcome.NOT_SELECTED, by=staff,
                                      now=when, feedback=FEEDBACK[DecisionOutcome.NOT_SELECTED])


def build_deliberating(campaign, staff):
    """Last year's jury: six members, the preselection decided, the final scored and decided, not published."""
    members = build_jury(campaign)
    if JuryRound.objects.filter(campaign=campaign).exists():
        return
    name, threshold = ELIMINATORY
    campaign.criteria.filter(name=name).update(eliminatory=True, eliminatory_threshold=threshold)
    today = clock.now().astimezone(PARIS).date()
    ids = list(campaign.applications.order_by("reference").values_list("pk", flat=True))
    merits = {pk: quality(position, len(ids)) for position, pk in enumerate(ids)}
    round1 = build_round1(campaign, members, staff, merits, today)
    decide_preselection(round1, staff, today)
    final = build_round2(campaign, members, staff, merits, today)
    decide_final(final, staff, today)


def build_scoring(campaign, staff):
    """Last year's start-up contest: one round open for scoring, three jurors per file, jure1's sheets to do."""
    members = build_jury(campaign)
    if JuryRound.objects.filter(campaign=campaign).exists():
        return
    today = clock.now().astimezone(PARIS).date()
    opens_at = campaign.jury_starts_at
    jury_round = JuryRound(campaign=campaign, number=1, name="Tour 1 — notation", opens_at=opens_at,
                           purpose=RoundPurpose.FINAL,
                           closes_at=paris(today + SCORING_CLOSES_IN, 23, 59, 59),
                           deliberation_opens_at=paris(today + SCORING_CLOSES_IN + datetime.timedelta(days=1), 9),
                           jurors_per_application=3)
    jury_round.full_clean()
    jury_round.save()
    assignments.assign(jury_round, Mode.BALANCED, by=staff)
    applications = list(jury_round.applications().order_by("reference"))
    merits = {application.pk: quality(position, len(applications)) for position, application in enumerate(applications)}
    for index, member in enumerate(members):
        if index == SCORING_JUROR_LEFT:
            continue
        mine = set(Assignment.objects.filter(round=jury_round, juror=member).values_list("application_id", flat=True))
        assigned = [application for application in applications if application.pk in mine]
        for position, application in enumerate(assigned):
            now = min(opens_at + datetime.timedelta(days=1 + position % 4, hours=index),
                      clock.now() - datetime.timedelta(hours=1))
            declare_once(member, application, jury_round, now)
            score_sheet(member, jury_round, application, merits[application.pk], JURORS[index][4],
                        application.pk + index, now)


# --- Published edition ---------------------------------------------------------------------------

def build_published(campaign, staff):
    """The edition before: every decision recorded in June, then the results published through the service."""
    if (ResultsPublication.objects.filter(campaign=campaign).exists()
            or Decision.objects.filter(application__campaign=campaign).exists()):
        return
    year = campaign.year
    applications = list(campaign.applications.filter(status__in=JURY_STATUSES).order_by("reference"))
    merit = {application.pk: quality(position, len(applications)) for position, application in enumerate(applications)}
    ranked = sorted(applications, key=lambda application: -merit[application.pk])
    decided_at = paris(datetime.date(year, 6, 5), 17)
    for position, application in enumerate(ranked):
        if position < LAUREATES:
            outcome = DecisionOutcome.LAUREATE
            citation = f"Pour « {application.title} » : {application.impact}"
        elif position < LAUREATES + MENTIONS:
            outcome = DecisionOutcome.MENTION
            citation = f"Mention spéciale pour une démarche prometteuse, « {application.title} »."
        else:
            outcome, citation = DecisionOutcome.NOT_SELECTED, ""
        decisions.record_decision(application, outcome=outcome, by=staff, citation=citation,
                                  feedback=FEEDBACK[outcome], minutes=f"Délibération du jury du 5 juin {year}.",
                                  now=decided_at)
    publication.publish_results(campaign, by=staff, now=paris(datetime.date(year, 6, 10), 18), notify=False)


def build(context):
    staff = build_staff()
    build_deliberating(context["labels_deliberating_campaign"], staff)
    build_scoring(context["labels_scoring_campaign"], staff)
    build_published(context["labels_published_campaign"], staff)
