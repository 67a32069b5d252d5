"""Socio-professional support: the diagnosis of obstacles (freins) and its re-assessments, the
action plan, the appointments journal and the referrals to partners. The rules are in rules.py
and services.py; who may read what (sensitive rows and notes) in access.py."""

from django.conf import settings
from django.db import models

from tremplin.partners.models import Partner
from tremplin.people.models import Person

from .enums import (
    SENSITIVE_CATEGORIES,
    SENSITIVE_NEEDS,
    AppointmentKind,
    Confidentiality,
    DiagnosisKind,
    ObjectiveStatus,
    ObstacleCategory,
    ObstacleLevel,
    ReferralNeed,
    ReferralOutcome,
    SensitiveTopic,
    Treatment,
)


def _person_data(person_id: int, structure_id: int) -> dict:
    return {"structure_id": structure_id, "person_id": person_id}


class Diagnosis(models.Model):
    """The entry diagnosis of a person's obstacles, or a later re-assessment (same lines, updated)."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="obstacle_diagnoses", verbose_name="personne"
    )
    kind = models.CharField("type", max_length=10, choices=DiagnosisKind)
    assessed_on = models.DateField("date de l'évaluation")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="auteur"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "diagnostic des freins"
        verbose_name_plural = "diagnostics des freins"
        ordering = ["assessed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(kind=DiagnosisKind.ENTRY),
                name="diagnosis_one_entry_per_person",
                violation_error_message="Le diagnostic d'entrée de cette personne est déjà enregistré.",
            ),
            models.UniqueConstraint(
                fields=["person", "assessed_on"],
                name="diagnosis_one_per_person_and_day",
                violation_error_message="Une évaluation des freins est déjà enregistrée à cette date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} du {self.assessed_on:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return _person_data(self.person_id, self.person.structure_id)


class ObstacleAssessment(models.Model):
    """One obstacle of a diagnosis: its level, how it is treated, with which partner, the actions,
    and the day it was lifted."""

    diagnosis = models.ForeignKey(
        Diagnosis, on_delete=models.PROTECT, related_name="obstacles", verbose_name="diagnostic"
    )
    category = models.CharField("frein", max_length=20, choices=ObstacleCategory)
    level = models.CharField("niveau", max_length=10, choices=ObstacleLevel)
    treatment = models.CharField("traitement", max_length=10, choices=Treatment)
    partner = models.ForeignKey(
        Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="partenaire"
    )
    actions = models.TextField("actions", blank=True)
    lifted_on = models.DateField("levé le", null=True, blank=True)

    class Meta:
        verbose_name = "frein évalué"
        verbose_name_plural = "freins évalués"
        ordering = ["diagnosis", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["diagnosis", "category"],
                name="obstacle_one_line_per_category",
                violation_error_message="Ce frein figure déjà dans le diagnostic.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ({self.get_level_display()})"

    @property
    def is_sensitive(self) -> bool:
        return self.category in SENSITIVE_CATEGORIES

    def get_additional_data(self) -> dict:
        return _person_data(self.diagnosis.person_id, self.diagnosis.person.structure_id)


class Objective(models.Model):
    """An objective of the action plan, with its due date and who follows it."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="objectives", verbose_name="personne")
    title = models.CharField("objectif", max_length=200)
    due_on = models.DateField("échéance")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="suivi par"
    )
    status = models.CharField("état", max_length=10, choices=ObjectiveStatus, default=ObjectiveStatus.OPEN)
    done_on = models.DateField("atteint le", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "objectif"
        verbose_name_plural = "objectifs"
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status=ObjectiveStatus.DONE, done_on__isnull=False)
                | (~models.Q(status=ObjectiveStatus.DONE) & models.Q(done_on__isnull=True)),
                name="objective_done_on_iff_done",
                violation_error_message="Un objectif atteint a une date, et seulement lui.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return _person_data(self.person_id, self.person.structure_id)


class Appointment(models.Model):
    """One line of the appointments journal. A sensitive note (health, justice, debts) is read only
    by the counsellor and the director, and each display is logged."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="appointments", verbose_name="personne")
    held_on = models.DateField("date")
    kind = models.CharField("type", max_length=15, choices=AppointmentKind)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="auteur"
    )
    duration_minutes = models.PositiveSmallIntegerField("durée (minutes)")
    notes = models.TextField("notes", blank=True)
    confidentiality = models.CharField(
        "confidentialité", max_length=10, choices=Confidentiality, default=Confidentiality.ORDINARY
    )
    topic = models.CharField("thème confidentiel", max_length=10, choices=SensitiveTopic, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "entretien"
        verbose_name_plural = "entretiens"
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(confidentiality=Confidentiality.SENSITIVE) & ~models.Q(topic="")
                | models.Q(confidentiality=Confidentiality.ORDINARY, topic=""),
                name="appointment_topic_iff_sensitive",
                violation_error_message="Une note confidentielle a un thème ; une note ordinaire, aucun.",
            ),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gt=0, duration_minutes__lte=480),
                name="appointment_duration_range",
                violation_error_message="La durée d'un entretien est comprise entre 1 et 480 minutes.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} du {self.held_on:%d/%m/%Y}"

    @property
    def is_sensitive(self) -> bool:
        return self.confidentiality == Confidentiality.SENSITIVE

    def get_additional_data(self) -> dict:
        return _person_data(self.person_id, self.person.structure_id)


class PartnerReferral(models.Model):
    """A referral of the person to a partner of the organisation for a need, and its outcome."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="partner_referrals", verbose_name="personne"
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="+", verbose_name="partenaire")
    need = models.CharField("besoin", max_length=20, choices=ReferralNeed)
    referred_on = models.DateField("orientée le")
    outcome = models.CharField("suite donnée", max_length=10, choices=ReferralOutcome, default=ReferralOutcome.PENDING)
    outcome_on = models.DateField("suite connue le", null=True, blank=True)
    comment = models.TextField("commentaire", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "orientation vers un partenaire"
        verbose_name_plural = "orientations vers des partenaires"
        ordering = ["-referred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome_on__isnull=True) | models.Q(outcome_on__gte=models.F("referred_on")),
                name="partner_referral_outcome_after_referral",
                violation_error_message="La suite ne peut pas précéder l'orientation.",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome=ReferralOutcome.PENDING, outcome_on__isnull=True)
                | (~models.Q(outcome=ReferralOutcome.PENDING) & models.Q(outcome_on__isnull=False)),
                name="partner_referral_outcome_on_iff_known",
                violation_error_message="Une suite connue a une date ; une orientation en attente n'en a pas.",
            ),
        ]

    def __str__(self) -> str:
        return f"Orientation vers {self.partner} du {self.referred_on:%d/%m/%Y}"

    @property
    def is_sensitive(self) -> bool:
        """A referral for health or debts, or to a justice, addiction or child-welfare body."""
        return self.need in SENSITIVE_NEEDS or self.partner.is_sensitive

    def get_additional_data(self) -> dict:
        return _person_data(self.person_id, self.person.structure_id)
