from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations import followups
from interconnectes import clock


class Command(BaseCommand):
    help = ("Rappel quotidien : demande aux territoires ce qu'il est advenu de leurs concertations, 3 puis 12 mois "
            "après leur fin (chaque rappel une fois).")

    def handle(self, *args, **options):
        for line in followups.remind(timezone.localdate(clock.now())):
            self.stdout.write(line)
