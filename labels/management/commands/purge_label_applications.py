from django.conf import settings
from django.core.management.base import BaseCommand

from labels.gdpr import purge


class Command(BaseCommand):
    help = "Supprime les candidatures non lauréates (et leurs fichiers) après la durée de conservation."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=None,
                            help="Durée de conservation en années (par défaut LABELS_RETENTION_YEARS).")

    def handle(self, *args, years=None, **options):
        purge(years if years is not None else settings.LABELS_RETENTION_YEARS, stdout=self.stdout)
