"""Working time (domain.md section 8): the weekly planning, the timesheet lines, the validation
of a month and the corrections recorded after it. Writes go through services.py."""

from django.conf import settings
from django.db import models

from tremplin.contracts.models import Contract
from tremplin.organisations.models import ProductionSupport, Structure
from tremplin.people.models import Person

from .enums import EntryKind, Weekday

HOURS_IN_A_DAY = models.Q(hours__gte=0, hours__lte=24)


class TimesheetEntry(models.Model):
    """The hours of one kind (worked, or an absence by type) of one contract on one day.
    `person` and `structure` repeat the contract's, for the statements and the audit scope."""

    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="timesheet_entries", verbose_name="contrat"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="timesheet_entries", verbose_name="personne"
    )
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="timesheet_entries", verbose_name="ACI"
    )
    production_support = models.ForeignKey(
        ProductionSupport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="timesheet_entries",
        verbose_name="atelier ou chantier",
    )
    day = models.DateField("jour")
    kind = models.CharField("type", max_length=30, choices=EntryKind, default=EntryKind.WORKED)
    hours = models.DecimalField("heures", max_digits=4, decimal_places=2)
    comment = models.CharField("commentaire", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="saisi par"
    )
    created_at = models.DateTimeField("saisi le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "ligne de feuille d'heures"
        verbose_name_plural = "lignes de feuille d'heures"
        ordering = ["day", "contract", "kind"]
        indexes = [
            models.Index(fields=["structure", "day"]),
            models.Index(fields=["person", "day"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "day", "kind"],
                name="timesheet_entry_one_per_kind_and_day",
                violation_error_message="Ce contrat a déjà une ligne de ce type ce jour-là.",
            ),
            models.CheckConstraint(
                condition=HOURS_IN_A_DAY,
                name="timesheet_entry_hours_within_a_day",
                violation_error_message="Les heures d'une journée sont comprises entre 0 et 24.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.hours} h le {self.day:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}


class MonthValidation(models.Model):
    """The HR assistant's validation of a month of an ACI: the month is locked; a change after
    it is a TimesheetCorrection."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="month_validations", verbose_name="ACI"
    )
    month = models.DateField("mois", help_text="Le premier jour du mois.")
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="validé par"
    )
    validated_at = models.DateTimeField("validé le", auto_now_add=True)

    class Meta:
        verbose_name = "validation de mois"
        verbose_name_plural = "validations de mois"
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "month"],
                name="month_validation_once_per_month",
                violation_error_message="Ce mois est déjà validé pour cet ACI.",
            ),
            models.CheckConstraint(
                condition=models.Q(month__day=1),
                name="month_validation_first_day",
                violation_error_message="Un mois se désigne par son premier jour.",
            ),
        ]

    def __str__(self) -> str:
        return f"Mois {self.month:%m/%Y} validé"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "organisation_id": None}


class TimesheetCorrection(models.Model):
    """A change of the hours of a validated month, with its reason: the entry holds the new
    hours, the correction keeps the previous ones (None when there was no line)."""

    entry = models.ForeignKey(
        TimesheetEntry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name="ligne corrigée",
    )
    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="timesheet_corrections", verbose_name="contrat"
    )
    day = models.DateField("jour")
    kind = models.CharField("type", max_length=30, choices=EntryKind)
    previous_hours = models.DecimalField("heures avant", max_digits=4, decimal_places=2, null=True, blank=True)
    new_hours = models.DecimalField("heures après", max_digits=4, decimal_places=2)
    reason = models.TextField("motif de la correction")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="corrigé par"
    )
    created_at = models.DateTimeField("corrigé le", auto_now_add=True)

    class Meta:
        verbose_name = "correction de feuille d'heures"
        verbose_name_plural = "corrections de feuille d'heures"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""),
                name="timesheet_correction_has_a_reason",
                violation_error_message="Une correction d'un mois validé doit être motivée.",
            ),
            models.CheckConstraint(
                condition=models.Q(new_hours__gte=0, new_hours__lte=24),
                name="timesheet_correction_hours_within_a_day",
                violation_error_message="Les heures d'une journée sont comprises entre 0 et 24.",
            ),
        ]

    def __str__(self) -> str:
        return f"Correction du {self.day:%d/%m/%Y} : {self.previous_hours} h -> {self.new_hours} h"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.contract.structure_id, "person_id": self.contract.person_id}


class PlannedDay(models.Model):
    """One day of the weekly planning of a contract: where the person works and how many hours
    on that weekday (0 = Monday). Prefilled from the contract's weekly hours; the supervisor
    changes it. Timesheets are prefilled from it."""

    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="planned_days", verbose_name="contrat"
    )
    weekday = models.PositiveSmallIntegerField("jour de la semaine", choices=Weekday)
    production_support = models.ForeignKey(
        ProductionSupport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="planned_days",
        verbose_name="atelier ou chantier",
    )
    hours = models.DecimalField("heures prévues", max_digits=4, decimal_places=2)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="modifié par"
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "jour du planning"
        verbose_name_plural = "jours du planning"
        ordering = ["contract", "weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "weekday"],
                name="planned_day_once_per_weekday",
                violation_error_message="Ce jour de la semaine est déjà au planning de ce contrat.",
            ),
            models.CheckConstraint(
                condition=models.Q(weekday__gte=0, weekday__lte=6),
                name="planned_day_weekday_0_to_6",
                violation_error_message="Le jour de la semaine va de 0 (lundi) à 6 (dimanche).",
            ),
            models.CheckConstraint(
                condition=HOURS_IN_A_DAY,
                name="planned_day_hours_within_a_day",
                violation_error_message="Les heures d'une journée sont comprises entre 0 et 24.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} : {self.hours} h"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.contract.structure_id, "person_id": self.contract.person_id}
