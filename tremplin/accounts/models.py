from django.contrib.auth.models import AbstractUser
from django.db import models

from tremplin.organisations.models import Organisation, Structure

from .enums import Role
from .managers import UserManager


class User(AbstractUser):
    """A person who logs in to Tremplin. Identified by email; roles come from memberships."""

    username = None
    email = models.EmailField("adresse e-mail", unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Membership(models.Model):
    """A role of a user in one ACI, or, for a director only, in a whole organisation
    (an organisation-level director sees all the ACI of that organisation)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("rôle", max_length=20, choices=Role)
    structure = models.ForeignKey(
        Structure,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="ACI",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="structure porteuse (direction générale)",
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="organisme prescripteur",
        help_text="Pour un prescripteur : l'organisme dont il relève ; il ne voit que ses orientations.",
    )
    is_active = models.BooleanField("active", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "rôle"
        verbose_name_plural = "rôles"
        ordering = ["user", "structure__name"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(structure__isnull=False, organisation__isnull=True))
                | models.Q(structure__isnull=True, organisation__isnull=False, role=Role.DIRECTOR),
                name="membership_structure_xor_organisation_director",
                violation_error_message=(
                    "Un rôle porte sur un ACI, ou sur une structure porteuse entière pour la direction seulement."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "structure"],
                condition=models.Q(structure__isnull=False),
                name="membership_one_role_per_structure",
                violation_error_message="Cet utilisateur a déjà un rôle dans cet ACI.",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="membership_one_role_per_organisation",
                violation_error_message="Cet utilisateur a déjà un rôle dans cette structure porteuse.",
            ),
        ]

    def __str__(self) -> str:
        where = self.structure or self.organisation
        return f"{self.user} : {self.get_role_display()} ({where})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "organisation_id": self.organisation_id}
