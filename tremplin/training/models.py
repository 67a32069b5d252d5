"""Training actions of a person and qualification programmes such as the AQI (domain.md section 6).
Writes go through services.py; the rules are in rules.py, the figures in selectors.py."""

from django.conf import settings
from django.db import models

from tremplin.organisations.models import Structure
from tremplin.people.models import Person

from .enums import (
    CERTIFICATION_RESULTS,
    Employment,
    ExamResult,
    PhaseKind,
    TrainingFunder,
    TrainingKind,
    TrainingResult,
)


class TrainingAction(models.Model):
    """One training followed by a person during their pathway: refresher, CléA, CACES, SST,
    titre professionnel..., with its funder, hours, the certification aimed at and the result."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="training_actions", verbose_name="personne"
    )
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="training_actions", verbose_name="ACI"
    )
    title = models.CharField("intitulé", max_length=200)
    kind = models.CharField("type de formation", max_length=30, choices=TrainingKind)
    organisation = models.CharField("organisme de formation", max_length=200)
    funder = models.CharField("financeur", max_length=20, choices=TrainingFunder)
    start = models.DateField("début")
    end = models.DateField("fin")
    hours = models.DecimalField("durée (heures)", max_digits=7, decimal_places=2)
    certification = models.CharField("certification visée", max_length=200, blank=True)
    result = models.CharField("résultat", max_length=20, choices=TrainingResult, default=TrainingResult.IN_PROGRESS)
    result_on = models.DateField("date du résultat", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "action de formation"
        verbose_name_plural = "actions de formation"
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="training_end_after_start",
                violation_error_message="La fin de la formation ne peut précéder son début.",
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gt=0),
                name="training_hours_positive",
                violation_error_message="La durée de la formation doit être positive.",
            ),
            models.CheckConstraint(
                condition=models.Q(result=TrainingResult.IN_PROGRESS, result_on__isnull=True)
                | (~models.Q(result=TrainingResult.IN_PROGRESS) & models.Q(result_on__isnull=False)),
                name="training_result_dated",
                violation_error_message="Un résultat se date ; une formation en cours n'a pas de date de résultat.",
            ),
            models.CheckConstraint(
                condition=~models.Q(result__in=sorted(CERTIFICATION_RESULTS)) | ~models.Q(certification=""),
                name="training_result_needs_certification",
                violation_error_message="Ce résultat concerne une certification : indiquez la certification visée.",
            ),
        ]
        indexes = [models.Index(fields=["structure", "start"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class QualificationProgramme(models.Model):
    """A qualification programme run by the ACI, such as an AQI: collective workshops, training
    centre and weeks in companies, leading to a certification."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="qualification_programmes", verbose_name="ACI"
    )
    name = models.CharField("nom du programme", max_length=200)
    certification = models.CharField("certification visée", max_length=200)
    start = models.DateField("début")
    end = models.DateField("fin")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "programme de qualification"
        verbose_name_plural = "programmes de qualification"
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="programme_end_after_start",
                violation_error_message="La fin du programme doit être postérieure à son début.",
            ),
            models.UniqueConstraint(
                fields=["structure", "name", "start"],
                name="programme_unique_per_structure_start",
                violation_error_message="Cet ACI a déjà un programme de ce nom commençant à cette date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class ProgrammePhase(models.Model):
    """A phase of a programme: collective workshops, training centre or weeks in companies."""

    programme = models.ForeignKey(
        QualificationProgramme, on_delete=models.CASCADE, related_name="phases", verbose_name="programme"
    )
    kind = models.CharField("type de phase", max_length=20, choices=PhaseKind)
    weeks = models.PositiveSmallIntegerField("nombre de semaines")
    description = models.CharField("précisions", max_length=200, blank=True)

    class Meta:
        verbose_name = "phase de programme"
        verbose_name_plural = "phases de programme"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weeks__gt=0),
                name="programme_phase_weeks_positive",
                violation_error_message="Une phase dure au moins une semaine.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.weeks} semaine(s)"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.programme.structure_id}


class Enrolment(models.Model):
    """A person in a programme: the exam result and the employment at the end."""

    programme = models.ForeignKey(
        QualificationProgramme, on_delete=models.PROTECT, related_name="enrolments", verbose_name="programme"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="enrolments", verbose_name="personne")
    enrolled_on = models.DateField("inscrit·e le")
    exam_result = models.CharField("résultat à l'examen", max_length=20, choices=ExamResult, default=ExamResult.PENDING)
    left_on = models.DateField("fin de parcours le", null=True, blank=True)
    left_early = models.BooleanField("abandon avant la fin du programme", default=False)
    employment = models.CharField("emploi à l'issue", max_length=10, choices=Employment, default=Employment.UNKNOWN)
    job = models.CharField("emploi occupé", max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "inscription à un programme"
        verbose_name_plural = "inscriptions à un programme"
        ordering = ["person__last_name", "person__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person"],
                name="enrolment_unique_per_programme",
                violation_error_message="Cette personne est déjà inscrite à ce programme.",
            ),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True) | models.Q(left_on__gte=models.F("enrolled_on")),
                name="enrolment_left_after_enrolled",
                violation_error_message="La fin de parcours ne peut précéder l'inscription.",
            ),
            models.CheckConstraint(
                condition=models.Q(employment=Employment.UNKNOWN) | models.Q(left_on__isnull=False),
                name="enrolment_employment_after_end",
                violation_error_message="La situation d'emploi s'enregistre à la fin du parcours.",
            ),
        ]

    def __str__(self) -> str:
        return f"Inscription de {self.person} à {self.programme.name}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.programme.structure_id}

    @property
    def finished(self) -> bool:
        """Went to the end of the programme (the denominator of the employment rate)."""
        return self.left_on is not None and not self.left_early
