from django.core.management.base import BaseCommand

from interconnectes import clock
from territoirprod import services


class Command(BaseCommand):
    help = ("Rappels Territoir'Prod, à lancer chaque jour : écrit aux personnes inscrites 7 jours puis la veille "
            "de chaque séquence (une fois chacun).")

    def handle(self, *args, **options):
        for line in services.send_due_reminders(clock.now()):
            self.stdout.write(line)
