from django.db import models

from tremplin.organisations.models import Organisation
from tremplin.organisations.validators import validate_siret

from .enums import SENSITIVE_KINDS, PartnerKind


class Partner(models.Model):
    """A partner organisation in the directory of a structure porteuse (prescriber, social partner...)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partners", verbose_name="structure porteuse"
    )
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type", max_length=30, choices=PartnerKind)
    siret = models.CharField("SIRET", max_length=14, blank=True, validators=[validate_siret])
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=20, blank=True)
    is_active = models.BooleanField("actif", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "partenaire"
        verbose_name_plural = "partenaires"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="partner_unique_name_per_organisation",
                violation_error_message="Un partenaire porte déjà ce nom dans l'annuaire.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_sensitive(self) -> bool:
        return self.kind in SENSITIVE_KINDS

    def get_additional_data(self) -> dict:
        return {"organisation_id": self.organisation_id, "structure_id": None}
