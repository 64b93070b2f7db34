from django.core.management.base import BaseCommand

from interconnectes import clock
from library import upkeep


class Command(BaseCommand):
    help = ("Vérifie les liens des fiches de la bibliothèque d'IA (délai de %d secondes par lien, adresses "
            "publiques seulement, redirections non suivies) et écrit aux responsables des fiches les liens qui "
            "viennent de casser. Ne tourne que lancée explicitement (tâche planifiée quotidienne)."
            % upkeep.LINK_TIMEOUT_SECONDS)

    def handle(self, *args, **options):
        lines = upkeep.check_links(clock.now())
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(f"{len(lines)} lien(s) cassé(s).")
