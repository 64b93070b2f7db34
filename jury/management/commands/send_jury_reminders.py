"""Send the automatic jury reminders due today (J-7 and J-2 before a round closes), after freezing the criteria
of the rounds whose scoring has opened.

Meant to run once a day (cron, systemd timer or the host's scheduler). Running
it more often, or twice at once, sends nothing twice: each automatic reminder
is logged once per round, and a round's criteria are frozen once.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from interconnectes import clock
from jury.services.criteria import freeze_opened_rounds
from jury.services.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Envoie les relances automatiques aux jurés (J-7 et J-2 avant la clôture de la notation)."

    def handle(self, *args, **options):
        now = clock.now()
        for jury_round in freeze_opened_rounds(now):
            self.stdout.write(f"Critères figés pour « {jury_round.campaign.title} », {jury_round}.")
        reminders = send_due_reminders(now)
        if not reminders:
            self.stdout.write("Aucune relance du jury à envoyer aujourd'hui.")
            return
        for reminder in reminders:
            closes_at = timezone.localtime(reminder.round.closes_at).strftime("%d/%m/%Y %H:%M")
            self.stdout.write(
                f"{reminder.get_kind_display()} : {reminder.recipients} juré(s) relancé(s) pour "
                f"« {reminder.round.campaign.title} », {reminder.round} (clôture le {closes_at}, heure de Paris)."
            )
