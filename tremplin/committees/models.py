"""Steering and follow-up committees (comités de suivi et de pilotage) that the conventions ask
for at the start, middle and end of the action (seed 002, domain.md section 11), with their
minutes and decisions. Writes go through services.py."""

from django.conf import settings
from django.db import models

from tremplin.funding.models import Convention
from tremplin.organisations.models import Structure
from tremplin.partners.models import Partner

from .enums import CommitteeKind, CommitteeMoment


class Committee(models.Model):
    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="committees", verbose_name="ACI")
    convention = models.ForeignKey(
        Convention,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="committees",
        verbose_name="convention",
    )
    action_label = models.CharField("action suivie", max_length=200, blank=True)
    kind = models.CharField("type de comité", max_length=20, choices=CommitteeKind)
    moment = models.CharField("moment", max_length=10, choices=CommitteeMoment, default=CommitteeMoment.OTHER)
    planned_on = models.DateField("prévu le")
    held_on = models.DateField("tenu le", null=True, blank=True)
    place = models.CharField("lieu", max_length=200, blank=True)
    participants = models.ManyToManyField(
        Partner, blank=True, related_name="committees", verbose_name="partenaires participants"
    )
    other_participants = models.TextField("autres participant·es", blank=True)
    minutes = models.TextField("compte rendu", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "comité"
        verbose_name_plural = "comités"
        ordering = ["planned_on", "pk"]
        indexes = [models.Index(fields=["structure", "planned_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(convention__isnull=False) | ~models.Q(action_label=""),
                name="committee_convention_or_action",
                violation_error_message="Rattachez le comité à une convention ou nommez l'action suivie.",
            ),
            models.CheckConstraint(
                condition=models.Q(held_on__isnull=False) | models.Q(minutes=""),
                name="committee_minutes_once_held",
                violation_error_message="Le compte rendu ne se saisit qu'une fois le comité tenu.",
            ),
            models.UniqueConstraint(
                fields=["convention", "kind", "moment"],
                condition=models.Q(convention__isnull=False) & ~models.Q(moment=CommitteeMoment.OTHER),
                name="committee_one_per_moment_of_convention",
                violation_error_message="Cette convention a déjà un comité de ce type à ce moment.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_moment_display().lower()}) du {self.day:%d/%m/%Y}"

    @property
    def day(self):
        """The day the committee meets: the day it was held, else the day planned."""
        return self.held_on or self.planned_on

    @property
    def subject(self) -> str:
        if self.convention_id and self.action_label:
            return f"{self.action_label} – convention {self.convention.reference}"
        if self.convention_id:
            return f"Convention {self.convention.reference}"
        return self.action_label

    @property
    def is_named(self) -> bool:
        """A comité de suivi reads the beneficiaries by name; a comité de pilotage anonymised."""
        return self.kind == CommitteeKind.FOLLOW_UP

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class CommitteeDecision(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="decisions", verbose_name="comité")
    text = models.TextField("décision")
    owner = models.CharField("porteur de la décision", max_length=200)
    due_on = models.DateField("échéance", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "décision de comité"
        verbose_name_plural = "décisions de comité"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Décision du comité du {self.committee.day:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.committee.structure_id}
