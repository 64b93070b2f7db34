"""What the jury has done so far, read in a fixed number of queries whatever a round's size: each juror's
progress ("12 / 30 notées"), a round's progress per juror and per file, and its ranking.

Reads only: the figures come from `jury/scoring.py` (pure), the rows from the
models, and a conflicted juror's scores never count (`permissions.conflicted_q`).
A sheet is complete when every criterion of the round is scored.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.db import connections
from django.db.models import Case, Count, F, Func, IntegerField, Max, OuterRef, Q, Subquery, When

from jury import eliminatory, scoring
from jury.models import Assignment, ConflictDeclaration, RoundCriterion, Score, in_round_q
from jury.permissions import conflicted_q


@dataclass
class RoundRanking:
    ranking: scoring.Ranking
    criteria: list  # scoring.Criterion of the round
    categories: dict  # application id -> category id
    distribution: dict  # criterion id -> {score: how many times it was given}, for the charts
    names: dict  # criterion id -> name
    eliminated: dict  # application id -> names of the eliminatory criteria it falls below

    @cached_property
    def category_rankings(self) -> dict:
        """Worked out once per ranking: a cached ranking serves every click on a category's view."""
        return self.ranking.by_category(self.categories)

    def by_category(self):
        return self.category_rankings


def score_sheets(scores, criteria, conflicts=None) -> list[tuple]:
    """Every (file, juror) score sheet in `scores`, one row each: (application id, juror id, a tuple of the score on
    each of `criteria` in their order, None where the sheet has none), but those of a juror `conflicts`
    ({application id: {juror ids}}) names on the file.

    The database pivots the scores (a sheet holds at most one score per
    criterion: the score table's unique index), so one pass over a round's
    scores gives its weighted totals, its charts and its eliminatory verdicts
    alike (`scoring.sheet_totals`, `scoring.sheet_distribution`), and Python
    reads one row per sheet rather than one per score.

    The queryset writes the query and a cursor reads its rows as the database
    hands them over: identifiers and scores are integers already, and the
    queryset's conversion of each value costs a tenth of the ranking of a
    national round's 40,000 sheets.
    """
    if not criteria:
        return []
    columns = {f"criterion_{criterion.id}": Max(Case(When(criterion_id=criterion.id, then=F("value")),
                                                     output_field=IntegerField()))
               for criterion in criteria}
    pivot = (scores.order_by().values("application_id", "juror_id").annotate(**columns)
             .values_list("application_id", "juror_id", *columns))
    sql, params = pivot.query.sql_with_params()
    with connections[pivot.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    conflicts = conflicts or {}
    return [(row[0], row[1], tuple(row[2:])) for row in rows if row[1] not in conflicts.get(row[0], ())]


def round_ranking(jury_round, **options) -> RoundRanking:
    """The round's ranking in four queries whatever its size: criteria, applications, conflicts and the score
    sheets (`score_sheets`), from which the weighted totals, the distribution of scores and the eliminatory verdicts
    are worked out.

    Scores of a juror with a declared conflict on the file never count, nor
    scores on criteria that are not the round's. The calibration method and
    the "à discuter" threshold are the campaign's settings (the round's
    campaign is read with it: select_related it); `options` go to
    `scoring.rank` and override them (min_scored, discuss_threshold, method).
    """
    campaign = jury_round.campaign
    options = {"method": campaign.calibration_method, "discuss_threshold": float(campaign.discuss_threshold),
               **options}
    round_criteria = jury_round.scoring_criteria()
    criteria = [scoring.Criterion(c.pk, float(c.weight), c.max_score) for c in round_criteria]
    applications = jury_round.applications()
    categories = dict(applications.order_by().values_list("pk", "category_id"))
    scores = Score.objects.filter(round=jury_round, criterion_id__in=[c.id for c in criteria],
                                  application_id__in=applications.values("pk"))
    # The campaign's declared conflicts are a handful of pairs: dropped in Python, they spare the database a lookup
    # for each of a national round's 160,000 scores.
    conflicts = defaultdict(set)
    for application, juror in (ConflictDeclaration.objects.conflicts()
                               .filter(juror__campaign_id=jury_round.campaign_id)
                               .values_list("application_id", "juror_id")):
        conflicts[application].add(juror)
    sheets = score_sheets(scores, criteria, conflicts)
    ranking = scoring.rank([], criteria, application_ids=sorted(categories),
                           summed=scoring.sheet_totals(sheets, criteria), **options)
    rules = eliminatory_rules(round_criteria)
    eliminated = {}
    if rules:
        positions = {criterion.id: position for position, criterion in enumerate(criteria)}
        rows = [scoring.ScoreRow(application, juror, rule.criterion_id, values[positions[rule.criterion_id]])
                for application, juror, values in sheets for rule in rules
                if rule.criterion_id in positions and values[positions[rule.criterion_id]] is not None]
        eliminated = eliminatory.eliminated(rows, rules, campaign.eliminatory_rule)
    return RoundRanking(ranking, criteria, categories, scoring.sheet_distribution(sheets, criteria),
                        {c.pk: c.name for c in round_criteria}, eliminated)


def eliminatory_rules(round_criteria) -> list:
    return [eliminatory.Rule(c.pk, c.name, c.eliminatory_threshold) for c in round_criteria
            if c.eliminatory and c.eliminatory_threshold is not None]


def eliminated_on(jury_round, application_id) -> list[str]:
    """Names of the eliminatory criteria that eliminate one file in the round (two queries)."""
    rules = eliminatory_rules(jury_round.scoring_criteria())
    if not rules:
        return []
    rows = [scoring.ScoreRow(*row) for row in
            Score.objects.filter(round=jury_round, application_id=application_id,
                                 criterion_id__in=[rule.criterion_id for rule in rules])
            .exclude(conflicted_q()).values_list("application_id", "juror_id", "criterion_id", "value")]
    return eliminatory.eliminated(rows, rules, jury_round.campaign.eliminatory_rule).get(application_id, [])


def juror_progress(seats) -> dict:
    """{round id: (complete sheets, files to score)} for "12 / 30 notées", in three queries however many rounds.

    `seats` are (round, the juror's JuryMember on its campaign) pairs. As in
    `round_progress`: only files in the round (its shortlist after round 1),
    no declared conflict. A round scores only once its criteria are frozen, so
    its frozen criteria are the ones a sheet must cover.
    """
    if not seats:
        return {}
    rounds = {jury_round.pk: member.pk for jury_round, member in seats}
    criteria = defaultdict(set)
    for round_id, criterion_id in RoundCriterion.objects.filter(round_id__in=rounds).values_list("round_id", "pk"):
        criteria[round_id].add(criterion_id)
    files = defaultdict(set)
    for round_id, juror_id, application_id in (
            Assignment.objects.filter(in_round_q(), round_id__in=rounds, juror_id__in=rounds.values())
            .exclude(conflicted_q())
            .values_list("round_id", "juror_id", "application_id")):
        if rounds[round_id] == juror_id:
            files[round_id].add(application_id)
    scored = Counter(
        (round_id, application_id) for round_id, juror_id, application_id, criterion_id in
        Score.objects.filter(round_id__in=rounds, juror_id__in=rounds.values())
        .values_list("round_id", "juror_id", "application_id", "criterion_id")
        if rounds[round_id] == juror_id and criterion_id in criteria[round_id])
    return {round_id: (sum(1 for application_id in files[round_id]
                           if criteria[round_id] and scored[round_id, application_id] >= len(criteria[round_id])),
                       len(files[round_id]))
            for round_id in rounds}


@dataclass
class RoundProgress:
    """Complete sheets over assigned files, per juror and per application ("12 / 30 notées")."""

    per_juror: dict  # juror id -> (complete, assigned)
    per_application: dict  # application id -> (complete, assigned)

    @property
    def missing(self) -> dict:
        """{juror id: number of sheets still to complete}, for the reminders."""
        return {juror: assigned - done for juror, (done, assigned) in self.per_juror.items() if assigned > done}


def round_progress(jury_round, application_ids=None) -> RoundProgress:
    """Progress of a round for the staff dashboard, in three queries whatever its size: the figures are counted
    by the database, one row per juror and one per file, never one per assignment.

    `application_ids` narrows the per-file figures to those files (the page of
    the table on screen); None gives every file of the round. Conflicted pairs
    and files outside the round are left out; a sheet is complete when every
    criterion of the round is scored.
    """
    criteria_ids = [criterion.pk for criterion in jury_round.scoring_criteria()]
    return RoundProgress(juror_tally(jury_round, criteria_ids), file_tally(jury_round, criteria_ids, application_ids))


def _pairs(jury_round):
    return (Assignment.objects.filter(round=jury_round, application_id__in=jury_round.applications().values("pk"))
            .exclude(conflicted_q()))


def juror_tally(jury_round, criteria_ids: list) -> dict:
    """{juror id: (complete sheets, assigned files)} over the whole round: one query, counted by the database
    over every assignment (the part of the progress page that grows with the round; `jury.ranking_cache`
    keeps it between two changes)."""
    return _tally(_pairs(jury_round), "juror_id", criteria_ids)


def file_tally(jury_round, criteria_ids: list, application_ids=None) -> dict:
    """{application id: (complete sheets, assigned jurors)} for `application_ids` (None: every file), one query."""
    pairs = _pairs(jury_round)
    # Q(pk=None) keeps the query for an empty page, so that every page of the table costs the same.
    files = pairs if application_ids is None else pairs.filter(Q(application_id__in=list(application_ids))
                                                                | Q(pk=None))
    return _tally(files, "application_id", criteria_ids)


def _tally(pairs, key: str, criteria_ids: list) -> dict:
    """{`key`: (complete sheets, assigned pairs)} over `pairs` (assignments), grouped by the database.

    Each pair's number of scores on the round's criteria is a correlated count
    (the score table's unique index answers it), compared in the aggregate.
    """
    scored = (Score.objects.filter(round_id=OuterRef("round_id"), juror_id=OuterRef("juror_id"),
                                   application_id=OuterRef("application_id"), criterion_id__in=criteria_ids)
              .order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count"))  # no GROUP BY
    complete = Q(scored__gte=len(criteria_ids)) if criteria_ids else Q(pk=None)
    return {row[0]: (row[1], row[2]) for row in
            pairs.annotate(scored=Subquery(scored, output_field=IntegerField())).order_by().values(key)
            .annotate(done=Count("pk", filter=complete), assigned=Count("pk")).values_list(key, "done", "assigned")}
