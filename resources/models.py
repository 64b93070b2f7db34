"""The resource space: guides, fiches, templates, slides, datasets and videos, grouped in collections, shared by
the AI library, the consultations' method kit and Territoir'Prod.

A resource is a snippet rather than a page: it is listed, filtered and put in
collections by the other sections, it has no body of its own to lay out, and
its address is a sub-address of the one `ResourceIndexPage`, which serves its
detail, its file and its collections with the space's breadcrumbs. Its themes
are the site's themes (`events.EventTheme`: Intelligence artificielle, Data,
Inclusion numérique, Numérique responsable…), the ones the agenda and
Territoir'Prod are filed under, rather than the AI library's use-case themes.

Who sees what is decided in `resources.permissions`; the rules on plain values
in `resources.rules`; files are checked by `resources.uploads`.
"""

import uuid
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from interconnectes import clock, seo
from interconnectes.content_version import VERSIONED_SECONDS, content_version
from interconnectes.models.base import BasePage
from interconnectes.privatefiles.storage import private_storage
from library import licences
from resources import finder, rules, uploads
from resources.rules import Audience, Kind, Visibility


def today():
    return timezone.localdate(clock.now())


def resource_path(instance, _filename):
    """A random name: the title is what readers see, the uploaded name is never kept."""
    return f"ressources/{uuid.uuid4().hex}"


class ResourceQuerySet(models.QuerySet):
    def published(self, day=None):
        return self.filter(published_on__lte=day or today())

    def visible(self, sees_members: bool, day=None):
        """Published, and public unless the reader is a member (or staff): `resources.permissions` says which."""
        return self.published(day).filter(visibility__in=rules.visibilities_for(sees_members))

    def public(self, day=None):
        return self.visible(False, day)

    def with_votes(self):
        return self.annotate(useful_count=Count("votes", filter=Q(votes__useful=True)),
                             not_useful_count=Count("votes", filter=Q(votes__useful=False)))


class Resource(ClusterableModel):
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True, blank=True,
                            help_text=_("Laissé vide : le titre."))
    summary = models.TextField(_("résumé"), max_length=1000,
                               help_text=_("Ce que la ressource apporte, pour qui, en deux ou trois phrases."))
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    themes = ParentalManyToManyField("events.EventTheme", verbose_name=_("thèmes"), blank=True,
                                     related_name="resources")
    audience = models.CharField(_("public visé"), max_length=16, choices=Audience.choices, default=Audience.AGENTS)
    licence = models.CharField(_("licence"), max_length=32, choices=licences.CHOICES, blank=True,
                               help_text=_("Parmi les licences de l'article D323-2-1 du CRPA ; « autre » est "
                                           "vérifiée par l'équipe."))
    file = models.FileField(_("fichier"), storage=private_storage, upload_to=resource_path, max_length=200,
                            blank=True,
                            help_text=_("Son contenu est vérifié selon le type : guide, fiche ou modèle en PDF, ODT "
                                        "ou DOCX ; support en PDF ; données en CSV ou ZIP ; vidéo en MP4 ou WebM."))
    file_type = models.CharField(_("type du fichier"), max_length=100, blank=True, editable=False)
    external_url = models.URLField(_("lien"), max_length=500, blank=True,
                                   help_text=_("Une ressource publiée ailleurs : un lien plutôt qu'un fichier."))
    visibility = models.CharField(_("visibilité"), max_length=16, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)
    published_on = models.DateField(_("publiée le"), null=True, blank=True,
                                    help_text=_("Laissé vide : brouillon, visible nulle part. Une date à venir la "
                                                "publie ce jour-là."))
    source_organisation = models.ForeignKey(
        "interconnectes.Organisation", verbose_name=_("organisation source"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="resources")
    is_illustrative = models.BooleanField(
        _("contenu illustratif"), default=False,
        help_text=_("Ressource d'exemple : le site l'annonce comme un contenu illustratif."))
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    panels = [
        FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]), FieldPanel("themes")],
                        heading=_("Classement")),
        MultiFieldPanel([FieldPanel("file"), FieldPanel("external_url"), FieldPanel("licence")],
                        heading=_("Fichier ou lien")),
        MultiFieldPanel([FieldPanel("visibility"), FieldPanel("published_on"), FieldPanel("source_organisation"),
                         FieldPanel("is_illustrative")], heading=_("Publication")),
    ]

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")

    def __str__(self):
        return self.title

    @property
    def is_members_only(self) -> bool:
        return self.visibility == Visibility.MEMBERS

    @property
    def licence_label(self) -> str:
        return licences.label(self.licence)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.title)[:120]
        errors = rules.source_errors(has_file=bool(self.file), has_link=bool(self.external_url))
        if self.slug in rules.RESERVED_SLUGS:
            errors["slug"] = gettext("Cet identifiant est réservé : choisissez-en un autre.")
        if self.file and not errors and self.kind:
            try:
                self.file_type = self.checked_file_type()
            except ValidationError as error:
                errors["file"] = error.messages[0]
        if errors:
            raise ValidationError(errors)

    def checked_file_type(self) -> str:
        """The file's content type, checked against the kind: the upload being saved, or the stored file (its kind
        may have changed since)."""
        try:
            held = self.file.file  # the upload being saved, or the stored file (opened: closed below)
        except (OSError, ValueError) as error:
            raise ValidationError(gettext("Le fichier enregistré est introuvable : déposez-le à nouveau.")) from error
        if isinstance(held, UploadedFile):
            return uploads.check(held, self.kind)
        try:
            return uploads.check(held, self.kind)
        finally:
            self.file.close()

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:120]
        super().save(*args, **kwargs)


class Collection(ClusterableModel):
    """Resources gathered for a purpose ("Guides data-IA", "Kit méthodologique des concertations"), in the order
    editors give them; other sections point to a collection by its slug."""

    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True, blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre d'affichage"), default=0)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order"),
              InlinePanel("items", heading=_("Ressources, dans l'ordre"), label=_("ressource"))]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("collection de ressources")
        verbose_name_plural = _("collections de ressources")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:120]
        super().save(*args, **kwargs)


class CollectionItem(Orderable):
    collection = ParentalKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, verbose_name=_("ressource"), on_delete=models.CASCADE,
                                 related_name="collection_items")

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("ressource de la collection")
        verbose_name_plural = _("ressources de la collection")
        constraints = [models.UniqueConstraint(fields=["collection", "resource"], name="resource_once_per_collection")]

    def __str__(self):
        return str(self.resource_id)


class ResourceVote(models.Model):
    """"Cette ressource vous a-t-elle été utile ?": one answer per signed-in person and resource, which they may
    change."""

    resource = models.ForeignKey(Resource, verbose_name=_("ressource"), on_delete=models.CASCADE,
                                 related_name="votes")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("personne"), on_delete=models.CASCADE,
                               related_name="+")
    useful = models.BooleanField(_("utile"))
    voted_at = models.DateTimeField(_("le"))

    class Meta:
        verbose_name = _("avis sur une ressource")
        verbose_name_plural = _("avis sur les ressources")
        constraints = [models.UniqueConstraint(fields=["resource", "person"], name="one_vote_per_person_and_resource")]

    def __str__(self):
        return f"{self.resource_id} · {self.person_id}"

    @classmethod
    def tally(cls, resource, person) -> dict:
        """The counts shown under the question, the share of "oui", and the reader's own answer (None: none yet,
        or not signed in), in one query."""
        mine = Q(person_id=person.pk) if person.is_authenticated else Q(pk__in=[])
        counts = cls.objects.filter(resource=resource).aggregate(
            yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)),
            mine_yes=Count("pk", filter=mine & Q(useful=True)), mine_total=Count("pk", filter=mine))
        return {"useful": counts["yes"], "not_useful": counts["no"],
                "share": rules.usefulness(counts["yes"], counts["no"]),
                "mine": bool(counts["mine_yes"]) if counts["mine_total"] else None}


class ResourceReport(models.Model):
    """"Signaler un problème" on a resource (a broken link, an outdated guide, an error): e-mailed to staff, who
    record what they did and close it in the admin."""

    resource = models.ForeignKey(Resource, verbose_name=_("ressource"), on_delete=models.CASCADE,
                                 related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signalé par"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(_("le problème"), max_length=2000)
    created_at = models.DateTimeField(_("signalé le"), default=timezone.now)
    resolved_at = models.DateTimeField(_("traité le"), null=True, blank=True)
    resolution = models.TextField(_("suite donnée"), max_length=2000, blank=True)

    panels = [FieldPanel("resource"), FieldPanel("message"), FieldPanel("resolved_at"), FieldPanel("resolution")]

    class Meta:
        ordering = ["resolved_at", "-created_at", "pk"]
        verbose_name = _("problème signalé sur une ressource")
        verbose_name_plural = _("problèmes signalés sur les ressources")

    def __str__(self):
        return gettext("Problème signalé le %(date)s") % {"date": date_format(timezone.localtime(self.created_at))}

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    is_open.fget.short_description = _("à traiter")  # type: ignore[attr-defined]


class ResourceIndexPage(RoutablePageMixin, BasePage):
    """The resource space: every resource the reader may see, filtered by kind, theme, audience and collection,
    with each resource's page, its file and each collection as sub-addresses."""

    parent_page_types = ["interconnectes.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("espace ressources")

    def resource_url(self, slug: str, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage("resource", args=[slug])

    def collection_url(self, slug: str, request=None) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage("collection", args=[slug])

    @staticmethod
    def choice_lists() -> dict[str, list]:
        """The themes' and collections' (slug, name) pairs, kept in the cache until the content changes."""
        from events.models import EventTheme

        key = f"resources-choice-lists:{content_version()}"
        lists = cache.get(key)
        if lists is None:
            lists = {"theme": list(EventTheme.objects.filter(resources__isnull=False).distinct()
                                   .order_by("name").values_list("slug", "name")),
                     "collection": list(Collection.objects.values_list("slug", "title"))}
            cache.set(key, lists, VERSIONED_SECONDS)
        return lists

    def collection_links(self, request=None) -> list[dict]:
        """Every collection's title and address, from the cached choices (no query on a warm cache)."""
        return [{"title": title, "url": self.collection_url(slug, request)}
                for slug, title in self.choice_lists()["collection"]]

    def get_sitemap_urls(self, request=None):
        """The space, its collections and each public resource: what a crawler, below members, may read."""
        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        base = self.get_full_url(request)
        urls.extend({"location": base + self.reverse_subpage("collection", args=[slug])}
                    for slug in Collection.objects.order_by("slug").values_list("slug", flat=True))
        urls.extend({"location": base + self.reverse_subpage("resource", args=[slug])}
                    for slug in Resource.objects.public().order_by("slug").values_list("slug", flat=True))
        return urls

    @path("", name="index_route")
    def index_route(self, request):
        """The filters form, then the page of results: a fragment kept per filters and reader's standing."""
        from resources import permissions

        sees_members = permissions.sees_members(request)
        choices = self.choice_lists()
        return self.render(request, context_overrides={
            "filter_form": finder.ResourceFilterForm(request.GET or None, choices=choices),
            "found": SimpleLazyObject(lambda: finder.find(
                Resource.objects.visible(sees_members), request.GET, choices=choices,
                page_number=request.GET.get("page"), url=partial(self.resource_url, request=request))),
            "collections": self.collection_links(request),
            "sees_members": sees_members, "today": today().isoformat(),
        })

    def reachable(self, request, slug):
        """The published resource at `slug`, and the refusal a reader below its visibility gets (None: may read)."""
        from resources import permissions

        if slug in rules.RESERVED_SLUGS:
            raise Http404
        resource = get_object_or_404(Resource.objects.published().select_related("source_organisation"), slug=slug)
        return resource, permissions.refusal(request, resource, self)

    @path("<slug:slug>/", name="resource")
    def resource(self, request, slug):
        """A resource: what it is, its file or link, its collections, the usefulness vote and "signaler"."""
        resource, refused = self.reachable(request, slug)
        if refused is not None:
            return refused
        return self.render(request, template="resources/resource_page.html", context_overrides={
            "resource": resource,
            "themes": SimpleLazyObject(lambda: list(resource.themes.all())),
            "collections": SimpleLazyObject(lambda: [
                {"title": collection.title, "url": self.collection_url(collection.slug, request)}
                for collection in Collection.objects.filter(items__resource=resource)]),
            "file_url": (self.get_url(request) or "") + self.reverse_subpage("file", args=[slug]),
            "tally": SimpleLazyObject(partial(ResourceVote.tally, resource, request.user)),
            "may_vote": request.user.is_authenticated,
            "record_title": resource.title,
            "meta_description": seo.shorten(resource.summary),
        })

    @path("<slug:slug>/fichier/", name="file")
    def file(self, request, slug):
        """The resource's file, to whoever may read the resource; never its bytes to anyone else."""
        from interconnectes.privatefiles import responses

        resource, refused = self.reachable(request, slug)
        if refused is not None:
            return refused
        if not resource.file:
            raise Http404
        file_type = resource.file_type or "application/octet-stream"
        return responses.serve(request, resource.file, content_type=file_type,
                               filename=uploads.download_name(resource.title, file_type),
                               as_attachment=resource.kind != Kind.VIDEO)

    @path("collections/<slug:slug>/", name="collection")
    def collection(self, request, slug):
        """A collection's resources in their order, those the reader may see."""
        from resources import permissions

        collection = get_object_or_404(Collection, slug=slug)
        sees_members = permissions.sees_members(request)

        def items():
            visible = Resource.objects.visible(sees_members)
            rows = (CollectionItem.objects.filter(collection=collection, resource__in=visible)
                    .select_related("resource").prefetch_related("resource__themes").order_by("sort_order", "pk"))
            return [finder.card(item.resource, partial(self.resource_url, request=request)) for item in rows]

        return self.render(request, template="resources/collection_page.html", context_overrides={
            "collection": collection, "cards": SimpleLazyObject(items), "sees_members": sees_members,
            "today": today().isoformat(),
            "record_title": collection.title, "meta_description": seo.shorten(collection.description),
        })
