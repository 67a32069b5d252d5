import time

from django.core.management.base import BaseCommand

from tremplin.core.services import scheduled_jobs, scheduler_tick


class Command(BaseCommand):
    help = (
        "Met en file les tâches planifiées quand leur heure est venue (purges, rappels). "
        "Plusieurs serveurs peuvent le lancer : chaque exécution n'est mise en file qu'une fois."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Un seul passage (pour un timer systemd ou cron).")
        parser.add_argument("--interval", type=int, default=60, help="Secondes entre deux passages (60).")

    def handle(self, *args, once=False, interval=60, **options):
        names = ", ".join(job.name for job in scheduled_jobs())
        self.stdout.write(f"Tâches planifiées : {names}")
        while True:
            for name in scheduler_tick():
                self.stdout.write(f"Mise en file : {name}")
            if once:
                return
            time.sleep(interval)
