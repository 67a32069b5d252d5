from django.db import models


class Objective(models.TextChoices):
    """The one objective of a PMSMP (L5135-1): exactly one per convention."""

    DISCOVER = "discover", "Découvrir un métier ou un secteur d'activité"
    CONFIRM = "confirm", "Confirmer un projet professionnel"
    RECRUIT = "recruit", "Initier une démarche de recrutement"


class ImmersionStatus(models.TextChoices):
    PLANNED = "planned", "Prévue"
    IN_PROGRESS = "in_progress", "En cours"
    DONE = "done", "Réalisée"
    CANCELLED = "cancelled", "Annulée"


class CddiDuring(models.TextChoices):
    """What happens to the CDDI during the immersion (seed 001: the ACI keeps paying)."""

    CONTINUES = "continues", "Le CDDI se poursuit (salaire maintenu par l'ACI)"
    SUSPENDED = "suspended", "Le CDDI est suspendu"


class EvaluationLevel(models.TextChoices):
    INSUFFICIENT = "1", "Insuffisant"
    TO_IMPROVE = "2", "À améliorer"
    SATISFACTORY = "3", "Satisfaisant"
    VERY_GOOD = "4", "Très bien"


class Outcome(models.TextChoices):
    """What followed the immersion with the host."""

    HIRED_CDI = "hired_cdi", "Embauche par l'hôte en CDI"
    HIRED_CDD = "hired_cdd", "Embauche par l'hôte en CDD"
    HIRED_INTERIM = "hired_interim", "Mission d'intérim chez l'hôte"
    TRAINING = "training", "Formation préalable à l'embauche chez l'hôte (POEI…)"
    NOT_HIRED = "not_hired", "Pas d'embauche"


# "Hired by the host", whatever the contract (decision 0014): a training is not a hire.
HIRED_OUTCOMES = frozenset({Outcome.HIRED_CDI, Outcome.HIRED_CDD, Outcome.HIRED_INTERIM})

# Statuses that count for the limits of the law: a cancelled convention never took place.
COUNTED_STATUSES = frozenset({ImmersionStatus.PLANNED, ImmersionStatus.IN_PROGRESS, ImmersionStatus.DONE})

# The criteria of the tutor's evaluation: (field name, label).
EVALUATION_CRITERIA = [
    ("punctuality", "Ponctualité et assiduité"),
    ("integration", "Intégration dans l'équipe"),
    ("skills", "Savoir-faire techniques"),
    ("autonomy", "Autonomie et initiative"),
    ("safety", "Respect des consignes de sécurité"),
]
