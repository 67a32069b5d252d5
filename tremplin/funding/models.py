"""State conventions of an ACI, their financial annexes and amendments, and the other funders'
grants (domain.md section 10). Writes go through services.py; figures come from selectors.py."""

from django.conf import settings
from django.db import models

from tremplin.organisations.models import Structure

from .enums import GrantFunder
from .validators import validate_annex_number

PERCENT_0_100 = models.Q(dynamic_exit_target__gte=0, dynamic_exit_target__lte=100)


class Convention(models.Model):
    """The State convention of an ACI (1 to 3 years), signed with the DDETS."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="conventions", verbose_name="ACI")
    reference = models.CharField("référence de la convention", max_length=40)
    start = models.DateField("début")
    end = models.DateField("fin")
    signed_on = models.DateField("signée le", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "convention"
        verbose_name_plural = "conventions"
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="convention_end_after_start",
                violation_error_message="La fin de la convention doit être postérieure à son début.",
            ),
            models.UniqueConstraint(
                fields=["structure", "reference"],
                name="convention_reference_unique_per_structure",
                violation_error_message="Cet ACI a déjà une convention avec cette référence.",
            ),
        ]

    def __str__(self) -> str:
        return f"Convention {self.reference} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class FinancialAnnex(models.Model):
    """A financial annex of the convention: the ETP conventioned for a period, the modulated part
    of the aide au poste and the target rate of sorties dynamiques. Amendments change the figures
    from a date."""

    convention = models.ForeignKey(
        Convention, on_delete=models.PROTECT, related_name="annexes", verbose_name="convention"
    )
    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="annexes", verbose_name="ACI")
    number = models.CharField("numéro d'annexe", max_length=12, unique=True, validators=[validate_annex_number])
    start = models.DateField("début")
    end = models.DateField("fin")
    etp_conventioned = models.DecimalField("ETP conventionnés", max_digits=7, decimal_places=2)
    modulated_part = models.DecimalField("part modulée (%)", max_digits=4, decimal_places=2, default=0)
    dynamic_exit_target = models.DecimalField("objectif de sorties dynamiques (%)", max_digits=5, decimal_places=2)
    amount = models.DecimalField("montant de l'annexe (EUR)", max_digits=12, decimal_places=2, null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "annexe financière"
        verbose_name_plural = "annexes financières"
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="annex_end_after_start",
                violation_error_message="La fin de l'annexe doit être postérieure ou égale à son début.",
            ),
            models.CheckConstraint(
                condition=models.Q(etp_conventioned__gt=0),
                name="annex_etp_positive",
                violation_error_message="Le nombre d'ETP conventionnés doit être positif.",
            ),
            models.CheckConstraint(
                condition=models.Q(modulated_part__gte=0, modulated_part__lte=10),
                name="annex_modulated_part_0_10",
                violation_error_message="La part modulée est comprise entre 0 et 10 %%.",
            ),
            models.CheckConstraint(
                condition=PERCENT_0_100,
                name="annex_dynamic_exit_target_0_100",
                violation_error_message="L'objectif de sorties dynamiques est un pourcentage entre 0 et 100.",
            ),
        ]
        indexes = [models.Index(fields=["structure", "start"])]

    def __str__(self) -> str:
        return f"Annexe {self.number} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class AnnexAmendment(models.Model):
    """An amendment (avenant) to a financial annex: new figures from `effective_from`. A field
    left empty keeps its previous value."""

    annex = models.ForeignKey(
        FinancialAnnex, on_delete=models.PROTECT, related_name="amendments", verbose_name="annexe financière"
    )
    effective_from = models.DateField("en vigueur à partir du")
    signed_on = models.DateField("signé le", null=True, blank=True)
    etp_conventioned = models.DecimalField("ETP conventionnés", max_digits=7, decimal_places=2, null=True, blank=True)
    modulated_part = models.DecimalField("part modulée (%)", max_digits=4, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField("montant de l'annexe (EUR)", max_digits=12, decimal_places=2, null=True, blank=True)
    reason = models.CharField("motif", max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "avenant à l'annexe financière"
        verbose_name_plural = "avenants aux annexes financières"
        ordering = ["effective_from", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["annex", "effective_from"],
                name="annex_amendment_one_per_day",
                violation_error_message="Cette annexe a déjà un avenant en vigueur à cette date.",
            ),
            models.CheckConstraint(
                condition=models.Q(etp_conventioned__isnull=True) | models.Q(etp_conventioned__gt=0),
                name="annex_amendment_etp_positive",
                violation_error_message="Le nombre d'ETP conventionnés doit être positif.",
            ),
            models.CheckConstraint(
                condition=models.Q(modulated_part__isnull=True)
                | models.Q(modulated_part__gte=0, modulated_part__lte=10),
                name="annex_amendment_modulated_part_0_10",
                violation_error_message="La part modulée est comprise entre 0 et 10 %%.",
            ),
        ]

    def __str__(self) -> str:
        return f"Avenant du {self.effective_from:%d/%m/%Y} à l'annexe {self.annex.number}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.annex.structure_id}


class Grant(models.Model):
    """A grant of another funder: amount, period, purpose."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="grants", verbose_name="ACI")
    funder = models.CharField("financeur", max_length=20, choices=GrantFunder)
    funder_name = models.CharField("nom du financeur", max_length=200)
    amount = models.DecimalField("montant (EUR)", max_digits=12, decimal_places=2)
    start = models.DateField("début")
    end = models.DateField("fin")
    purpose = models.CharField("objet", max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "subvention"
        verbose_name_plural = "subventions"
        ordering = ["-start", "funder_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="grant_end_after_start",
                violation_error_message="La fin de la subvention doit être postérieure ou égale à son début.",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="grant_amount_positive",
                violation_error_message="Le montant de la subvention doit être positif.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder_name} : {self.amount} EUR ({self.purpose})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}
