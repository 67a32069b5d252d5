"""States of a referral (orientation or candidature spontanée), the les-emplois refusal reasons,
and the one table of the allowed transitions."""

from django.db import models


class ReferralState(models.TextChoices):
    RECEIVED = "received", "Reçue"
    INFO_SESSION = "info_session", "Information collective"
    INTERVIEW = "interview", "Entretien"
    WAITING_LIST = "waiting_list", "Liste d'attente"
    HIRED = "hired", "Embauchée"
    REFUSED = "refused", "Refusée"
    WITHDRAWN = "withdrawn", "Retirée"


class RefusalReason(models.TextChoices):
    """The refusal reasons shown by les emplois de l'inclusion: same values, same labels, so that
    its exports ("Motifs de refus") map one to one."""

    DID_NOT_COME = "did_not_come", "Candidat non joignable"
    DID_NOT_COME_TO_INTERVIEW = "did_not_come_to_interview", "Candidat ne s’étant pas présenté à l’entretien"
    HIRED_ELSEWHERE = "hired_elsewhere", "Candidat indisponible : en emploi"
    TRAINING = "training", "Candidat indisponible : en formation"
    NON_ELIGIBLE = "non_eligible", "Candidat non éligible"
    NOT_MOBILE = "not_mobile", "Candidat non mobile"
    NOT_INTERESTED = "not_interested", "Candidat non intéressé"
    LACKING_SKILLS = "lacking_skills", "Le candidat n’a pas les compétences requises pour le poste"
    INCOMPATIBLE = "incompatible", "Un des freins à l'emploi du candidat est incompatible avec le poste proposé"
    PREVENT_OBJECTIVES = (
        "prevent_objectives",
        "L'embauche du candidat empêche la réalisation des objectifs du dialogue de gestion",
    )
    NO_POSITION = "no_position", "Pas de recrutement en cours"
    DUPLICATE = "duplicate", "Candidature en doublon"
    OTHER = "other", "Autre"


S = ReferralState

# The workflow of a referral, declared once: state -> the states it may move to.
# - `hired` is reached only through the hiring flow (a contract is recorded), never by the
#   generic transition: see HIRING_ONLY_STATES and services.referral_mark_hired.
# - `hired` is final: undoing a hire is a matter for the contract, not for the referral.
# - `refused` and `withdrawn` may be reopened to `received` (a refusal made by mistake, a
#   candidate who comes back): the history keeps the refusal and its reason.
TRANSITIONS: dict[ReferralState, frozenset[ReferralState]] = {
    S.RECEIVED: frozenset({S.INFO_SESSION, S.INTERVIEW, S.WAITING_LIST, S.REFUSED, S.WITHDRAWN}),
    S.INFO_SESSION: frozenset({S.INTERVIEW, S.WAITING_LIST, S.REFUSED, S.WITHDRAWN}),
    S.INTERVIEW: frozenset({S.WAITING_LIST, S.HIRED, S.REFUSED, S.WITHDRAWN}),
    S.WAITING_LIST: frozenset({S.INTERVIEW, S.HIRED, S.REFUSED, S.WITHDRAWN}),
    S.HIRED: frozenset(),
    S.REFUSED: frozenset({S.RECEIVED}),
    S.WITHDRAWN: frozenset({S.RECEIVED}),
}

INITIAL_STATE = S.RECEIVED
# States that only a dedicated flow may reach (the generic transition refuses them).
HIRING_ONLY_STATES = frozenset({S.HIRED})
# States where the referral is closed: no invitation to an information session.
CLOSED_STATES = frozenset({S.HIRED, S.REFUSED, S.WITHDRAWN})

# States from which a referral may end in a hire.
HIREABLE_STATES = frozenset(state for state, nexts in TRANSITIONS.items() if S.HIRED in nexts)

del S
