from django.core.management.base import BaseCommand

from tremplin.reference.loading import load_annual_hours, load_rome, load_smic
from tremplin.reference.models import AnnualReferenceHours, RomeJob, SmicRate


class Command(BaseCommand):
    help = (
        "Charge (ou met à jour) les données de référence livrées : SMIC horaire, métiers ROME, "
        "horaire annuel de référence d'un temps plein."
    )

    def handle(self, *args, **options):
        smic, rome = load_smic(SmicRate), load_rome(RomeJob)
        annual = load_annual_hours(AnnualReferenceHours)
        self.stdout.write(
            self.style.SUCCESS(f"SMIC : {smic} valeurs, ROME : {rome} métiers, horaire annuel : {annual} valeurs.")
        )
