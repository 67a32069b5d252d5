from django.conf import settings
from django.db import models

from .enums import ActivitySector, SupportKind
from .validators import validate_department, validate_rna, validate_siren, validate_siret


class Organisation(models.Model):
    """Structure porteuse: the association (or public body) that runs one or more ACI."""

    name = models.CharField("nom", max_length=200)
    siren = models.CharField("SIREN", max_length=9, unique=True, validators=[validate_siren])
    rna = models.CharField("numéro RNA", max_length=10, blank=True, validators=[validate_rna])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "structure porteuse"
        verbose_name_plural = "structures porteuses"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"organisation_id": self.pk, "structure_id": None}


class Structure(models.Model):
    """An ACI: the tenant boundary of case data."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="structures", verbose_name="structure porteuse"
    )
    name = models.CharField("nom", max_length=200)
    siret = models.CharField("SIRET", max_length=14, unique=True, validators=[validate_siret])
    department = models.CharField("département", max_length=3, validators=[validate_department])
    address = models.CharField("adresse", max_length=300, blank=True)
    postal_code = models.CharField("code postal", max_length=5, blank=True)
    city = models.CharField("commune", max_length=120, blank=True)
    convention_reference = models.CharField("référence de la convention", max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "ACI"
        verbose_name_plural = "ACI"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"organisation_id": self.organisation_id, "structure_id": self.pk}


class ProductionSupport(models.Model):
    """An atelier or a chantier of an ACI: the real production the employees work on."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="production_supports", verbose_name="ACI"
    )
    kind = models.CharField("type", max_length=20, choices=SupportKind)
    name = models.CharField("nom", max_length=200)
    sector = models.CharField("secteur d'activité", max_length=30, choices=ActivitySector)
    client = models.CharField("client / donneur d'ordre", max_length=200, blank=True)
    site_address = models.CharField("adresse du site", max_length=300, blank=True)
    planned_start = models.DateField("début prévu", null=True, blank=True)
    planned_end = models.DateField("fin prévue", null=True, blank=True)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_supports",
        verbose_name="encadrant technique",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "support de production"
        verbose_name_plural = "supports de production"
        ordering = ["structure", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__isnull=True)
                | models.Q(planned_start__isnull=True)
                | models.Q(planned_end__gte=models.F("planned_start")),
                name="support_end_after_start",
                violation_error_message="La fin prévue doit être postérieure ou égale au début prévu.",
            ),
            models.UniqueConstraint(
                fields=["structure", "name"],
                name="support_unique_name_per_structure",
                violation_error_message="Un support de production porte déjà ce nom dans cet ACI.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def get_additional_data(self) -> dict:
        return {"organisation_id": self.structure.organisation_id, "structure_id": self.structure_id}
