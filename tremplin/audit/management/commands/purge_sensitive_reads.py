from django.core.management.base import BaseCommand

from tremplin.audit.services import sensitive_reads_purge


class Command(BaseCommand):
    help = "Supprime les lectures de données sensibles de plus d'un an (CNIL 2021-122)."

    def handle(self, *args, **options):
        deleted = sensitive_reads_purge()
        self.stdout.write(f"{deleted} lecture(s) de plus d'un an supprimée(s).")
