"""Reference figures that change by decree: dated rows with their source, looked up by date.
A new decree is a new row (admin), never a change of code."""

from django.db import models

from .enums import Territory


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


class AidePosteRate(models.Model):
    """The aide au poste d'insertion of an ACI: socle per ETP and per year, and the part of it for
    support and supervision (domain.md section 10)."""

    valid_from = models.DateField("en vigueur à partir du")
    territory = models.CharField("territoire", max_length=10, choices=Territory.choices, default=Territory.MAINLAND)
    socle = models.DecimalField("socle annuel par ETP (EUR)", max_digits=9, decimal_places=2)
    support_part = models.DecimalField(
        "dont accompagnement et encadrement (EUR)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    source = models.CharField("source", max_length=300)

    class Meta:
        verbose_name = "montant de l'aide au poste (ACI)"
        verbose_name_plural = "montants de l'aide au poste (ACI)"
        ordering = ["territory", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["territory", "valid_from"], name="aide_poste_rate_unique_per_day"),
            models.CheckConstraint(
                condition=models.Q(socle__gt=0),
                name="aide_poste_rate_positive",
                violation_error_message="Le socle de l'aide au poste doit être positif.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.socle} EUR par ETP au {self.valid_from:%d/%m/%Y} ({self.get_territory_display()})"


class RsaAmount(models.Model):
    """The RSA montant forfaitaire for a single person, base of the Département co-financing,
    and the share of it the Département pays each month for an employee who received RSA before
    hiring (88 %, décret 2014-728; domain.md section 10): both dated, so that a change of either
    is one new row."""

    valid_from = models.DateField("en vigueur à partir du", unique=True)
    single_person_amount = models.DecimalField(
        "montant forfaitaire, personne seule (EUR)", max_digits=8, decimal_places=2
    )
    cofinancing_percent = models.DecimalField(
        "part cofinancée par le Département (%)", max_digits=5, decimal_places=2, default=88
    )
    source = models.CharField("source", max_length=300)

    class Meta:
        verbose_name = "montant forfaitaire du RSA"
        verbose_name_plural = "montants forfaitaires du RSA"
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(single_person_amount__gt=0),
                name="rsa_amount_positive",
                violation_error_message="Le montant du RSA doit être positif.",
            ),
            models.CheckConstraint(
                condition=models.Q(cofinancing_percent__gt=0, cofinancing_percent__lte=100),
                name="rsa_cofinancing_percent_range",
                violation_error_message="La part cofinancée doit être comprise entre 0 et 100 %.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.single_person_amount} EUR au {self.valid_from:%d/%m/%Y}"
