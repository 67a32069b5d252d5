from django.db import models


class Criterion(models.TextChoices):
    """Administrative eligibility criteria of the IAE (les emplois de l'inclusion,
    `administrative_criteria.json`; domain.md section 2)."""

    # Level 1
    RSA = "rsa", "Bénéficiaire du RSA"
    ASS = "ass", "Allocataire de l'ASS"
    AAH = "aah", "Allocataire de l'AAH"
    DETLD = "detld", "Demandeur d'emploi de très longue durée (24 mois et plus)"
    # Level 2
    LOW_EDUCATION = "low_education", "Niveau de formation CAP/BEP ou infra"
    SENIOR_50 = "senior_50", "50 ans et plus"
    UNDER_26 = "under_26", "Moins de 26 ans"
    ASE_LEAVER = "ase_leaver", "Sortant·e de l'aide sociale à l'enfance (ASE)"
    DELD = "deld", "Demandeur d'emploi de longue durée (12 à 23 mois)"
    RQTH = "rqth", "Travailleur·se handicapé·e (TH / RQTH)"
    SINGLE_PARENT = "single_parent", "Parent isolé"
    HOUSING = "housing", "Sans hébergement ou en difficulté de logement"
    REFUGEE = "refugee", "Réfugié·e, protection subsidiaire ou demandeur·se d'asile"
    ZRR = "zrr", "Résident·e en zone de revitalisation rurale (ZRR)"
    QPV = "qpv", "Résident·e d'un quartier prioritaire de la politique de la ville (QPV)"
    JUSTICE = "justice", "Sortant·e de détention ou personne placée sous main de justice"
    FRENCH_BELOW_A1 = "french_below_a1", "Maîtrise de la langue française inférieure au niveau A1"
    MOBILITY = "mobility", "Problème de mobilité"


LEVEL_1 = frozenset({Criterion.RSA, Criterion.ASS, Criterion.AAH, Criterion.DETLD})
LEVEL_2 = frozenset(set(Criterion) - LEVEL_1)

# Criteria that reveal health, justice or child-welfare information (domain.md sections 7 and 13):
# pages show them to counsellors and direction only.
SENSITIVE_CRITERIA = frozenset({Criterion.AAH, Criterion.RQTH, Criterion.JUSTICE, Criterion.ASE_LEAVER})


class AuthorKind(models.TextChoices):
    PRESCRIBER = "prescriber", "Prescripteur habilité"
    EMPLOYER = "employer", "Employeur (l'ACI)"


class ProlongationReason(models.TextChoices):
    TRAINING_END = "training_end", "Fin d'une formation"
    RQTH = "rqth", "Reconnaissance de la qualité de travailleur handicapé (RQTH)"
    SENIOR_50 = "senior_50", "50 ans et plus"
    PARTICULAR_DIFFICULTIES = "particular_difficulties", "Difficultés particulières (ACI et AI)"
    CDI_INCLUSION_57 = "cdi_inclusion_57", "CDI inclusion (57 ans et plus)"


# The total duration of the PASS IAE, counted from its start, that a reason allows (months).
# None: no total cap. For the end of a training, each prolongation goes until the training ends
# (its end is the training's end date); for the CDI inclusion, there is no cap at all.
PROLONGATION_TOTAL_CAP_MONTHS: dict[str, int | None] = {
    ProlongationReason.TRAINING_END: None,
    ProlongationReason.RQTH: 60,
    ProlongationReason.SENIOR_50: 84,
    ProlongationReason.PARTICULAR_DIFFICULTIES: 60,
    ProlongationReason.CDI_INCLUSION_57: None,
}


class ApprovalSuspensionReason(models.TextChoices):
    CONTRACT_SUSPENDED_15_DAYS = "contract_suspended_15_days", "Contrat de travail suspendu depuis plus de 15 jours"
    CONTRACT_BROKEN = "contract_broken", "Contrat de travail rompu"
    CONTRACT_FINISHED = "contract_finished", "Contrat de travail terminé"
    CTA_DECISION = "cta_decision", "Décision de la commission technique d'animation (CTA)"
    BRIDGING_CONTRACT = "bridging_contract", "Contrat passerelle dans une entreprise classique"


class ApprovalStatus(models.TextChoices):
    FUTURE = "future", "À venir"
    VALID = "valid", "Valide"
    SUSPENDED = "suspended", "Suspendu"
    EXPIRED = "expired", "Expiré"
