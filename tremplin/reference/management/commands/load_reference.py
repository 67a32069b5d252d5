from django.core.management.base import BaseCommand

from tremplin.reference.loading import load_rome, load_smic
from tremplin.reference.models import RomeJob, SmicRate


class Command(BaseCommand):
    help = "Charge (ou met à jour) les données de référence livrées : SMIC horaire, métiers ROME."

    def handle(self, *args, **options):
        smic, rome = load_smic(SmicRate), load_rome(RomeJob)
        self.stdout.write(self.style.SUCCESS(f"SMIC : {smic} valeurs, ROME : {rome} métiers."))
