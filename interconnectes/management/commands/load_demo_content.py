"""Build the demo site from the association's own documents.

Idempotent: every object is looked up before it is created, so running the
command twice changes nothing. Refused when DEMO_CONTENT_ALLOWED is off
(production settings), so demo accounts never exist in production.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.signal_handlers import disable_reference_index_auto_update

from interconnectes import canonical
from interconnectes.models import HomePage

# Each module has build(context) and may list ACCOUNTS = [(label, username, password)].
BUILDERS = [
    "interconnectes.demo", "interconnectes.demo_declarations", "accounts.demo", "manifestes.demo", "events.demo",
    "territoirprod.demo", "labels.demo", "jury.demo", "jury.demo_pitches", "library.demo", "resources.demo",
    "consultations.demo", "consultations.demo_records", "replays.demo", "community.demo", "sitesearch.demo",
]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true",
                            help="Ne rien faire si le site a déjà une page d'accueil.")

    def handle(self, *args, if_empty=False, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Le contenu de démonstration est désactivé avec ces réglages (DEMO_CONTENT_ALLOWED).")
        modules = [import_module(name) for name in BUILDERS]
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Le site a déjà du contenu : contenu de démonstration non rechargé.")
        else:
            context = {"stdout": self.stdout}
            with transaction.atomic():
                # Wagtail indexes an object's references at each of its saves, and the builders save most objects
                # several times (created, then revised and published): one rebuild at the end is a fraction of that.
                with disable_reference_index_auto_update():
                    for module in modules:
                        module.build(context)
                call_command("rebuild_references_index", verbosity=0)
            self.stdout.write(self.style.SUCCESS("Contenu de démonstration chargé."))
        self.print_accounts(modules)

    def print_accounts(self, modules):
        users = get_user_model().objects
        accounts = [account for module in modules for account in getattr(module, "ACCOUNTS", [])]
        usernames = [username for _label, username, _password in accounts]
        existing = set(users.filter(username__in=usernames).values_list("username", flat=True))
        self.stdout.write("\nComptes de démonstration (mot de passe défini à la création) :")
        for label, username, password in accounts:
            if username in existing:
                self.stdout.write(f"  {label:<36} identifiant : {username:<40} mot de passe : {password}")
        root = canonical.root_url()
        self.stdout.write(f"  Administration : {root}/admin/")
        self.stdout.write(f"  Jury (connexion sur /compte/connexion/) : {root}/jury/\n")
