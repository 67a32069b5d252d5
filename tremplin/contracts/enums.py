from django.db import models

from .rules import CAP_MONTHS, MIN_WEEKLY_HOURS


class ContractKind(models.TextChoices):
    CDDI = "cddi", "CDDI"
    CDI_INCLUSION = "cdi_inclusion", "CDI inclusion"


class AmendmentKind(models.TextChoices):
    RENEWAL = "renewal", "Renouvellement"
    HOURS = "hours", "Changement de durée hebdomadaire"
    JOB = "job", "Changement de poste"


class DerogationKind(models.TextChoices):
    TRAINING = "training", f"Au-delà de {CAP_MONTHS} mois : achever une formation en cours"
    SENIOR_OR_RQTH = (
        "senior_or_rqth",
        f"Au-delà de {CAP_MONTHS} mois : 50 ans et plus ou RQTH, difficultés particulières",
    )
    PARTICULAR_DIFFICULTIES = (
        "particular_difficulties",
        f"Au-delà de {CAP_MONTHS} mois : difficultés particulièrement importantes",
    )
    LOW_HOURS_INDIVIDUAL = (
        "low_hours_individual",
        f"Moins de {MIN_WEEKLY_HOURS} h par semaine : dérogation individuelle (D5132-43-5)",
    )
    LOW_HOURS_COLLECTIVE = (
        "low_hours_collective",
        f"Moins de {MIN_WEEKLY_HOURS} h par semaine : dérogation collective de l'ACI (D5132-43-8)",
    )


EXTENSION_KINDS = frozenset(
    {DerogationKind.TRAINING, DerogationKind.SENIOR_OR_RQTH, DerogationKind.PARTICULAR_DIFFICULTIES}
)
# Extensions granted by successive 12-month decisions, within 60 months of pathway in all.
CAPPED_EXTENSION_KINDS = frozenset({DerogationKind.SENIOR_OR_RQTH, DerogationKind.PARTICULAR_DIFFICULTIES})
LOW_HOURS_KINDS = frozenset({DerogationKind.LOW_HOURS_INDIVIDUAL, DerogationKind.LOW_HOURS_COLLECTIVE})


class SuspensionKind(models.TextChoices):
    PMSMP = "pmsmp", "PMSMP ou évaluation en milieu de travail"
    TRIAL_ELSEWHERE = "trial_elsewhere", "Période d'essai chez un autre employeur (CDI ou CDD de 6 mois et plus)"
    OTHER = "other", "Autre (maladie, congé...)"


class EarlyEndReason(models.TextChoices):
    MUTUAL_AGREEMENT = "mutual_agreement", "Rupture d'un commun accord"
    SERIOUS_MISCONDUCT = "serious_misconduct", "Faute grave"
    FORCE_MAJEURE = "force_majeure", "Force majeure"
    MEDICAL_UNFITNESS = "medical_unfitness", "Inaptitude constatée par le médecin du travail"
    HIRED_ELSEWHERE = "hired_elsewhere", "Embauche en CDI ou en CDD de 6 mois et plus ailleurs"
    TRIAL_PERIOD = "trial_period", "Rupture pendant la période d'essai"


class ExitCategory(models.TextChoices):
    """DGEFP categories of exits (domain.md section 9)."""

    DURABLE = "durable", "Emploi durable"
    TRANSITION = "transition", "Emploi de transition"
    POSITIVE = "positive", "Sortie positive"
    OTHER = "other", "Autre sortie"
    WITHDRAWN = "withdrawn", "Retrait des sorties constatées"


class ExitReason(models.TextChoices):
    CDI = "cdi", "CDI"
    CDD_6_PLUS = "cdd_6_plus", "CDD de 6 mois ou plus"
    TEMPING_6_PLUS = "temping_6_plus", "Intérim de 6 mois ou plus"
    CIVIL_SERVICE = "civil_service", "Entrée dans la fonction publique"
    BUSINESS_CREATION = "business_creation", "Création ou reprise d'entreprise"
    CDD_UNDER_6 = "cdd_under_6", "CDD de moins de 6 mois"
    TEMPING_UNDER_6 = "temping_under_6", "Intérim de moins de 6 mois"
    SUBSIDISED_CONTRACT = "subsidised_contract", "Contrat aidé chez un employeur ordinaire"
    QUALIFYING_TRAINING = "qualifying_training", "Formation qualifiante ou pré-qualifiante"
    OTHER_SIAE = "other_siae", "Embauche dans une autre SIAE"
    JOB_SEEKER = "job_seeker", "Demandeur d'emploi"
    INACTIVE = "inactive", "Inactivité"
    HEALTH = "health", "Raisons de santé"
    MOVED = "moved", "Déménagement"
    DISMISSED = "dismissed", "Licenciement ou abandon de poste"
    UNKNOWN = "unknown", "Situation inconnue"
    DEATH = "death", "Décès"
    LONG_ILLNESS = "long_illness", "Longue maladie"
    FORCED_MOVE = "forced_move", "Déménagement contraint"
    INCARCERATION = "incarceration", "Incarcération"


EXIT_CATEGORY = {
    ExitReason.CDI: ExitCategory.DURABLE,
    ExitReason.CDD_6_PLUS: ExitCategory.DURABLE,
    ExitReason.TEMPING_6_PLUS: ExitCategory.DURABLE,
    ExitReason.CIVIL_SERVICE: ExitCategory.DURABLE,
    ExitReason.BUSINESS_CREATION: ExitCategory.DURABLE,
    ExitReason.CDD_UNDER_6: ExitCategory.TRANSITION,
    ExitReason.TEMPING_UNDER_6: ExitCategory.TRANSITION,
    ExitReason.SUBSIDISED_CONTRACT: ExitCategory.TRANSITION,
    ExitReason.QUALIFYING_TRAINING: ExitCategory.POSITIVE,
    ExitReason.OTHER_SIAE: ExitCategory.POSITIVE,
    ExitReason.JOB_SEEKER: ExitCategory.OTHER,
    ExitReason.INACTIVE: ExitCategory.OTHER,
    ExitReason.HEALTH: ExitCategory.OTHER,
    ExitReason.MOVED: ExitCategory.OTHER,
    ExitReason.DISMISSED: ExitCategory.OTHER,
    ExitReason.UNKNOWN: ExitCategory.OTHER,
    ExitReason.DEATH: ExitCategory.WITHDRAWN,
    ExitReason.LONG_ILLNESS: ExitCategory.WITHDRAWN,
    ExitReason.FORCED_MOVE: ExitCategory.WITHDRAWN,
    ExitReason.INCARCERATION: ExitCategory.WITHDRAWN,
}


class FollowUpSituation(models.TextChoices):
    SAME_AS_EXIT = "same_as_exit", "Même situation qu'à la sortie"
    DURABLE_JOB = "durable_job", "En emploi durable"
    TRANSITION_JOB = "transition_job", "En emploi de transition"
    TRAINING = "training", "En formation"
    JOB_SEEKER = "job_seeker", "Demandeur d'emploi"
    INACTIVE = "inactive", "Inactif"
    UNREACHABLE = "unreachable", "Injoignable"
