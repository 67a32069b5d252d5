from django.conf import settings
from django.db import models
from django.utils import timezone

from tremplin.kernel.uploads import AciPath, FileCheck
from tremplin.organisations.models import Structure
from tremplin.partners.models import Partner
from tremplin.people.models import Person

from .enums import CLOSED_STATES, INITIAL_STATE, ReferralState, RefusalReason


class Referral(models.Model):
    """The orientation of a person towards an ACI by a prescriber (`partner`), or a direct
    application (candidature spontanée, `partner` empty), and where it stands. The state moves
    only through services.py, along enums.TRANSITIONS; each move is a ReferralTransition."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="referrals", verbose_name="ACI")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals", verbose_name="personne")
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name="prescripteur",
        help_text="Vide : candidature spontanée.",
    )
    referent_name = models.CharField("référent·e chez le prescripteur", max_length=200, blank=True)
    referent_email = models.EmailField("e-mail du ou de la référent·e", blank=True)
    referent_phone = models.CharField("téléphone du ou de la référent·e", max_length=20, blank=True)
    referred_on = models.DateField("date de l'orientation")
    reason = models.TextField("motif de l'orientation")
    state = models.CharField("état", max_length=20, choices=ReferralState, default=INITIAL_STATE)
    refusal_reason = models.CharField("motif de refus", max_length=30, choices=RefusalReason, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="saisie par"
    )
    created_at = models.DateTimeField("saisie le", auto_now_add=True)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)

    class Meta:
        verbose_name = "orientation"
        verbose_name_plural = "orientations"
        ordering = ["-referred_on", "-pk"]
        indexes = [
            models.Index(fields=["structure", "state"]),
            models.Index(fields=["partner", "structure"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=ReferralState.values),
                name="referral_state_known",
                violation_error_message="État d'orientation inconnu.",
            ),
            models.CheckConstraint(
                condition=(models.Q(state=ReferralState.REFUSED) & ~models.Q(refusal_reason=""))
                | (~models.Q(state=ReferralState.REFUSED) & models.Q(refusal_reason="")),
                name="referral_refusal_reason_iff_refused",
                violation_error_message="Une orientation refusée a un motif de refus ; une autre n'en a pas.",
            ),
        ]

    def __str__(self) -> str:
        return f"Orientation de {self.person} du {self.referred_on:%d/%m/%Y}"

    @property
    def is_direct_application(self) -> bool:
        return self.partner_id is None

    @property
    def is_closed(self) -> bool:
        return self.state in CLOSED_STATES

    @property
    def is_sensitive(self) -> bool:
        """Referred by SPIP, PJJ, CSAPA, CAARUD or ASE: the prescriber itself reveals justice,
        addiction or child-welfare information."""
        return self.partner is not None and self.partner.is_sensitive

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}


class ReferralTransition(models.Model):
    """One move of a referral from a state to another: append-only history (the services only
    create rows; the admin is read-only). The first row of a referral has no `from_state`."""

    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, related_name="transitions", verbose_name="orientation"
    )
    from_state = models.CharField("état précédent", max_length=20, choices=ReferralState, null=True, blank=True)
    to_state = models.CharField("nouvel état", max_length=20, choices=ReferralState)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="par")
    at = models.DateTimeField("le", default=timezone.now)
    comment = models.TextField("commentaire", blank=True)
    refusal_reason = models.CharField("motif de refus", max_length=30, choices=RefusalReason, blank=True)

    class Meta:
        verbose_name = "changement d'état d'une orientation"
        verbose_name_plural = "changements d'état des orientations"
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(to_state=ReferralState.REFUSED) & ~models.Q(refusal_reason=""))
                | (~models.Q(to_state=ReferralState.REFUSED) & models.Q(refusal_reason="")),
                name="referral_transition_refusal_reason_iff_refused",
                violation_error_message="Un refus a un motif, et seul un refus en a un.",
            ),
        ]

    def __str__(self) -> str:
        before = self.get_from_state_display() if self.from_state else "—"
        return f"{before} → {self.get_to_state_display()} le {timezone.localtime(self.at):%d/%m/%Y %H:%M}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.referral.structure_id, "person_id": self.referral.person_id}


def attachment_path(instance, filename: str) -> str:
    # named by an earlier migration; the field now stores with kernel.uploads.AciPath
    return f"referrals/{instance.referral.structure_id}/{instance.referral_id}/{filename}"


class ReferralAttachment(models.Model):
    """A document sent with the referral (fiche de liaison, CV...)."""

    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, related_name="attachments", verbose_name="orientation"
    )
    file = models.FileField(
        "fichier",
        upload_to=AciPath("referrals", "referral.structure_id", "referral_id", keep_name=True),
        validators=[FileCheck()],
    )
    original_name = models.CharField("nom du fichier", max_length=255)
    content_type = models.CharField("type de contenu", max_length=100)
    size = models.PositiveIntegerField("taille (octets)")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="déposé par"
    )
    uploaded_at = models.DateTimeField("déposé le", auto_now_add=True)

    class Meta:
        verbose_name = "pièce jointe d'une orientation"
        verbose_name_plural = "pièces jointes des orientations"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    def get_additional_data(self) -> dict:
        return {"structure_id": self.referral.structure_id, "person_id": self.referral.person_id}


class InformationSession(models.Model):
    """An information collective: candidates discover the ACI, its supports and its rules."""

    structure = models.ForeignKey(
        Structure, on_delete=models.PROTECT, related_name="information_sessions", verbose_name="ACI"
    )
    starts_at = models.DateTimeField("début")
    place = models.CharField("lieu", max_length=300)
    capacity = models.PositiveIntegerField("nombre de places")
    comment = models.TextField("commentaire", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="créée par"
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)

    class Meta:
        verbose_name = "information collective"
        verbose_name_plural = "informations collectives"
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["structure", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1),
                name="information_session_capacity_at_least_one",
                violation_error_message="Une information collective a au moins une place.",
            ),
        ]

    def __str__(self) -> str:
        return f"Information collective du {timezone.localtime(self.starts_at):%d/%m/%Y à %H:%M}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class SessionAttendance(models.Model):
    """The invitation of a referral to an information session, and whether the person came
    (`attended` empty: not recorded yet)."""

    session = models.ForeignKey(
        InformationSession,
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name="information collective",
    )
    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, related_name="session_attendances", verbose_name="orientation"
    )
    attended = models.BooleanField("présente", null=True, blank=True)
    invited_at = models.DateTimeField("invitée le", auto_now_add=True)

    class Meta:
        verbose_name = "invitation à une information collective"
        verbose_name_plural = "invitations aux informations collectives"
        ordering = ["session__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "referral"],
                name="session_attendance_once_per_referral",
                violation_error_message="Cette personne est déjà invitée à cette information collective.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.referral.person} à l'{self.session}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.session.structure_id, "person_id": self.referral.person_id}
