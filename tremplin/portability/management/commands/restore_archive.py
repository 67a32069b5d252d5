from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tremplin.portability.archive import restore_archive


class Command(BaseCommand):
    help = "Restaure l'archive d'un ACI dans cette instance (l'ACI ne doit pas y exister)."

    def add_arguments(self, parser):
        parser.add_argument("fichier", help="Chemin de l'archive zip.")

    def handle(self, *args, **options):
        path = Path(options["fichier"])
        if not path.is_file():
            raise CommandError(f"Le fichier {path} n'existe pas.")
        try:
            structure = restore_archive(path.read_bytes())
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"« {structure.name} » restauré. Les utilisateurs choisissent un nouveau mot de passe "
            "(« Mot de passe oublié » sur la page de connexion)."
        )
