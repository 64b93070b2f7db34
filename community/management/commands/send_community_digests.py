from django.core.management.base import BaseCommand

from community import tasks


class Command(BaseCommand):
    help = ("Envoie les résumés quotidiens et hebdomadaires de la communauté qui sont dus (à lancer chaque matin ; "
            "chaque message n'est envoyé qu'une fois par abonnement).")

    def handle(self, *args, **options):
        self.stdout.write(f"Résumés de la communauté envoyés : {tasks.send_community_digests.call()}.")
