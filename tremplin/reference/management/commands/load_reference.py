from django.core.management.base import BaseCommand

from tremplin.reference.loading import load_aide_au_poste, load_annual_hours, load_rome, load_rsa, load_smic
from tremplin.reference.models import AidePosteRate, AnnualReferenceHours, RomeJob, RsaAmount, SmicRate


class Command(BaseCommand):
    help = (
        "Charge (ou met à jour) les données de référence livrées : SMIC horaire, métiers ROME, "
        "horaire annuel de référence d'un temps plein, aide au poste des ACI, montant forfaitaire du RSA."
    )

    def handle(self, *args, **options):
        smic, rome = load_smic(SmicRate), load_rome(RomeJob)
        annual = load_annual_hours(AnnualReferenceHours)
        aide, rsa = load_aide_au_poste(AidePosteRate), load_rsa(RsaAmount)
        self.stdout.write(
            self.style.SUCCESS(
                f"SMIC : {smic} valeurs, ROME : {rome} métiers, horaire annuel : {annual} valeurs, "
                f"aide au poste : {aide} valeurs, RSA : {rsa} valeurs."
            )
        )
