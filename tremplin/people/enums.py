from django.db import models


class Sex(models.TextChoices):
    FEMALE = "F", "Femme"
    MALE = "M", "Homme"


class NationalityGroup(models.TextChoices):
    FRANCE = "france", "Française"
    EU = "eu", "Union européenne"
    OUTSIDE_EU = "outside_eu", "Hors Union européenne"


class EducationLevel(models.TextChoices):
    """Levels of the national qualification framework (ASP reporting uses them)."""

    NONE = "none", "Aucune formation scolaire"
    INFRA_3 = "infra_3", "Niveau infra 3 (sans diplôme, fin de scolarité obligatoire)"
    LEVEL_3 = "level_3", "Niveau 3 (CAP, BEP)"
    LEVEL_4 = "level_4", "Niveau 4 (baccalauréat)"
    LEVEL_5 = "level_5", "Niveau 5 (bac + 2)"
    LEVEL_6_PLUS = "level_6_plus", "Niveau 6 et plus (licence et au-delà)"


# Levels that meet the eligibility criterion "CAP/BEP or below" (level 2).


class DocumentKind(models.TextChoices):
    IDENTITY = "identity", "Pièce d'identité / titre de séjour"
    RESIDENCE = "residence", "Justificatif de domicile"
    RSA = "rsa", "Attestation RSA / CAF"
    FRANCE_TRAVAIL = "france_travail", "Attestation France Travail"
    RQTH = "rqth", "Décision RQTH"
    DIPLOMA = "diploma", "Diplôme, certificat"
    CV = "cv", "CV"
    OTHER = "other", "Autre"
