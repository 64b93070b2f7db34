"""Rebuild the site search's index from what is public now (it also rebuilds itself after every change)."""

from django.core.management.base import BaseCommand

from sitesearch import indexing


class Command(BaseCommand):
    help = "Reconstruit l'index de la recherche du site à partir du contenu public."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Index de recherche reconstruit : {count} documents."))
