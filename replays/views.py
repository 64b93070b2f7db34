"""The replays' pages: the listing, a replay's page and its files, the same through a share link, and "watched to
the end". Thin: who may watch is `replays.permissions`, what a page shows is `replays.pages`."""

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from interconnectes import clock
from interconnectes.privatefiles import pdf, responses, webvtt
from replays import pages, permissions, services
from replays.models import Replay

PER_PAGE = 20
personal = cache_control(private=True, no_store=True)


def _replay_for(request, slug):
    """The replay of `slug` if the reader may watch it; the login page, a French explanation or a 404 if not."""
    replay = get_object_or_404(pages.with_context(), slug=slug)
    if permissions.may_watch(request.user, replay, request):
        return replay, None
    reason = permissions.refusal(request.user, replay)
    if reason == "login":
        return replay, redirect_to_login(request.get_full_path())
    if reason == "members":
        return replay, render(request, "replays/members_only.html", {"replay": replay}, status=403)
    raise Http404


def _watchable_file(request, slug=None, token=None):
    """The replay whose file is asked for, by address (the reader's permission) or by share link; never a
    refusal page for a file: a 404."""
    if token is not None:
        link = permissions.open_share_link(token, clock.now())
        if link is None:
            raise Http404
        return link.replay
    replay = get_object_or_404(Replay, slug=slug)
    if not permissions.may_watch(request.user, replay, request):
        raise Http404
    return replay


@require_GET
def index(request):
    """Every replay the reader may watch, events' and Territoir'Prod's, newest first."""
    replays = pages.with_context(permissions.visible_replays(request.user, request))
    page = Paginator(replays, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "replays/index.html",
                  {"page_obj": page, "cards": pages.cards(request, page.object_list)})


@require_GET
def detail(request, slug):
    replay, refusal = _replay_for(request, slug)
    if refusal is not None:
        return refusal
    return render(request, "replays/replay.html", pages.replay_context(request, replay))


@require_GET
@personal
def shared(request, token):
    """A replay opened by its share link; 404 once it has expired or been revoked."""
    link = permissions.open_share_link(token, clock.now())
    if link is None:
        raise Http404
    replay = get_object_or_404(pages.with_context(), pk=link.replay_id)
    return render(request, "replays/replay.html", pages.replay_context(request, replay, token=token))


def video(request, slug=None, token=None):
    """The uploaded video, inline, answering range requests (a reader seeks in it)."""
    replay = _watchable_file(request, slug, token)
    if not replay.video:
        raise Http404
    return responses.serve(request, replay.video, content_type=replay.video_content_type,
                           filename=f"{replay.slug}.{replay.video_content_type.split('/')[-1]}", as_attachment=False)


def captions(request, slug=None, token=None):
    replay = _watchable_file(request, slug, token)
    if not replay.captions:
        raise Http404
    return responses.serve(request, replay.captions, content_type=webvtt.CONTENT_TYPE,
                           filename=f"{replay.slug}.vtt", as_attachment=False)


def slides(request, slug=None, token=None):
    replay = _watchable_file(request, slug, token)
    if not replay.slides:
        raise Http404
    return responses.serve(request, replay.slides, content_type=pdf.CONTENT_TYPE,
                           filename=f"{replay.slug}.pdf", as_attachment=True)


@require_POST
def watched(request, slug):
    """The player reached the end: a member enrolled in the sequence's theme is recorded as having attended it."""
    replay = _watchable_file(request, slug)
    recorded = services.record_watched(request.user, replay, clock.now())
    return JsonResponse({"recorded": recorded}, status=200 if recorded else 403)
