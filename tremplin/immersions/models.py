from django.conf import settings
from django.db import models

from tremplin.contracts.models import Contract
from tremplin.organisations.models import Structure
from tremplin.organisations.validators import validate_siret
from tremplin.people.models import Person
from tremplin.reference.models import RomeJob

from .enums import HIRED_OUTCOMES, CddiDuring, EvaluationLevel, ImmersionStatus, Objective, Outcome
from .validators import validate_naf


class HostCompany(models.Model):
    """A company or body that hosts PMSMP (structure d'accueil), in the directory of one ACI."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="host_companies", verbose_name="ACI"
    )
    name = models.CharField("raison sociale", max_length=200)
    siret = models.CharField("SIRET", max_length=14, validators=[validate_siret])
    address = models.CharField("adresse", max_length=300)
    postal_code = models.CharField("code postal", max_length=5)
    city = models.CharField("commune", max_length=120)
    activity = models.CharField("activité", max_length=200)
    naf_code = models.CharField("code NAF (APE)", max_length=6, blank=True, validators=[validate_naf])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "structure d'accueil"
        verbose_name_plural = "structures d'accueil"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "siret"],
                name="host_company_unique_siret_per_structure",
                violation_error_message="Cette structure d'accueil (même SIRET) est déjà dans l'annuaire de l'ACI.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


def _level(label: str):
    return models.CharField(label, max_length=1, choices=EvaluationLevel, blank=True)


class Immersion(models.Model):
    """A PMSMP (période de mise en situation en milieu professionnel, L5135-1): one convention
    (Cerfa 13912) of a person with a host, usually during their CDDI."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="immersions", verbose_name="ACI")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="immersions", verbose_name="personne")
    contract = models.ForeignKey(
        Contract,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="immersions",
        verbose_name="CDDI pendant lequel elle a lieu",
    )
    host = models.ForeignKey(
        HostCompany, on_delete=models.PROTECT, related_name="immersions", verbose_name="structure d'accueil"
    )
    referent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="référent·e de l'ACI",
    )
    tutor_name = models.CharField("tuteur ou tutrice", max_length=200)
    tutor_function = models.CharField("fonction du tuteur", max_length=200)
    tutor_phone = models.CharField("téléphone du tuteur", max_length=20, blank=True)
    tutor_email = models.EmailField("e-mail du tuteur", blank=True)
    objective = models.CharField("objectif", max_length=20, choices=Objective)
    rome_job = models.ForeignKey(
        RomeJob, on_delete=models.PROTECT, related_name="+", verbose_name="métier observé (ROME)"
    )
    activities = models.TextField("activités confiées ou observées", blank=True)
    place = models.CharField("lieu de la période", max_length=300)
    start = models.DateField("début")
    end = models.DateField("fin")
    weekly_schedule = models.TextField("horaires de la semaine", help_text="Ex. : lundi au vendredi, 8 h – 12 h.")
    total_hours = models.DecimalField("durée totale (heures)", max_digits=5, decimal_places=2)
    cddi_during = models.CharField(
        "le CDDI pendant la période", max_length=20, choices=CddiDuring, default=CddiDuring.CONTINUES
    )
    protective_equipment = models.TextField("équipements de protection individuelle", blank=True)
    risks = models.TextField("risques particuliers du poste", blank=True)
    follow_up_arrangements = models.TextField("modalités de suivi et d'évaluation", blank=True)
    renewal_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewals",
        verbose_name="renouvellement de",
    )
    status = models.CharField("statut", max_length=20, choices=ImmersionStatus, default=ImmersionStatus.PLANNED)
    # The tutor's evaluation
    evaluated_on = models.DateField("évaluée le", null=True, blank=True)
    punctuality = _level("ponctualité et assiduité")
    integration = _level("intégration dans l'équipe")
    skills = _level("savoir-faire techniques")
    autonomy = _level("autonomie et initiative")
    safety = _level("respect des consignes de sécurité")
    evaluation_text = models.TextField("appréciation du tuteur", blank=True)
    # What followed
    outcome = models.CharField("suite donnée par l'hôte", max_length=20, choices=Outcome, blank=True)
    outcome_date = models.DateField("date de la suite", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "immersion (PMSMP)"
        verbose_name_plural = "immersions (PMSMP)"
        ordering = ["-start", "-pk"]
        indexes = [models.Index(fields=["structure", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="immersion_end_after_start",
                violation_error_message="La fin de la PMSMP doit suivre son début.",
            ),
            models.CheckConstraint(
                condition=models.Q(total_hours__gt=0),
                name="immersion_total_hours_positive",
                violation_error_message="La durée totale de la PMSMP doit être positive.",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="", outcome_date__isnull=True)
                | (~models.Q(outcome="") & models.Q(outcome_date__isnull=False)),
                name="immersion_outcome_has_a_date",
                violation_error_message="La suite donnée par l'hôte a une date.",
            ),
            models.UniqueConstraint(
                fields=["renewal_of"],
                condition=models.Q(renewal_of__isnull=False) & ~models.Q(status=ImmersionStatus.CANCELLED),
                name="immersion_renewed_once",
                violation_error_message="Une PMSMP ne se renouvelle qu'une fois.",
            ),
        ]

    def __str__(self) -> str:
        return f"PMSMP de {self.person} chez {self.host} du {self.start:%d/%m/%Y}"

    @property
    def days(self) -> int:
        """Calendar days, date to date (15/03 -> 14/04 is 31 days)."""
        return (self.end - self.start).days + 1

    @property
    def is_hired(self) -> bool:
        return self.outcome in HIRED_OUTCOMES

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}
