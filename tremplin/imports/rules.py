"""Pure rules of the imports: how a value written in a file maps to Tremplin's choices (sex,
states of a les emplois candidacy, refusal reasons, kinds of hours, kind of a prescriber named
in a file). No database; French messages."""

from __future__ import annotations

from dataclasses import dataclass

from tremplin.partners.enums import PartnerKind
from tremplin.people.enums import Sex
from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.worktime.enums import EntryKind

from .parsing import normalise

# Above this number of rows, the analysis and the import run in the background (progress shown).
BACKGROUND_ROWS = 500

SEX_UNKNOWN = "« {value} » : indiquez F (femme) ou M (homme)."
STATUS_UNKNOWN = "Statut de candidature inconnu : « {value} »."
KIND_UNKNOWN = "Type d'heures inconnu : « {value} ». Types acceptés : {accepted}."
MASKED_NAME = (
    "Nom masqué dans l'export (« {value} ») : la personne ne peut pas être créée. Exportez les candidatures "
    "avec un compte qui voit les données personnelles."
)
ACCEPTED_HIRE_NOTE = (
    "Candidature acceptée sur les emplois de l'inclusion : l'orientation est mise en liste d'attente ; "
    "enregistrez le contrat avec « Embaucher »."
)

SEX_VALUES = {
    "f": Sex.FEMALE,
    "femme": Sex.FEMALE,
    "mme": Sex.FEMALE,
    "madame": Sex.FEMALE,
    "mlle": Sex.FEMALE,
    "m": Sex.MALE,
    "h": Sex.MALE,
    "homme": Sex.MALE,
    "monsieur": Sex.MALE,
    "mr": Sex.MALE,
}


def parse_sex(value: str) -> str:
    sex = SEX_VALUES.get(normalise(value))
    if sex is None:
        raise ValueError(SEX_UNKNOWN.format(value=value))
    return sex


def is_masked(name: str) -> bool:
    """les emplois masks names it may not show: « J… » (or « J... » once re-typed)."""
    return "…" in name or name.endswith("...")


@dataclass(frozen=True)
class CandidacyState:
    """Where a les emplois candidacy puts the Tremplin referral, and what the row says about it."""

    state: ReferralState
    note: str = ""


LES_EMPLOIS_STATES = {
    normalise("Nouvelle candidature"): CandidacyState(ReferralState.RECEIVED),
    normalise("Candidature à l'étude"): CandidacyState(ReferralState.RECEIVED),
    normalise("Candidature en attente"): CandidacyState(ReferralState.WAITING_LIST),
    normalise("Action préalable à l’embauche"): CandidacyState(ReferralState.INTERVIEW),
    # The hire itself is recorded in Tremplin with its contract (the export has no contract terms).
    normalise("Candidature acceptée"): CandidacyState(ReferralState.WAITING_LIST, ACCEPTED_HIRE_NOTE),
    normalise("Candidature déclinée"): CandidacyState(ReferralState.REFUSED),
    normalise("Embauche annulée"): CandidacyState(ReferralState.WITHDRAWN),
    normalise("Embauché ailleurs"): CandidacyState(ReferralState.WITHDRAWN),
    normalise("Vivier de candidatures"): CandidacyState(ReferralState.WAITING_LIST),
}


def candidacy_state(value: str) -> CandidacyState:
    state = LES_EMPLOIS_STATES.get(normalise(value))
    if state is None:
        raise ValueError(STATUS_UNKNOWN.format(value=value))
    return state


REFUSAL_REASONS = {normalise(reason.label): reason for reason in RefusalReason}


def refusal_reason(label: str) -> str:
    """The les emplois refusal label as Tremplin's reason (same labels); unknown or empty: « Autre »."""
    return REFUSAL_REASONS.get(normalise(label), RefusalReason.OTHER)


KIND_ALIASES = {
    EntryKind.WORKED: ("travail", "travaille", "heures", "normal", "normales", "presence", "present"),
    EntryKind.PAID_LEAVE: ("cp", "conges", "conge", "conge paye"),
    EntryKind.PUBLIC_HOLIDAY: ("ferie", "jf"),
    EntryKind.TRAINING: ("form",),
    EntryKind.PMSMP: ("immersion",),
    EntryKind.SICK_LEAVE: ("maladie", "am", "arret"),
    EntryKind.WORK_ACCIDENT: ("at", "accident"),
    EntryKind.AUTHORISED_ABSENCE: ("absence autorisee", "aanr"),
    EntryKind.UNJUSTIFIED_ABSENCE: ("absence", "abs", "ai"),
    EntryKind.SUSPENSION: ("susp",),
}
KINDS = {
    name: kind for kind in EntryKind for name in (normalise(kind.value), normalise(kind.label), *KIND_ALIASES[kind])
}


def entry_kind(value: str) -> str:
    """The kind of hours of a payroll or badge line (empty: hours worked)."""
    if not value.strip():
        return EntryKind.WORKED
    kind = KINDS.get(normalise(value))
    if kind is None:
        accepted = ", ".join(f"« {k.label} »" for k in EntryKind)
        raise ValueError(KIND_UNKNOWN.format(value=value, accepted=accepted))
    return kind


PARTNER_KIND_WORDS = (
    (("france travail", "pole emploi"), PartnerKind.FRANCE_TRAVAIL),
    (("mission locale",), PartnerKind.MISSION_LOCALE),
    (("cap emploi",), PartnerKind.CAP_EMPLOI),
    (("spip",), PartnerKind.SPIP),
    (("pjj", "protection judiciaire"), PartnerKind.PJJ),
    (("plie",), PartnerKind.PLIE),
    (("ccas", "cias"), PartnerKind.CCAS),
    (("csapa",), PartnerKind.CSAPA),
    (("caarud",), PartnerKind.CAARUD),
    (("chrs",), PartnerKind.CHRS),
    (("cada",), PartnerKind.CADA),
    (("e2c", "ecole de la deuxieme chance"), PartnerKind.E2C),
    (("epide",), PartnerKind.EPIDE),
    (("aide sociale a l enfance", "ase"), PartnerKind.ASE),
    (("departement", "departemental", "conseil general"), PartnerKind.DEPARTMENT),
    (("caf",), PartnerKind.CAF),
    (("msa",), PartnerKind.MSA),
)


def partner_kind_for(name: str) -> str:
    """The kind of a prescriber known only by its name in a file (« Autre organisme » when the
    name says nothing): the director corrects it in the directory."""
    words = f" {normalise(name)} "
    for needles, kind in PARTNER_KIND_WORDS:
        if any(f" {needle} " in words for needle in needles):
            return kind
    return PartnerKind.OTHER
