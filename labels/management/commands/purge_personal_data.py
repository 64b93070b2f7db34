from django.core.management.base import BaseCommand

from interconnectes import clock
from labels import purge


class Command(BaseCommand):
    help = ("Purge quotidienne des données personnelles : candidatures après la durée de conservation, coordonnées "
            "des lauréats, comptes inactifs, journaux de connexion et tâches terminées (voir labels/purge.py).")

    def handle(self, *args, **options):
        for line in purge.run(clock.now()):
            self.stdout.write(line)
