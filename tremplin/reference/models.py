"""Reference figures that change by decree: dated rows with their source, looked up by date.
A new decree is a new row (admin), never a change of code."""

from django.db import models


class SmicRate(models.Model):
    """Gross hourly SMIC (metropolitan France and overseas except Mayotte)."""

    valid_from = models.DateField("en vigueur à partir du", unique=True)
    hourly_amount = models.DecimalField("montant horaire brut (EUR)", max_digits=6, decimal_places=2)
    source = models.CharField("source", max_length=300)

    class Meta:
        verbose_name = "SMIC horaire"
        verbose_name_plural = "SMIC horaire"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.hourly_amount} EUR/h au {self.valid_from:%d/%m/%Y}"


class AnnualReferenceHours(models.Model):
    """The annual hours of a full-time post, the denominator of the ETP réalisés (domain.md
    sections 8 and 12): 1 820 h (35 h x 52) for the ACI since 2014."""

    valid_from = models.DateField("en vigueur à partir du", unique=True)
    hours = models.DecimalField("heures annuelles d'un temps plein", max_digits=6, decimal_places=2)
    source = models.CharField("source", max_length=300)

    class Meta:
        verbose_name = "horaire annuel de référence"
        verbose_name_plural = "horaires annuels de référence"
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0),
                name="annual_reference_hours_positive",
                violation_error_message="L'horaire annuel de référence doit être positif.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.hours} h par an au {self.valid_from:%d/%m/%Y}"


class RomeJob(models.Model):
    """A job of the ROME referential of France Travail (code + label)."""

    code = models.CharField("code ROME", max_length=5, unique=True)
    label = models.CharField("intitulé", max_length=200)

    class Meta:
        verbose_name = "métier ROME"
        verbose_name_plural = "métiers ROME"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.label}"
