"""The employees' opinion (seed 002): anonymous answers to a short questionnaire, the one-time
invitations to answer it without an account, and the testimonials published with consent.
Writes go through services.py.

An answer holds no link to a person, nor any time finer than its day: the invitation that led
to it only knows that it was used (docs/decisions/0017)."""

from django.conf import settings
from django.db import models

from tremplin.kernel.uploads import MEGABYTE, AciPath, FileCheck
from tremplin.organisations.models import Structure
from tremplin.people.models import Person


class SatisfactionResponse(models.Model):
    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="satisfaction_responses", verbose_name="ACI"
    )
    answered_on = models.DateField("répondu le")
    answers = models.JSONField("réponses", default=dict, help_text="Question -> niveau de 1 à 4 ; sans avis : absente.")
    comment = models.TextField("commentaire", blank=True)

    class Meta:
        verbose_name = "réponse au questionnaire de satisfaction"
        verbose_name_plural = "réponses au questionnaire de satisfaction"
        ordering = ["-answered_on", "-pk"]
        indexes = [models.Index(fields=["structure", "answered_on"])]

    def __str__(self) -> str:
        return f"Réponse du {self.answered_on:%d/%m/%Y}"


class Invitation(models.Model):
    """A one-time link to answer without an account. Only the SHA-256 of the token is stored: the
    link is shown once, to the counsellor who creates it."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="satisfaction_invitations", verbose_name="ACI"
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="satisfaction_invitations", verbose_name="personne"
    )
    token_hash = models.CharField("empreinte du jeton", max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField("valable jusqu'au")
    used = models.BooleanField("utilisée", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "invitation au questionnaire"
        verbose_name_plural = "invitations au questionnaire"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Invitation de {self.person} au questionnaire de satisfaction"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}


def photo_path(instance, filename: str) -> str:
    # named by an earlier migration; the field now stores with kernel.uploads.AciPath
    return f"temoignages/{instance.structure_id}/{filename}"


class Testimonial(models.Model):
    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="testimonials", verbose_name="ACI")
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="testimonials",
        verbose_name="personne",
    )
    author_display_name = models.CharField(
        "nom affiché", max_length=100, help_text="Tel qu'il sera publié, par exemple le prénom seul."
    )
    text = models.TextField("témoignage")
    photo = models.FileField(
        "photo",
        upload_to=AciPath("temoignages", "structure_id"),
        validators=[FileCheck((".jpg", ".jpeg", ".png"), max_bytes=2 * MEGABYTE)],
        blank=True,
    )
    consent_given_on = models.DateField("consentement écrit donné le", null=True, blank=True)
    consent_revoked_on = models.DateField("consentement retiré le", null=True, blank=True)
    published = models.BooleanField("publiable", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "témoignage"
        verbose_name_plural = "témoignages"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(published=False)
                | models.Q(consent_given_on__isnull=False, consent_revoked_on__isnull=True),
                name="testimonial_published_with_consent",
                violation_error_message="Publier un témoignage demande le consentement (non retiré) de l'auteur·e.",
            ),
            models.CheckConstraint(
                condition=models.Q(consent_revoked_on__isnull=True)
                | models.Q(consent_given_on__isnull=False, consent_revoked_on__gte=models.F("consent_given_on")),
                name="testimonial_revoked_after_given",
                violation_error_message="Le retrait du consentement suit son recueil.",
            ),
        ]

    def __str__(self) -> str:
        return f"Témoignage de {self.author_display_name}"

    @property
    def has_consent(self) -> bool:
        return self.consent_given_on is not None and self.consent_revoked_on is None

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}
