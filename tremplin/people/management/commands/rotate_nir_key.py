from django.core.management.base import BaseCommand
from django.db import transaction

from tremplin.people.models import Person
from tremplin.people.nir import decrypt_nir, nir_digest, reencrypt_nir


class Command(BaseCommand):
    help = (
        "Rotation de la clé des NIR : mettez la nouvelle clé en tête de TREMPLIN_FIELD_ENCRYPTION_KEY, "
        "l'ancienne après une virgule, lancez cette commande, puis retirez l'ancienne clé."
    )

    def handle(self, *args, **options):
        count = 0
        with transaction.atomic():  # all or nothing: a NIR that no key opens stops the rotation
            for person in Person.objects.exclude(nir_encrypted="").select_for_update().iterator():
                token = reencrypt_nir(person.nir_encrypted)
                digest = nir_digest(decrypt_nir(token))
                Person.objects.filter(pk=person.pk).update(nir_encrypted=token, nir_digest=digest)
                count += 1
        self.stdout.write(f"{count} NIR chiffré(s) avec la clé actuelle. Vous pouvez retirer l'ancienne clé.")
