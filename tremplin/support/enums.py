from django.db import models


class DiagnosisKind(models.TextChoices):
    ENTRY = "entry", "Diagnostic d'entrée"
    REVIEW = "review", "Réévaluation"


class ObstacleCategory(models.TextChoices):
    """The obstacles to employment (freins périphériques) of the ASP reporting, plus two common ones."""

    ILLITERACY = "illiteracy", "Illettrisme / FLE"
    ADMINISTRATIVE = "administrative", "Démarches administratives et accès aux droits"
    HOUSING = "housing", "Logement"
    MOBILITY = "mobility", "Mobilité"
    HEALTH = "health", "Santé"
    JUSTICE = "justice", "Justice"
    DEBT = "debt", "Surendettement et finances"
    AVAILABILITY = "availability", "Manque de disponibilité (garde d'enfants, famille à charge)"
    DIGITAL = "digital", "Compétences numériques"
    FAMILY = "family", "Famille"


# Health, justice and debts: shown only to the counsellor and the director, each display logged.
SENSITIVE_CATEGORIES = frozenset({ObstacleCategory.HEALTH, ObstacleCategory.JUSTICE, ObstacleCategory.DEBT})


class ObstacleLevel(models.TextChoices):
    LOW = "low", "Faible"
    MEDIUM = "medium", "Moyen"
    STRONG = "strong", "Fort"


class Treatment(models.TextChoices):
    INTERNAL = "internal", "En interne"
    EXTERNAL = "external", "En externe"
    BOTH = "both", "En interne et en externe"


class ObjectiveStatus(models.TextChoices):
    OPEN = "open", "En cours"
    DONE = "done", "Atteint"
    ABANDONED = "abandoned", "Abandonné"


class AppointmentKind(models.TextChoices):
    INDIVIDUAL = "individual", "Entretien individuel"
    COLLECTIVE = "collective", "Atelier collectif"
    PHONE = "phone", "Entretien téléphonique"
    HOME_VISIT = "home_visit", "Visite à domicile"
    WITH_PARTNER = "with_partner", "Rendez-vous avec un partenaire"


class Confidentiality(models.TextChoices):
    ORDINARY = "ordinary", "Ordinaire"
    SENSITIVE = "sensitive", "Confidentielle (santé, justice, dettes)"


class SensitiveTopic(models.TextChoices):
    HEALTH = "health", "Santé"
    JUSTICE = "justice", "Justice"
    DEBTS = "debts", "Dettes"


class ReferralNeed(models.TextChoices):
    HOUSING = "housing", "Logement"
    HEALTH = "health", "Santé"
    DEBT_ADVICE = "debt_advice", "Conseil budgétaire / surendettement"
    CHILDCARE = "childcare", "Garde d'enfants"
    DRIVING_LICENCE = "driving_licence", "Permis de conduire"
    MOBILITY = "mobility", "Mobilité"
    ADMINISTRATIVE = "administrative", "Démarches administratives"
    OTHER = "other", "Autre"


# A referral for these needs tells something of the person's health or debts.
SENSITIVE_NEEDS = frozenset({ReferralNeed.HEALTH, ReferralNeed.DEBT_ADVICE})


class ReferralOutcome(models.TextChoices):
    PENDING = "pending", "En attente"
    ACCEPTED = "accepted", "Acceptée"
    REFUSED = "refused", "Refusée"
    DONE = "done", "Réalisée"
    NO_ANSWER = "no_answer", "Sans réponse"
