from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tremplin.organisations.models import Structure
from tremplin.portability.archive import export_structure


class Command(BaseCommand):
    help = "Écrit l'archive complète d'un ACI (zip documenté dans docs/archive.md)."

    def add_arguments(self, parser):
        parser.add_argument("siret", help="SIRET de l'ACI.")
        parser.add_argument("fichier", help="Chemin du fichier zip à écrire.")

    def handle(self, *args, **options):
        structure = Structure.objects.filter(siret=options["siret"]).first()
        if structure is None:
            raise CommandError(f"Aucun ACI de SIRET {options['siret']} sur cette instance.")
        content = export_structure(structure)
        Path(options["fichier"]).write_bytes(content)
        self.stdout.write(f"Archive de « {structure.name} » écrite : {options['fichier']} ({len(content) // 1024} Ko).")
