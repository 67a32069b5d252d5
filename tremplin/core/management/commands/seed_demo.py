from django.core.management.base import BaseCommand

from tremplin.core.demo import seed_demo


class Command(BaseCommand):
    help = "Charge les données de démonstration (déterministes, relançable sans doublon)."

    def handle(self, *args, **options):
        counts = seed_demo()
        summary = ", ".join(f"{name} : {count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Données de démonstration prêtes ({summary})."))
