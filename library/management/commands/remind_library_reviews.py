from django.core.management.base import BaseCommand
from django.utils import timezone

from interconnectes import clock
from library import upkeep


class Command(BaseCommand):
    help = ("Rappel quotidien : écrit aux responsables de chaque fiche de la bibliothèque d'IA dont la date de "
            "révision est arrivée (une fois par date).")

    def handle(self, *args, **options):
        for line in upkeep.remind_reviews(timezone.localdate(clock.now())):
            self.stdout.write(line)
