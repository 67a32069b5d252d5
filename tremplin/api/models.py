"""Personal API tokens. A token acts in one context of its owner (one membership, one ACI: see
accounts/scope.py `Context`), so the API applies the same access layer as the pages. Only the
SHA-256 hash of the secret is stored; the secret is shown once, at creation."""

from django.conf import settings
from django.db import models

from tremplin.accounts.models import Membership
from tremplin.organisations.models import Structure


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="utilisateur"
    )
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="rôle")
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="api_tokens", verbose_name="ACI")
    name = models.CharField("nom", max_length=100, help_text="Ex. : « Script de synchronisation de la paie ».")
    prefix = models.CharField("préfixe", max_length=16, unique=True)
    token_hash = models.CharField("empreinte SHA-256", max_length=64)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    last_used_at = models.DateTimeField("dernière utilisation", null=True, blank=True)
    expires_at = models.DateTimeField("expire le", null=True, blank=True)
    revoked_at = models.DateTimeField("révoqué le", null=True, blank=True)

    class Meta:
        verbose_name = "jeton d'API"
        verbose_name_plural = "jetons d'API"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Jeton d'API « {self.name} » ({self.prefix}…)"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "organisation_id": None}
