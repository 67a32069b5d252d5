"""The reviews (bilans) of a pathway: entry, intermediate and exit (domain.md section 4). The
counsellor writes and signs the review; the technical supervisor writes and signs its technical
part. A signed review is locked. Writes go through services.py."""

from django.conf import settings
from django.db import models

from tremplin.people.models import Person
from tremplin.reference.models import RomeJob

from .enums import ReviewKind

BOTH_OR_NEITHER = "La signature comporte son auteur·rice et sa date, ou ni l'un ni l'autre."


class Review(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="reviews", verbose_name="personne")
    kind = models.CharField("type de bilan", max_length=20, choices=ReviewKind)
    held_on = models.DateField("date du bilan")
    professional_project = models.TextField("projet professionnel", blank=True)
    target_jobs = models.ManyToManyField(RomeJob, blank=True, related_name="+", verbose_name="métiers visés (ROME)")
    next_steps = models.TextField("prochaines étapes", blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="signé par (CIP)",
    )
    signed_at = models.DateTimeField("signé le", null=True, blank=True)
    technical_assessment = models.TextField("partie technique", blank=True)
    technical_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="partie technique signée par",
    )
    technical_signed_at = models.DateTimeField("partie technique signée le", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "bilan"
        verbose_name_plural = "bilans"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["person", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(signed_by__isnull=True, signed_at__isnull=True)
                | models.Q(signed_by__isnull=False, signed_at__isnull=False),
                name="review_signature_complete",
                violation_error_message=BOTH_OR_NEITHER,
            ),
            models.CheckConstraint(
                condition=models.Q(technical_signed_by__isnull=True, technical_signed_at__isnull=True)
                | models.Q(technical_signed_by__isnull=False, technical_signed_at__isnull=False),
                name="review_technical_signature_complete",
                violation_error_message=BOTH_OR_NEITHER,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} du {self.held_on:%d/%m/%Y}"

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    @property
    def technical_is_signed(self) -> bool:
        return self.technical_signed_at is not None

    def get_additional_data(self) -> dict:
        return {"structure_id": self.person.structure_id, "person_id": self.person_id}
