"""The Atom feed of one consultation, for people who want to follow what comes of it: its published versions and
the progress entries of its follow-up, newest first. Only what the public page shows: a version is announced by
its number and the names of the fields it changed (never a draft, which has no version)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from consultations import record_submissions
from consultations.followup_models import ProgressEntry
from consultations.record_models import Consultation
from interconnectes import canonical, seo
from reviews.diff import differences

LIMIT = 50
# The fields a version's summary names when they changed.
ANNOUNCED_FIELDS = ("title", "phase", "starts_on", "ends_on", "participants", "synthesis", "documents_url",
                    "findings", "assessments", "implementations")


class ConsultationFeed(Feed):
    feed_type = Atom1Feed
    language = "fr"
    author_name = seo.SITE_NAME

    def get_object(self, request, slug):
        self.request = request
        self.consultation = Consultation.objects.published().select_related("organisation").get(slug=slug)
        return self.consultation

    def title(self, consultation):
        return f"{consultation.title} · {consultation.organisation.name}"

    def subtitle(self, consultation):
        return _("Les mises à jour de la concertation et l'avancement de ses engagements de suivi.")

    def link(self, consultation):
        return canonical.absolute(consultation.get_absolute_url(), self.request)

    def feed_url(self, consultation):
        return canonical.root_url(self.request) + self.request.path

    def items(self, consultation):
        versions = list(record_submissions.versions_of(consultation).only(
            "number", "published_at", "snapshot", "object_id", "content_type")[:LIMIT])
        previous = {version.number: version for version in versions}
        items = [("version", version, previous.get(version.number - 1)) for version in versions]
        entries = (ProgressEntry.objects.filter(follow_up__consultation=consultation).select_related("follow_up")
                   .order_by("-created_at", "-pk")[:LIMIT])
        items += [("progress", entry, None) for entry in entries]
        return sorted(items, key=lambda item: self.item_pubdate(item), reverse=True)[:LIMIT]

    def item_title(self, item):
        kind, obj, _previous = item
        if kind == "version":
            return _("Version %(number)s publiée") % {"number": obj.number}
        return _("Avancement : %(follow_up)s") % {"follow_up": obj.follow_up.text[:80]}

    def item_description(self, item):
        kind, obj, previous = item
        if kind == "progress":
            return f"{obj.on:%d/%m/%Y} — {obj.text}"
        if previous is None:
            return _("Première publication de la fiche.")
        changed = differences(previous.snapshot, obj.snapshot, ANNOUNCED_FIELDS)
        labels = [str(Consultation._meta.get_field(change.name).verbose_name) if change.name not in (
            "assessments", "findings") else {"assessments": _("auto-évaluation"), "findings": _("constats")}[
            change.name] for change in changed]
        return _("Champs mis à jour : %(fields)s.") % {"fields": ", ".join(labels) or _("aucun champ public")}

    def item_link(self, item):
        kind, obj, _previous = item
        anchor = f"version-{obj.number}" if kind == "version" else f"avancement-{obj.pk}"
        return canonical.absolute(self.consultation.get_absolute_url(), self.request) + f"#{anchor}"

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        kind, obj, _previous = item
        return obj.published_at if kind == "version" else obj.created_at
