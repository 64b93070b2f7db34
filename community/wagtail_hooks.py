from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.models import Post, Profile, Report, Space, Subscription
from library.permissions import verified_roles


class SpaceViewSet(SnippetViewSet):
    """The community's spaces, for staff holding their permission: the general one and one per theme (its
    coordinators moderate it; extra moderators can be named)."""

    model = Space
    icon = "group"
    menu_label = gettext_lazy("Communauté : espaces")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "slug", "theme", "sort_order"]
    search_fields = ["title"]
    copy_view_enabled = False
    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("theme"),
              FieldPanel("moderators"), FieldPanel("sort_order")]


register_snippet(SpaceViewSet)

# "Mon espace" is at its query budget: what a person follows is kept in the cache (a few minutes at most for a
# renamed topic; at once for a new or removed subscription).
CACHE_SECONDS = 600


def cache_key(user_id) -> str:
    return f"community:subscriptions:{user_id}"


@receiver([post_save, post_delete], sender=Subscription, dispatch_uid="community-subscriptions-cache")
def forget_subscriptions(sender, instance, **kwargs):
    cache.delete(cache_key(instance.user_id))


def followed(user) -> list[dict]:
    rows = cache.get(cache_key(user.pk))
    if rows is None:
        rows = [{"title": s.topic.title if s.topic_id else s.space.title, "frequency": s.get_frequency_display(),
                 "url": reverse("community:topic", args=[s.topic_id]) if s.topic_id else
                 reverse("community:space", args=[s.space.slug])}
                for s in Subscription.objects.filter(user=user).select_related("space", "topic")
                .order_by("space__sort_order", "topic__title")]
        cache.set(cache_key(user.pk), rows, CACHE_SECONDS)
    return rows


@hooks.register("accounts_space_sections")
def subscriptions_in_my_space(request):
    """"Mon espace": what the person follows in the community; for verified agents, the way in. (Their verified
    memberships are read once per request, by the library's section already.)"""
    subscriptions = followed(request.user)
    if not subscriptions and not verified_roles(request):
        return None
    return (27, _("Communauté Territoir'Prod"), "community/space_section.html", {"subscriptions": subscriptions})


@hooks.register("accounts_personal_data")
def community_in_my_data(user):
    """The person's handle, posts, reports and subscriptions. When the account goes, its posts stay, signed "un
    membre (compte supprimé)", and its handle, subscriptions and the name on its reports go with it (the keys)."""
    profile = Profile.objects.filter(user=user).first()
    posts = Post.objects.filter(author=user).select_related("topic__space").order_by("pk")
    reports = Report.objects.filter(reporter=user).order_by("pk")
    return {"communaute": {
        "nom_de_mention": profile.handle if profile else "",
        "messages": [{"espace": post.topic.space.title, "sujet": post.topic.title, "le": post.created_at.isoformat(),
                      "texte": post.body, "masque": post.hidden} for post in posts],
        "signalements": [{"message": report.post_id, "motif": report.reason, "le": report.created_at.isoformat()}
                         for report in reports],
        "abonnements": [{"suivi": row["title"], "frequence": row["frequency"]} for row in followed(user)],
    }}
