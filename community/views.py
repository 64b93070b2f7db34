"""The community's pages under /communaute/: spaces, topics, posting, moderation, reports, subscriptions.

Who may do what is `community.permissions`; the writes are `community.services`. Someone signed out is sent to
the login page; a signed-in person who may not read a space gets a French explanation (403), never its posts.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from community import mailing, permissions, services, text
from community.forms import EditPostForm, HideForm, PostForm, ReportForm, SubscriptionForm, TopicForm
from community.models import Post, Profile, Report, Space, Subscription, Topic
from interconnectes import clock
from interconnectes.refusals import Refused

PER_PAGE = 20


class NotAReader(Exception):
    """The person may not read this part of the community: the login page, or the explanation."""


def refusal(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return render(request, "community/refused.html", status=403)


def reader_views(view):
    """Turn a NotAReader raised by the view into the login page or the explanation."""
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotAReader:
            return refusal(request)
    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return wrapped


def check_reader(request, space) -> bool:
    """Raise NotAReader unless the person reads `space`; True when they moderate it."""
    if not permissions.may_read(request.user, space, request):
        raise NotAReader
    return permissions.may_moderate(request.user, space, request)


def topic_for(request, pk) -> tuple[Topic, bool]:
    topic = get_object_or_404(Topic.objects.select_related("space", "sequence"), pk=pk)
    moderator = check_reader(request, topic.space)
    if topic.hidden and not moderator:
        raise Http404
    return topic, moderator


def post_for(request, pk) -> tuple[Post, bool]:
    post = get_object_or_404(Post.objects.select_related("topic__space", "author"), pk=pk)
    moderator = check_reader(request, post.topic.space)
    own = post.author_id == request.user.pk
    if (post.topic.hidden and not moderator) or (post.hidden and not (moderator or own)):
        raise Http404
    return post, moderator


@reader_views
def spaces(request):
    if not request.user.is_authenticated:
        raise NotAReader
    visible = Q(topics__hidden=False)
    rows = list(permissions.readable_spaces(request.user, request).select_related("theme").annotate(
        topic_count=Count("topics", filter=visible), last_activity=Max("topics__last_activity_at", filter=visible))
                .order_by("sort_order", "title"))
    if not rows and not (permissions.is_community_staff(request.user)
                         or permissions.is_member_agent(request.user, request)):
        raise NotAReader
    return render(request, "community/spaces.html", {"spaces": rows})


@reader_views
def space(request, slug):
    space = get_object_or_404(Space.objects.select_related("theme"), slug=slug)
    moderator = check_reader(request, space)
    topics = (permissions.visible_topics(space, moderator).select_related("author")
              .annotate(reply_count=Count("posts", filter=Q(posts__hidden=False)))
              .order_by("-last_activity_at", "-pk"))
    page = Paginator(topics, PER_PAGE).get_page(request.GET.get("page"))
    subscription = Subscription.objects.filter(user=request.user, space=space).first()
    return render(request, "community/space.html", {
        "space": space, "page_obj": page, "moderator": moderator, "subscription": subscription,
        "subscription_form": SubscriptionForm(initial={"frequency": subscription.frequency} if subscription else None,
                                              auto_id="space-subscription-%s"),
        "open_reports": Report.objects.filter(post__topic__space=space, handled=False).count() if moderator else 0,
    })


@reader_views
def new_topic(request, slug):
    space = get_object_or_404(Space, slug=slug)
    check_reader(request, space)
    form = TopicForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                topic = services.start_topic(request.user, space, form.cleaned_data["title"],
                                             form.cleaned_data["body"], clock.now())
            except Refused as refused:
                form.add_error(None, refused.message)
                status = 429
            else:
                messages.success(request, _("Votre sujet est publié."))
                return redirect("community:topic", pk=topic.pk)
    return form_page(request, form, status, heading=_("Ouvrir un sujet"), subtitle=space.title,
                     submit=_("Publier le sujet"), back_url=reverse("community:space", args=[space.slug]))


def form_page(request, form, status, **context):
    return render(request, "community/form_page.html", {"form": form, **context}, status=status)


def rendered(posts, request, moderator, now) -> list[dict]:
    """Each post with its HTML (the mentions a page shows looked up in one query) and what the reader may do."""
    known = set(Profile.objects.filter(handle__in=text.handles_in(post.body for post in posts))
                .values_list("handle", flat=True))
    return [{"post": post, "html": text.render(post.body, known),
             "may_edit": permissions.may_edit(request.user, post, now),
             "may_report": permissions.may_report(request.user, post)} for post in posts]


@reader_views
def topic(request, pk):
    topic, moderator = topic_for(request, pk)
    now = clock.now()
    form = PostForm(request.POST if request.method == "POST" else None)
    status = 200
    may_post = permissions.may_post(topic, moderator)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                post = services.reply(request.user, topic, form.cleaned_data["body"], now, moderator=moderator)
            except Refused as refused:
                form.add_error("body", refused.message)
                status = 429 if may_post else 403
            else:
                messages.success(request, _("Votre réponse est publiée."))
                return redirect("community:post", pk=post.pk)
    posts = (permissions.visible_posts(topic, moderator, request.user)
             .select_related("author__community_profile", "hidden_by").order_by("created_at", "pk"))
    page = Paginator(posts, PER_PAGE).get_page(request.GET.get("page"))
    subscriptions = {(s.space_id, s.topic_id): s for s in Subscription.objects.filter(
        Q(space=topic.space_id) | Q(topic=topic), user=request.user)}
    subscription = subscriptions.get((None, topic.pk))
    return render(request, "community/topic.html", {
        "topic": topic, "space": topic.space, "moderator": moderator, "page_obj": page,
        "posts": rendered(list(page.object_list), request, moderator, now),
        "may_accept": permissions.may_accept(request.user, topic, moderator), "may_post": may_post,
        "form": form, "subscription": subscription, "space_subscription": subscriptions.get((topic.space_id, None)),
        "subscription_form": SubscriptionForm(initial={"frequency": subscription.frequency} if subscription else None,
                                              auto_id="topic-subscription-%s"),
    }, status=status)


@reader_views
def post_link(request, pk):
    """A post's address (in e-mails): its topic's page that shows it, at the post."""
    post, moderator = post_for(request, pk)
    earlier = permissions.visible_posts(post.topic, moderator, request.user).filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)).count()
    page = earlier // PER_PAGE + 1
    url = reverse("community:topic", args=[post.topic_id]) + (f"?page={page}" if page > 1 else "")
    return redirect(f"{url}#message-{post.pk}")


@reader_views
def edit_post(request, pk):
    post, _moderator = post_for(request, pk)
    now = clock.now()
    if not permissions.may_edit(request.user, post, now):
        messages.error(request, _("Ce message ne peut plus être modifié : on corrige son message dans les %(minutes)d "
                                  "minutes qui suivent sa publication.") % {
            "minutes": permissions.EDIT_WINDOW.seconds // 60})
        return redirect("community:post", pk=post.pk)
    form = EditPostForm(request.POST if request.method == "POST" else None, initial={"body": post.body})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.edit(request.user, post, form.cleaned_data["body"], now)
            except Refused as refused:
                form.add_error("body", refused.message)
            else:
                messages.success(request, _("Votre message est modifié."))
                return redirect("community:post", pk=post.pk)
    return form_page(request, form, status, heading=_("Modifier mon message"), subtitle=post.topic.title,
                     submit=_("Enregistrer"), back_url=reverse("community:post", args=[post.pk]))


@reader_views
def report_post(request, pk):
    post, _moderator = post_for(request, pk)
    if not permissions.may_report(request.user, post):
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.report(request.user, post, form.cleaned_data["reason"], clock.now())
            except Refused as refused:
                form.add_error("reason", refused.message)
            else:
                messages.success(request, _("Merci : le message est signalé aux modérateurs de l'espace."))
                return redirect("community:post", pk=post.pk)
    return form_page(request, form, status, heading=_("Signaler un message"), subtitle=post.topic.title,
                     submit=_("Signaler"), back_url=reverse("community:post", args=[post.pk]),
                     quoted=text.render(post.body))


def moderator_post(request, pk) -> Post:
    post, moderator = post_for(request, pk)
    if not moderator:
        raise Http404
    return post


@reader_views
def hide_post(request, pk):
    """Hide a post with a reason (moderators); the same address with `action=unhide` shows it again."""
    post = moderator_post(request, pk)
    if request.method == "POST" and request.POST.get("action") == "unhide":
        services.unhide(post)
        messages.success(request, _("Le message est de nouveau visible."))
        return redirect("community:post", pk=post.pk)
    form = HideForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            services.hide(request.user, post, form.cleaned_data["reason"], clock.now())
            messages.success(request, _("Le message est masqué : seuls les modérateurs le voient."))
            return redirect("community:topic", pk=post.topic_id)
    return form_page(request, form, status, heading=_("Masquer un message"), subtitle=post.topic.title,
                     submit=_("Masquer le message"), back_url=reverse("community:post", args=[post.pk]),
                     quoted=text.render(post.body))


@require_POST
@reader_views
def accept_post(request, pk):
    post, moderator = post_for(request, pk)
    if not permissions.may_accept(request.user, post.topic, moderator):
        raise Http404
    try:
        topic = services.accept(post.topic, post)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Réponse acceptée.") if topic.accepted_post_id else
                         _("Ce message n'est plus la réponse acceptée."))
    return redirect("community:post", pk=post.pk)


TOPIC_ACTIONS = {"lock": ("locked", True), "unlock": ("locked", False), "hide": ("hidden", True),
                 "unhide": ("hidden", False)}


@require_POST
@reader_views
def moderate_topic(request, pk):
    """Lock or reopen a topic, hide it from members or show it again (moderators)."""
    topic, moderator = topic_for(request, pk)
    if not moderator or request.POST.get("action") not in TOPIC_ACTIONS:
        raise Http404
    field, value = TOPIC_ACTIONS[request.POST["action"]]
    services.moderate_topic(topic, **{field: value})
    messages.success(request, {
        ("locked", True): _("Le sujet est verrouillé."), ("locked", False): _("Le sujet est rouvert."),
        ("hidden", True): _("Le sujet est masqué : seuls les modérateurs le voient."),
        ("hidden", False): _("Le sujet est de nouveau visible.")}[field, value])
    return redirect("community:topic", pk=topic.pk)


@reader_views
def reports(request, slug):
    """The space's report queue, for its moderators: hide the post (its own page) or dismiss the report."""
    space = get_object_or_404(Space, slug=slug)
    if not check_reader(request, space):
        raise Http404
    if request.method == "POST":
        if not request.POST.get("report", "").isdigit():
            raise Http404
        report_row = get_object_or_404(Report, pk=request.POST["report"], post__topic__space=space, handled=False)
        services.dismiss_report(request.user, report_row, clock.now())
        messages.success(request, _("Signalement classé sans suite."))
        return redirect("community:reports", slug=space.slug)
    rows = list(Report.objects.filter(post__topic__space=space, handled=False)
                .select_related("post__topic", "post__author", "reporter").order_by("created_at"))
    for row in rows:
        row.html = text.render(row.post.body)
    return render(request, "community/reports.html", {"space": space, "reports": rows})


@require_POST
@reader_views
def subscribe(request):
    """Follow a space or a topic (`space` or `topic` in the form), change the frequency, or stop (`action`)."""
    if request.POST.get("topic", "").isdigit():
        target, _moderator = topic_for(request, request.POST["topic"])
        space_, target_kwargs, back = target.space, {"topic": target}, reverse("community:topic", args=[target.pk])
    elif request.POST.get("space", "").isdigit():
        space_ = get_object_or_404(Space, pk=request.POST["space"])
        check_reader(request, space_)
        target_kwargs, back = {"space": space_}, reverse("community:space", args=[space_.slug])
    else:
        raise Http404
    if request.POST.get("action") == "unsubscribe":
        Subscription.objects.filter(user=request.user, **target_kwargs).delete()
        messages.success(request, _("Vous ne recevez plus ces messages par e-mail."))
        return redirect(back)
    form = SubscriptionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez une fréquence de la liste."))
        return redirect(back)
    services.subscribe(request.user, clock.now(), form.cleaned_data["frequency"], **target_kwargs)
    messages.success(request, _("C'est noté : vous recevrez les nouveaux messages par e-mail."))
    return redirect(back)


@csrf_exempt  # the signed token in the address is the proof; mail clients' one-click unsubscribe posts no cookie
def unsubscribe(request, token):
    subscription = mailing.subscription_from_token(token)
    if subscription is None:
        return render(request, "community/unsubscribed.html", {"unknown": True})
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render(request, "community/unsubscribed.html", {"target": str(subscription)})
    return render(request, "community/unsubscribe.html", {"subscription": subscription})
