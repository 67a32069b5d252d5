from django.db import models


class PartnerKind(models.TextChoices):
    """Kinds of partner organisations (les emplois de l'inclusion lists the prescriber kinds)."""

    FRANCE_TRAVAIL = "france_travail", "France Travail"
    MISSION_LOCALE = "mission_locale", "Mission locale"
    CAP_EMPLOI = "cap_emploi", "Cap emploi"
    PLIE = "plie", "PLIE"
    CCAS = "ccas", "CCAS / CIAS"
    DEPARTMENT = "department", "Services du Département"
    SPIP = "spip", "SPIP (service pénitentiaire d'insertion et de probation)"
    PJJ = "pjj", "PJJ (protection judiciaire de la jeunesse)"
    CHRS = "chrs", "CHRS"
    CHU = "chu", "Centre d'hébergement d'urgence"
    CSAPA = "csapa", "CSAPA"
    CAARUD = "caarud", "CAARUD"
    E2C = "e2c", "École de la deuxième chance"
    EPIDE = "epide", "EPIDE"
    CAF = "caf", "CAF"
    MSA = "msa", "MSA"
    ASE = "ase", "Aide sociale à l'enfance"
    CADA = "cada", "CADA / centre d'accueil de demandeurs d'asile"
    CPH = "cph", "Centre provisoire d'hébergement"
    HOUSING_BODY = "housing_body", "Bailleur social / organisme de logement"
    HEALTH_CENTRE = "health_centre", "Centre de santé / CMP / PASS"
    DEBT_ADVICE = "debt_advice", "Point conseil budget / Banque de France"
    CHILDCARE = "childcare", "Mode de garde (crèche, relais petite enfance)"
    DRIVING_SCHOOL = "driving_school", "Auto-école (sociale ou solidaire)"
    MOBILITY = "mobility", "Plateforme mobilité / garage solidaire"
    ASSOCIATION = "association", "Association d'insertion ou d'action sociale"
    SIAE = "siae", "Autre SIAE"
    OTHER = "other", "Autre organisme"


# Referrals from (or to) these partners reveal justice, addiction, child-welfare, health or debt information.
SENSITIVE_KINDS = frozenset(
    {
        PartnerKind.SPIP,
        PartnerKind.PJJ,
        PartnerKind.CSAPA,
        PartnerKind.CAARUD,
        PartnerKind.ASE,
        PartnerKind.HEALTH_CENTRE,
        PartnerKind.DEBT_ADVICE,
    }
)
