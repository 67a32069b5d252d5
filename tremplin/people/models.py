from django.conf import settings
from django.db import models

from tremplin.kernel.uploads import AciPath, FileCheck
from tremplin.organisations.models import Structure

from .enums import DocumentKind, EducationLevel, NationalityGroup, Sex


class Person(models.Model):
    """One human across candidacy, contracts and exit, in one ACI (the tenant of case data)."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="people", verbose_name="ACI")
    # Identity
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom d'usage", max_length=100)
    birth_name = models.CharField("nom de naissance", max_length=100, blank=True)
    birth_date = models.DateField("date de naissance")
    sex = models.CharField("sexe", max_length=1, choices=Sex)
    nationality_group = models.CharField(
        "nationalité", max_length=20, choices=NationalityGroup, default=NationalityGroup.FRANCE
    )
    # Contact
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=20, blank=True)
    address = models.CharField("adresse", max_length=300, blank=True)
    postal_code = models.CharField("code postal", max_length=5, blank=True)
    city = models.CharField("commune", max_length=120, blank=True)
    commune_insee = models.CharField("code INSEE de la commune", max_length=5, blank=True)
    qpv = models.BooleanField("réside en QPV", default=False)
    zrr = models.BooleanField("réside en ZRR", default=False)
    # Identifiers (the NIR is stored encrypted, see people/nir.py)
    nir_encrypted = models.TextField("NIR (chiffré)", blank=True, editable=False)
    nir_digest = models.CharField("empreinte du NIR", max_length=64, blank=True, editable=False)
    france_travail_id = models.CharField("identifiant France Travail", max_length=11, blank=True)
    education_level = models.CharField("niveau de formation", max_length=20, choices=EducationLevel, blank=True)
    # Situation at entry
    rsa = models.BooleanField("bénéficiaire du RSA", default=False)
    rsa_since = models.DateField("RSA depuis le", null=True, blank=True)
    ass = models.BooleanField("bénéficiaire de l'ASS", default=False)
    ass_since = models.DateField("ASS depuis le", null=True, blank=True)
    aah = models.BooleanField("bénéficiaire de l'AAH", default=False)
    aah_since = models.DateField("AAH depuis le", null=True, blank=True)
    rqth = models.BooleanField("RQTH", default=False)
    rqth_since = models.DateField("RQTH depuis le", null=True, blank=True)
    job_seeker_since = models.DateField("inscrit·e à France Travail depuis le", null=True, blank=True)
    resourceless = models.BooleanField("sans ressources", default=False)
    # Emergency contact
    emergency_contact_name = models.CharField("personne à prévenir", max_length=200, blank=True)
    emergency_contact_phone = models.CharField("téléphone de la personne à prévenir", max_length=20, blank=True)
    # Follow-up
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followed_people",
        verbose_name="CIP référent·e",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "personne"
        verbose_name_plural = "personnes"
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["structure", "last_name", "first_name"])]
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "nir_digest"], condition=~models.Q(nir_digest=""), name="person_nir_once_per_aci"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.pk}


def document_path(instance, filename: str) -> str:
    # named by an earlier migration; the field now stores with kernel.uploads.AciPath
    return f"documents/{instance.person.structure_id}/{instance.person_id}/{filename}"


class PersonDocument(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="documents", verbose_name="personne")
    kind = models.CharField("type de pièce", max_length=30, choices=DocumentKind)
    file = models.FileField(
        "fichier",
        upload_to=AciPath("documents", "person.structure_id", "person_id", keep_name=True),
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
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} : {self.original_name}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.person.structure_id, "person_id": self.person_id}
