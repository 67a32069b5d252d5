from django.conf import settings
from django.db import models

from tremplin.kernel.uploads import AciPath, FileCheck
from tremplin.organisations.models import ProductionSupport, Structure
from tremplin.people.models import Person
from tremplin.reference.models import RomeJob

from .enums import (
    EXIT_CATEGORY,
    AmendmentKind,
    ContractKind,
    DerogationKind,
    EarlyEndReason,
    ExitReason,
    FollowUpSituation,
    SuspensionKind,
)


class Derogation(models.Model):
    """A recorded decision that allows what the CDDI rules otherwise refuse: beyond 24 months
    (training, 50+/RQTH, particular difficulties) or below 20 hours a week (individual, or
    collective for the whole ACI, then without person)."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="derogations")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="derogations", verbose_name="personne"
    )
    kind = models.CharField("type de dérogation", max_length=30, choices=DerogationKind)
    reason = models.TextField("motif")
    decision_date = models.DateField("date de la décision")
    decided_by = models.CharField("décidée par", max_length=200, help_text="Ex. : Préfet, DDETS de l'Hérault.")
    start = models.DateField("début")
    end = models.DateField("fin")
    document = models.FileField(
        "décision (document)",
        upload_to=AciPath("derogations", "structure_id"),
        validators=[FileCheck()],
        blank=True,
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "dérogation"
        verbose_name_plural = "dérogations"
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="derogation_end_after_start",
                violation_error_message="La fin de la dérogation doit suivre son début.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=DerogationKind.LOW_HOURS_COLLECTIVE, person__isnull=True)
                | (~models.Q(kind=DerogationKind.LOW_HOURS_COLLECTIVE) & models.Q(person__isnull=False)),
                name="derogation_person_unless_collective",
                violation_error_message="Seule la dérogation collective (moins de 20 h) porte sur tout l'ACI.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}


class Contract(models.Model):
    """A CDDI (or CDI inclusion). Its initial terms never change: renewals and changes are
    amendments; `end`, `weekly_hours` and `job_label` hold the terms in force."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="contracts", verbose_name="personne")
    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="contracts", verbose_name="ACI")
    production_support = models.ForeignKey(
        ProductionSupport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracts",
        verbose_name="atelier ou chantier",
    )
    kind = models.CharField("type de contrat", max_length=20, choices=ContractKind, default=ContractKind.CDDI)
    rome_job = models.ForeignKey(
        RomeJob, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="métier (ROME)"
    )
    job_label = models.CharField("intitulé du poste", max_length=200)
    start = models.DateField("début")
    initial_end = models.DateField("fin prévue initiale", null=True, blank=True)
    end = models.DateField("fin prévue", null=True, blank=True)
    initial_weekly_hours = models.DecimalField("durée hebdomadaire initiale (h)", max_digits=4, decimal_places=2)
    weekly_hours = models.DecimalField("durée hebdomadaire (h)", max_digits=4, decimal_places=2)
    hourly_pay = models.DecimalField("salaire horaire brut (EUR)", max_digits=6, decimal_places=2)
    trial_period_end = models.DateField("fin de la période d'essai", null=True, blank=True)
    sentence_adjustment = models.BooleanField(
        "aménagement de peine", default=False, help_text="Autorise une durée inférieure à 4 mois."
    )
    ended_on = models.DateField("fin anticipée le", null=True, blank=True)
    early_end_reason = models.CharField("motif de fin anticipée", max_length=30, choices=EarlyEndReason, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "contrat"
        verbose_name_plural = "contrats"
        ordering = ["start"]
        indexes = [models.Index(fields=["structure", "end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="contract_end_after_start",
                violation_error_message="La fin du contrat doit suivre son début.",
            ),
            models.CheckConstraint(
                condition=models.Q(weekly_hours__gt=0, weekly_hours__lte=35),
                name="contract_weekly_hours_at_most_35",
                violation_error_message="La durée hebdomadaire d'un CDDI est de 35 heures au plus.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ContractKind.CDI_INCLUSION) | models.Q(end__isnull=False),
                name="contract_cddi_has_an_end",
                violation_error_message="Un CDDI a une date de fin.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} de {self.person} du {self.start:%d/%m/%Y}"

    @property
    def effective_end(self):
        """The last day under contract: the early end when there is one, else the planned end."""
        return self.ended_on or self.end

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}


class Amendment(models.Model):
    """An avenant: renewal, change of weekly hours or of job. Keeps the terms before and after."""

    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="amendments")
    kind = models.CharField("type d'avenant", max_length=20, choices=AmendmentKind)
    effective_date = models.DateField("prend effet le")
    previous_end = models.DateField("fin prévue avant", null=True, blank=True)
    new_end = models.DateField("nouvelle fin prévue", null=True, blank=True)
    previous_weekly_hours = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True)
    new_weekly_hours = models.DecimalField(
        "nouvelle durée hebdomadaire (h)", max_digits=4, decimal_places=2, null=True, blank=True
    )
    previous_job_label = models.CharField(max_length=200, blank=True)
    new_job_label = models.CharField("nouveau poste", max_length=200, blank=True)
    new_rome_job = models.ForeignKey(RomeJob, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    derogations = models.ManyToManyField(Derogation, blank=True, related_name="amendments")
    comment = models.TextField("commentaire", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "avenant"
        verbose_name_plural = "avenants"
        ordering = ["effective_date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} au {self.effective_date:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.contract.structure_id, "person_id": self.contract.person_id}


class Suspension(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="suspensions")
    kind = models.CharField("motif", max_length=30, choices=SuspensionKind)
    start = models.DateField("début")
    end = models.DateField("fin")
    comment = models.TextField("commentaire", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "suspension"
        verbose_name_plural = "suspensions"
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="suspension_end_after_start",
                violation_error_message="La fin de la suspension doit suivre son début.",
            )
        ]

    def __str__(self) -> str:
        return f"Suspension ({self.get_kind_display()}) du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.contract.structure_id, "person_id": self.contract.person_id}


class Exit(models.Model):
    """The exit of a person from the ACI at the end of a contract, with its DGEFP category."""

    contract = models.OneToOneField(Contract, on_delete=models.PROTECT, related_name="exit")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="exits")
    exit_date = models.DateField("date de sortie")
    reason = models.CharField("motif de sortie", max_length=30, choices=ExitReason)
    next_employer = models.CharField("employeur suivant", max_length=200, blank=True)
    next_contract_type = models.CharField("type de contrat suivant", max_length=100, blank=True)
    comment = models.TextField("commentaire", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "sortie"
        verbose_name_plural = "sorties"
        ordering = ["-exit_date"]

    def __str__(self) -> str:
        return f"Sortie de {self.person} le {self.exit_date:%d/%m/%Y}"

    @property
    def category(self):
        return EXIT_CATEGORY[self.reason]

    def get_additional_data(self) -> dict:
        return {"structure_id": self.contract.structure_id, "person_id": self.person_id}


class FollowUp(models.Model):
    """Follow-up of a person 3 and 6 months after exit: scheduled, then recorded."""

    exit = models.ForeignKey(Exit, on_delete=models.PROTECT, related_name="follow_ups")
    months_after = models.PositiveSmallIntegerField("mois après la sortie")
    due_date = models.DateField("à faire le")
    done_on = models.DateField("fait le", null=True, blank=True)
    situation = models.CharField("situation", max_length=30, choices=FollowUpSituation, blank=True)
    comment = models.TextField("commentaire", blank=True)

    class Meta:
        verbose_name = "suivi après sortie"
        verbose_name_plural = "suivis après sortie"
        ordering = ["due_date"]
        constraints = [
            models.UniqueConstraint(fields=["exit", "months_after"], name="followup_once_per_step"),
        ]

    def __str__(self) -> str:
        return f"Suivi à {self.months_after} mois ({self.due_date:%d/%m/%Y})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.exit.contract.structure_id, "person_id": self.exit.person_id}
