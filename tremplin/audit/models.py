"""The log of reads of sensitive information (health, justice, debts): CNIL 2021-122 asks to
know who read which record and when. Append-only: rows are only ever created by
`services.sensitive_read_record`; the admin cannot change them; kept one year."""

from django.conf import settings
from django.db import models

from tremplin.accounts.enums import Role


class SensitiveRead(models.Model):
    read_at = models.DateTimeField("lu le", auto_now_add=True, db_index=True)
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sensitive_reads", verbose_name="lecteur"
    )
    reader_role = models.CharField("rôle", max_length=20, choices=Role.choices)
    structure = models.ForeignKey(
        "organisations.Structure", on_delete=models.PROTECT, related_name="+", verbose_name="ACI"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="sensitive_reads", verbose_name="personne"
    )
    # Which record: its model ("support.Appointment") and id, and a label without its content
    # ("Note d'entretien du 12/03/2026"): the log itself must not repeat what is sensitive.
    record_type = models.CharField("type", max_length=60)
    record_id = models.PositiveBigIntegerField("identifiant")
    label = models.CharField("donnée lue", max_length=200)

    class Meta:
        verbose_name = "lecture d'une donnée sensible"
        verbose_name_plural = "lectures de données sensibles"
        ordering = ["-read_at", "-pk"]
        indexes = [models.Index(fields=["structure", "-read_at"]), models.Index(fields=["person", "-read_at"])]

    def __str__(self):
        return f"{self.reader} · {self.label}"
