from django.db import models


class TrainingFunder(models.TextChoices):
    REGION = "region", "Région"
    OPCO = "opco", "OPCO"
    FRANCE_TRAVAIL = "france_travail", "France Travail"
    ACI = "aci", "L'ACI (fonds propres)"
    STATE = "state", "État"
    OTHER = "other", "Autre financeur"


class TrainingKind(models.TextChoices):
    REFRESHER = "refresher", "Remise à niveau"
    CLEA = "clea", "CléA"
    PROFESSIONAL_TITLE = "professional_title", "Titre professionnel"
    CACES = "caces", "CACES"
    EXAM_PREPARATION = "exam_preparation", "Préparation à un examen ou concours"
    SAFETY = "safety", "Sécurité (SST, habilitations…)"
    DRIVING_LICENCE = "driving_licence", "Permis de conduire"
    OTHER = "other", "Autre formation"


class TrainingResult(models.TextChoices):
    IN_PROGRESS = "in_progress", "En cours"
    PASSED = "passed", "Réussie"
    FAILED = "failed", "Échec"
    PARTIAL = "partial", "Validation partielle"
    COMPLETED = "completed", "Terminée (sans certification)"
    ABANDONED = "abandoned", "Abandonnée"


# The results that are the outcome of a certification exam: they need a certification aimed at.
CERTIFICATION_RESULTS = frozenset({TrainingResult.PASSED, TrainingResult.FAILED, TrainingResult.PARTIAL})


class PhaseKind(models.TextChoices):
    WORKSHOPS = "workshops", "Ateliers collectifs"
    TRAINING_CENTRE = "training_centre", "Centre de formation"
    COMPANY = "company", "Mise en situation en entreprise"


class ExamResult(models.TextChoices):
    PENDING = "pending", "Pas encore passé"
    PASSED = "passed", "Réussi"
    FAILED = "failed", "Échoué"
    PARTIAL = "partial", "Validation partielle"


# Those who sat the exam: the denominator of the success rate.
SAT_EXAM = frozenset({ExamResult.PASSED, ExamResult.FAILED, ExamResult.PARTIAL})


class Employment(models.TextChoices):
    UNKNOWN = "unknown", "Inconnu"
    YES = "yes", "En emploi"
    NO = "no", "Sans emploi"
