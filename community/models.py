"""The Territoir'Prod community: spaces, their topics and posts, reports, and who follows what by e-mail.

A space is either the general one or a theme's (its moderators are then the
theme's coordinators, read from the programme, plus any extra moderators and
the association's team). Posts are plain text: what they show is made by
`community.text` when a page renders them, never stored as HTML.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

BODY_MAX_LENGTH = 5000


class Space(models.Model):
    title = models.CharField(_("titre"), max_length=120)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)
    theme = models.OneToOneField(
        "territoirprod.ThemePage", on_delete=models.SET_NULL, null=True, blank=True, related_name="community_space",
        verbose_name=_("thème Territoir'Prod"), help_text=_("Vide pour l'espace général."))
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="moderated_spaces", verbose_name=_("modérateurs"),
        help_text=_("En plus de l'équipe et des coordinateurs et coordinatrices de la thématique."))

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("espace de la communauté")
        verbose_name_plural = _("espaces de la communauté")

    def __str__(self):
        return self.title


class Topic(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="topics", verbose_name=_("espace"))
    title = models.CharField(_("titre"), max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="community_topics", verbose_name=_("auteur ou autrice"))
    created_at = models.DateTimeField(_("créé le"))
    last_activity_at = models.DateTimeField(_("dernière activité"), db_index=True)
    locked = models.BooleanField(_("verrouillé"), default=False)
    hidden = models.BooleanField(_("masqué"), default=False)
    accepted_post = models.ForeignKey("Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                      verbose_name=_("réponse acceptée"))
    sequence = models.OneToOneField(
        "territoirprod.Sequence", on_delete=models.SET_NULL, null=True, blank=True, related_name="community_topic",
        verbose_name=_("séquence suivie"), help_text=_("Le sujet de questions de suivi ouvert après la séquence."))

    class Meta:
        ordering = ["-last_activity_at", "-pk"]
        verbose_name = _("sujet")
        verbose_name_plural = _("sujets")

    def __str__(self):
        return self.title


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("sujet"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="community_posts", verbose_name=_("auteur ou autrice"))
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH)
    automatic = models.BooleanField(_("message du site"), default=False,
                                    help_text=_("Écrit par le site (l'ouverture d'un sujet de suivi), pas par un "
                                                "membre : sans auteur, il ne vient pas d'un compte supprimé."))
    created_at = models.DateTimeField(_("publié le"), db_index=True)
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)
    hidden = models.BooleanField(_("masqué"), default=False)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("masqué par"))
    hidden_at = models.DateTimeField(_("masqué le"), null=True, blank=True)
    hidden_reason = models.CharField(_("motif du masquage"), max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.topic} #{self.pk}"


class Report(models.Model):
    """A member's "signaler" on a post, in the queue of the space's moderators until one of them handles it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("message"))
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("signalé par"))
    reason = models.CharField(_("motif"), max_length=500)
    created_at = models.DateTimeField(_("signalé le"))
    handled = models.BooleanField(_("traité"), default=False)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("traité par"))
    handled_at = models.DateTimeField(_("traité le"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")

    def __str__(self):
        return f"{self.post} ({self.reason[:40]})"


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("immédiate (un e-mail par message)")
    DAILY = "daily", _("quotidienne (un résumé par jour)")
    WEEKLY = "weekly", _("hebdomadaire (un résumé par semaine)")


class Subscription(models.Model):
    """Following a space or a topic by e-mail. `last_post_id` is the newest post already mailed (or there when the
    person subscribed): each post is mailed once, whatever the frequency and however late the worker runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="community_subscriptions", verbose_name=_("personne"))
    space = models.ForeignKey(Space, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="subscriptions", verbose_name=_("espace"))
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="subscriptions", verbose_name=_("sujet"))
    frequency = models.CharField(_("fréquence"), max_length=10, choices=Frequency.choices,
                                 default=Frequency.DAILY)
    created_at = models.DateTimeField(_("abonné le"))
    last_sent_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)
    last_post_id = models.PositiveBigIntegerField(_("dernier message envoyé"), default=0)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        constraints = [
            models.CheckConstraint(
                condition=(Q(space__isnull=False, topic__isnull=True) | Q(space__isnull=True, topic__isnull=False)),
                name="community_subscription_one_target"),
            models.UniqueConstraint(fields=["user", "space"], condition=Q(space__isnull=False),
                                    name="community_subscription_unique_space"),
            models.UniqueConstraint(fields=["user", "topic"], condition=Q(topic__isnull=False),
                                    name="community_subscription_unique_topic"),
        ]

    def __str__(self):
        return str(self.space or self.topic)


class Profile(models.Model):
    """The name a member is mentioned by ("@camille-martin"), made when they first take part."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="community_profile", verbose_name=_("personne"))
    handle = models.SlugField(_("nom de mention"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("profil de la communauté")
        verbose_name_plural = _("profils de la communauté")

    def __str__(self):
        return f"@{self.handle}"
