"""A round's ranking computed once per change of what it is computed from, then served from the cache.

Ranking a national round (2,000 files, 20 jurors, 6 criteria) takes a
second; staff click through its views and pages many times between two
score saves. So `cached_ranking` keeps the ranking under a key made of the
round, the audience it was computed for and the campaign's *ranking
version*, as `interconnectes.content_version` does for pages: every change
that can move the ranking (a score, a declaration of conflict, the round's
criteria or shortlist, an application's status or category, the campaign's
criteria and ranking settings) sets a new version, and entries under older
ones are never read again and expire on their own. The version is per
campaign, not per round: a round's files depend on the round before it (its
shortlist). The progress page's per-juror figures (`cached_progress`) are
kept under the same version, which assignments move too.

Writes that bypass model signals (the score sheet's bulk upsert, the
publication's bulk update, the assignment of a whole round) call
`bump_ranking_version` themselves. With `JURY_RANK_AHEAD` (production with
Redis), each new version queues `rank_ahead`, which the task worker runs: the
ranking is computed after the save rather than on staff's first click. A cache
that cannot be reached only means computing the ranking on each request.
"""

import gc
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks import task

from jury.models import JuryRound
from jury.progress import RoundProgress, RoundRanking, file_tally, juror_tally, round_ranking

STAFF = "staff"  # the only audience of the ranking today: campaign staff (jury.views.access.staff_required)
RANKING_SECONDS = 24 * 3600  # an entry unused for a day is computed again


def version_key(campaign_id) -> str:
    return f"jury-ranking-version:{campaign_id}"


def ranking_version(campaign_id) -> int:
    version = cache.get_or_set(version_key(campaign_id), time.time_ns, timeout=None)
    return version if version is not None else time.time_ns()


def bump_ranking_version(campaign_id) -> None:
    version = time.time_ns()
    cache.set(version_key(campaign_id), version, timeout=None)
    if settings.JURY_RANK_AHEAD:
        rank_ahead.enqueue(campaign_id, version)


def ranking_key(jury_round, audience: str, options: dict) -> str:
    settings = ",".join(f"{name}={value}" for name, value in sorted(options.items()))
    return f"jury-ranking:{audience}:{jury_round.pk}:{ranking_version(jury_round.campaign_id)}:{settings}"


RECENT = 4  # rankings a worker keeps in memory: the rounds staff are clicking through


class RecentRankings:
    """The last rankings this process served, by cache key, so that a click reads no pickle.

    The key holds the campaign's ranking version, read from the shared cache on
    every request, so an entry here is never served after a change, and workers
    agree; unpickling a national round's ranking from the shared cache costs more
    than rendering its page. A ranking is read-only once computed.
    """

    def __init__(self, size: int):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            result = self.entries.get(key)
            if result is not None:
                self.entries.move_to_end(key)
            return result

    def put(self, key, result) -> None:
        with self.lock:
            self.entries[key] = result
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


recent = RecentRankings(RECENT)


@contextmanager
def collector_paused():
    """Hold Python's cyclic garbage collector while a ranking is computed.

    A national round's ranking builds some 300,000 dictionaries, tuples and
    lists that reference no one back: the collector would walk everything
    the process holds several times over (a sixth of the first click) to free
    no cycle. It runs again as soon as the ranking is done; another thread
    that paused it meanwhile finds it paused and leaves it to the first.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def cached_ranking(jury_round, *, audience: str = STAFF, **options) -> RoundRanking:
    """`jury.progress.round_ranking(jury_round, **options)`, computed once per ranking version and audience."""
    key = ranking_key(jury_round, audience, options)
    result = recent.get(key)
    if result is None:
        result = cache.get(key)
        if result is None:
            with collector_paused():
                result = round_ranking(jury_round, **options)
            cache.set(key, result, RANKING_SECONDS)
        recent.put(key, result)
    return result


def cached_progress(jury_round, application_ids) -> RoundProgress:
    """`jury.progress.round_progress(jury_round, application_ids)` with the per-juror figures kept per ranking
    version: counting them goes over every assignment of the round (40,000 in a national one) on each view of the
    progress page, while the per-file figures of the page on screen cost little. Assignments move the version
    too, so the figures are never older than the last score, assignment or conflict."""
    criteria_ids = [criterion.pk for criterion in jury_round.scoring_criteria()]
    key = (f"jury-progress:{jury_round.pk}:{ranking_version(jury_round.campaign_id)}:"
           + ",".join(str(pk) for pk in criteria_ids))
    per_juror = cache.get(key)
    if per_juror is None:
        per_juror = juror_tally(jury_round, criteria_ids)
        cache.set(key, per_juror, RANKING_SECONDS)
    return RoundProgress(per_juror, file_tally(jury_round, criteria_ids, application_ids))


@task()
def rank_ahead(campaign_id: int, version: int) -> None:
    """Rank the campaign's rounds under `version`, so that staff's first click after a change finds the ranking in
    the shared cache instead of computing it (a second at national scale); the click computes it only when this has
    not run yet.

    A burst of saves queues one task each: a task whose version is no longer
    the campaign's leaves the work to the latest. Rounds whose criteria are not
    frozen yet have no scores to rank.
    """
    if ranking_version(campaign_id) != version:
        return
    for jury_round in (JuryRound.objects.filter(campaign_id=campaign_id, criteria_frozen_at__isnull=False)
                       .select_related("campaign").order_by("number")):
        cached_ranking(jury_round)


# --- What moves the version ----------------------------------------------------------------------------------

def _score_changed(sender, instance, **kwargs):
    bump_ranking_version(instance.application.campaign_id)


def _declaration_changed(sender, instance, **kwargs):
    bump_ranking_version(instance.juror.campaign_id)


def _assignment_changed(sender, instance, **kwargs):
    """Who scores which file: the progress figures (`cached_progress`)."""
    bump_ranking_version(JuryRound.objects.filter(pk=instance.round_id).values_list("campaign_id", flat=True)
                         .first())


def _round_changed(sender, instance, **kwargs):
    bump_ranking_version(instance.campaign_id)


def _round_criterion_changed(sender, instance, **kwargs):
    bump_ranking_version(instance.round.campaign_id)


def _application_changed(sender, instance, **kwargs):
    bump_ranking_version(instance.campaign_id)


def _campaign_criterion_changed(sender, instance, **kwargs):
    bump_ranking_version(instance.page_id)


def _campaign_changed(sender, instance, **kwargs):
    """The campaign's calibration method, "à discuter" threshold and eliminatory rule shape its ranking."""
    bump_ranking_version(instance.pk)


def _round_relation_changed(sender, instance, action, **kwargs):
    """A round's shortlist or criteria, changed from either side: a round or an application (`campaign_id`), a
    campaign's criterion (`page_id`, its campaign page)."""
    if action.startswith("post_"):
        campaign_id = getattr(instance, "campaign_id", None)
        bump_ranking_version(campaign_id if campaign_id is not None else instance.page_id)


def follow_scores() -> None:
    """Connect the model signals that move a campaign's ranking version (called by `JuryConfig.ready`)."""
    from jury.models import Assignment, ConflictDeclaration, RoundCriterion, Score
    from labels.models import Application, EvaluationCriterion, LabelCampaignPage

    handlers = [(Score, _score_changed), (ConflictDeclaration, _declaration_changed), (JuryRound, _round_changed),
                (RoundCriterion, _round_criterion_changed), (Application, _application_changed),
                (EvaluationCriterion, _campaign_criterion_changed),
                (LabelCampaignPage, _campaign_changed), (Assignment, _assignment_changed)]
    for model, handler in handlers:
        label = model._meta.label_lower
        post_save.connect(handler, sender=model, dispatch_uid=f"ranking-version-save-{label}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"ranking-version-delete-{label}")
    for relation in (JuryRound.shortlist.through, JuryRound.criteria.through):
        m2m_changed.connect(_round_relation_changed, sender=relation,
                            dispatch_uid=f"ranking-version-{relation._meta.label_lower}")
