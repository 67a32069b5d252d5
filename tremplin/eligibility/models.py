from django.conf import settings
from django.db import models

from tremplin.kernel.dates import Period
from tremplin.kernel.uploads import AciPath, FileCheck
from tremplin.partners.models import Partner
from tremplin.people.models import Person

from . import rules
from .enums import LEVEL_1, ApprovalStatus, ApprovalSuspensionReason, AuthorKind, Criterion, ProlongationReason


class EligibilityDiagnosis(models.Model):
    """The eligibility diagnosis of a person to the IAE: criteria checked by a prescriber
    (valid 6 months) or by the ACI itself (valid 92 days). `expires_on` is computed by the service."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="eligibility_diagnoses", verbose_name="personne"
    )
    author_kind = models.CharField("réalisé par", max_length=20, choices=AuthorKind)
    author_partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="eligibility_diagnoses",
        verbose_name="prescripteur",
    )
    author_name = models.CharField(
        "nom de l'auteur·rice", max_length=200, blank=True, help_text="La personne qui a fait le diagnostic."
    )
    made_on = models.DateField("réalisé le")
    expires_on = models.DateField("valable jusqu'au")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "diagnostic d'éligibilité"
        verbose_name_plural = "diagnostics d'éligibilité"
        ordering = ["-made_on", "-pk"]
        indexes = [models.Index(fields=["person", "expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(author_kind=AuthorKind.PRESCRIBER, author_partner__isnull=False)
                | models.Q(author_kind=AuthorKind.EMPLOYER, author_partner__isnull=True),
                name="diagnosis_prescriber_has_partner",
                violation_error_message=(
                    "Un diagnostic fait par un prescripteur nomme l'organisme prescripteur ; "
                    "celui fait par l'ACI n'en nomme pas."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__gte=models.F("made_on")),
                name="diagnosis_expires_after_made",
                violation_error_message="La fin de validité du diagnostic doit suivre sa date.",
            ),
        ]

    def __str__(self) -> str:
        return f"Diagnostic d'éligibilité du {self.made_on:%d/%m/%Y} ({self.get_author_kind_display()})"

    def is_valid_on(self, day) -> bool:
        return rules.is_valid_on(self.made_on, self.expires_on, day)

    def get_additional_data(self) -> dict:
        return {"structure_id": self.person.structure_id, "person_id": self.person_id}


class DiagnosisCriterion(models.Model):
    diagnosis = models.ForeignKey(
        EligibilityDiagnosis, on_delete=models.PROTECT, related_name="criteria", verbose_name="diagnostic"
    )
    criterion = models.CharField("critère", max_length=30, choices=Criterion)
    proof_note = models.TextField("justificatif (précisions)", blank=True)
    proof = models.FileField(
        "justificatif (document)",
        upload_to=AciPath("eligibility/proofs", "diagnosis.person.structure_id", "diagnosis.person_id"),
        validators=[FileCheck()],
        blank=True,
    )

    class Meta:
        verbose_name = "critère d'éligibilité"
        verbose_name_plural = "critères d'éligibilité"
        ordering = ["diagnosis", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["diagnosis", "criterion"],
                name="diagnosis_criterion_once",
                violation_error_message="Ce critère est déjà retenu dans ce diagnostic.",
            )
        ]

    def __str__(self) -> str:
        return self.get_criterion_display()

    @property
    def level(self) -> int:
        return 1 if self.criterion in LEVEL_1 else 2

    def get_additional_data(self) -> dict:
        return {"structure_id": self.diagnosis.person.structure_id, "person_id": self.diagnosis.person_id}


class Approval(models.Model):
    """A PASS IAE, issued by the State on les emplois de l'inclusion: Tremplin records its number
    and dates. `end` is the initial end (start + 730 days - 1); `effective_end` adds the
    prolongations and suspensions."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="approvals", verbose_name="personne")
    # Unique within an ACI only (services.approval_record): the same human may be recorded in two
    # ACI of the network with the same PASS, and one ACI must not learn that another has it.
    number = models.CharField("numéro de PASS IAE", max_length=12, db_index=True)
    start = models.DateField("début")
    end = models.DateField("fin initiale")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "PASS IAE"
        verbose_name_plural = "PASS IAE"
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="approval_end_after_start",
                violation_error_message="La fin du PASS IAE doit suivre son début.",
            ),
            models.CheckConstraint(
                condition=models.Q(number__regex=rules.APPROVAL_NUMBER_RE.pattern),
                name="approval_number_format",
                violation_error_message="Un numéro de PASS IAE compte 12 caractères, chiffres et lettres majuscules.",
            ),
        ]

    def __str__(self) -> str:
        return f"PASS IAE n° {self.number}"

    @property
    def effective_end(self):
        """The end in force. Reads the prolongations and suspensions (prefetch them for lists)."""
        return rules.approval_end(
            self.end,
            [Period(p.start, p.end) for p in self.prolongations.all()],
            [Period(s.start, s.end) for s in self.suspensions.all()],
        )

    def covers(self, day) -> bool:
        return self.start <= day <= self.effective_end

    def status_on(self, day) -> ApprovalStatus:
        if day < self.start:
            return ApprovalStatus.FUTURE
        if day > self.effective_end:
            return ApprovalStatus.EXPIRED
        if any(s.start <= day <= s.end for s in self.suspensions.all()):
            return ApprovalStatus.SUSPENDED
        return ApprovalStatus.VALID

    def get_additional_data(self) -> dict:
        return {"structure_id": self.person.structure_id, "person_id": self.person_id}


class ApprovalProlongation(models.Model):
    approval = models.ForeignKey(
        Approval, on_delete=models.PROTECT, related_name="prolongations", verbose_name="PASS IAE"
    )
    reason = models.CharField("motif", max_length=30, choices=ProlongationReason)
    start = models.DateField("début")
    end = models.DateField("fin", help_text="Pour une fin de formation : la date de fin de la formation.")
    decided_by = models.CharField(
        "décidée par", max_length=200, help_text="Ex. : France Travail, DDETS de l'Hérault, prescripteur habilité."
    )
    document = models.FileField(
        "décision (document)",
        upload_to=AciPath("eligibility/prolongations", "approval.person.structure_id", "approval.person_id"),
        validators=[FileCheck()],
        blank=True,
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "prolongation de PASS IAE"
        verbose_name_plural = "prolongations de PASS IAE"
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="approval_prolongation_end_after_start",
                violation_error_message="La fin de la prolongation doit suivre son début.",
            )
        ]

    def __str__(self) -> str:
        return f"Prolongation ({self.get_reason_display()}) du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.approval.person.structure_id, "person_id": self.approval.person_id}


class ApprovalSuspension(models.Model):
    approval = models.ForeignKey(
        Approval, on_delete=models.PROTECT, related_name="suspensions", verbose_name="PASS IAE"
    )
    reason = models.CharField("motif", max_length=30, choices=ApprovalSuspensionReason)
    start = models.DateField("début")
    end = models.DateField("fin")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "suspension de PASS IAE"
        verbose_name_plural = "suspensions de PASS IAE"
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="approval_suspension_end_after_start",
                violation_error_message="La fin de la suspension doit suivre son début.",
            )
        ]

    def __str__(self) -> str:
        return f"Suspension ({self.get_reason_display()}) du {self.start:%d/%m/%Y} au {self.end:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.approval.person.structure_id, "person_id": self.approval.person_id}
