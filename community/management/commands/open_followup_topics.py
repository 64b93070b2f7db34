from django.core.management.base import BaseCommand

from community import tasks


class Command(BaseCommand):
    help = ("Ouvre, dans l'espace de son thème, le sujet « Questions de suivi » de chaque séquence Territoir'Prod "
            "qui vient de se terminer (un seul par séquence ; à lancer régulièrement).")

    def handle(self, *args, **options):
        self.stdout.write(f"Sujets de suivi ouverts : {tasks.open_followup_topics.call()}.")
