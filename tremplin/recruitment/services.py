"""Writes on referrals, their history, attachments and information sessions.

Every change of state goes through `_move`, which checks nothing and records the transition:
the public functions check the rules (enums.TRANSITIONS) first."""

from __future__ import annotations

import os
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership, User
from tremplin.kernel.errors import check_known_fields, raise_if
from tremplin.kernel.formats import fr
from tremplin.kernel.uploads import check_upload
from tremplin.organisations.models import Structure
from tremplin.partners.models import Partner
from tremplin.people.models import Person
from tremplin.people.services import person_create

from .enums import (
    CLOSED_STATES,
    HIREABLE_STATES,
    HIRING_ONLY_STATES,
    INITIAL_STATE,
    TRANSITIONS,
    ReferralState,
    RefusalReason,
)
from .models import InformationSession, Referral, ReferralAttachment, ReferralTransition, SessionAttendance

PARTNER_OTHER_ORGANISATION = "Ce prescripteur n'est pas dans l'annuaire de la structure porteuse de cet ACI."
PERSON_OTHER_STRUCTURE = "Cette personne n'est pas suivie dans cet ACI."
REFERRED_IN_FUTURE = "La date de l'orientation ({day}) ne peut pas être dans le futur."
NOT_A_PRESCRIBER = "Seul un prescripteur actif, rattaché à un organisme et à un ACI, peut orienter une personne."
REFERRAL_CLOSED = "Une orientation « {state} » est close : elle n'est plus modifiée."
UNKNOWN_STATE = "État d'orientation inconnu : « {state} »."
TRANSITION_FORBIDDEN = "Une orientation « {current} » ne peut pas passer à « {target} »."
HIRED_THROUGH_HIRING = (
    "L'embauche ne se choisit pas comme un changement d'état : utilisez « Embaucher », qui enregistre "
    "le contrat de travail et clôt l'orientation."
)
HIRED_NOT_FROM = (
    "Une orientation « {current} » ne peut pas aboutir à une embauche : l'embauche suit un entretien "
    "ou la liste d'attente."
)
REFUSAL_REASON_REQUIRED = "Indiquez le motif du refus."
REFUSAL_REASON_UNKNOWN = "Ce motif de refus n'existe pas : choisissez-en un dans la liste."
REFUSAL_REASON_ONLY_WHEN_REFUSING = "Un motif de refus ne s'indique qu'en refusant l'orientation."
REFUSAL_OTHER_NEEDS_COMMENT = "Avec le motif « Autre », précisez le motif du refus en commentaire."
SESSION_CAPACITY = "Une information collective a au moins une place."
SESSION_NAIVE_DATETIME = "Indiquez la date et l'heure de l'information collective avec leur fuseau horaire."
SESSION_OTHER_STRUCTURE = "Cette information collective n'est pas organisée par l'ACI de l'orientation."
SESSION_FULL = "L'information collective du {day} est complète ({capacity} places)."
SESSION_ALREADY_INVITED = "Cette personne est déjà invitée à cette information collective."
SESSION_REFERRAL_CLOSED = (
    "Cette orientation est close (« {state} ») : la personne ne peut plus être invitée à une information collective."
)
SESSION_NOT_INVITED = "Cette personne n'est pas invitée à cette information collective."
SESSION_NOT_STARTED = "La présence se note une fois l'information collective commencée (le {day})."

# What a prescriber may give about the person they refer: identity and contact, nothing else
# (no NIR, no eligibility criteria, no counsellor: the ACI's staff record those).
PRESCRIBER_IDENTITY_FIELDS = frozenset(
    {
        "first_name",
        "last_name",
        "birth_name",
        "birth_date",
        "sex",
        "email",
        "phone",
        "address",
        "postal_code",
        "city",
        "france_travail_id",
    }
)


HIRE_FROM_STATE = (
    "Une orientation à l'étape « {state} » ne peut pas aboutir à une embauche : "
    "passez d'abord par l'entretien ou la liste d'attente."
)


def _label(state: str) -> str:
    return ReferralState(state).label


def _lock(referral: Referral) -> Referral:
    return Referral.objects.select_for_update().get(pk=referral.pk)


def _move(
    referral: Referral, *, actor: User, to_state: str, comment: str = "", refusal_reason: str = ""
) -> ReferralTransition:
    """Record the move and apply it. No rule here: callers check them."""
    transition = ReferralTransition.objects.create(
        referral=referral,
        from_state=referral.state,
        to_state=to_state,
        actor=actor,
        comment=comment,
        refusal_reason=refusal_reason,
    )
    referral.state = to_state
    referral.refusal_reason = refusal_reason
    referral.save(update_fields=["state", "refusal_reason", "updated_at"])
    return transition


@transaction.atomic
def referral_create(
    *,
    actor: User,
    structure: Structure,
    person: Person,
    referred_on: date,
    reason: str,
    partner: Partner | None = None,
    referent_name: str = "",
    referent_email: str = "",
    referent_phone: str = "",
) -> Referral:
    """Record a referral by a prescriber of the organisation's directory, or a direct application
    (`partner=None`). It starts `received`, and its history starts with that first state."""
    if person.structure_id != structure.pk:
        raise_if("person", PERSON_OTHER_STRUCTURE)
    if partner is not None and partner.organisation_id != structure.organisation_id:
        raise_if("partner", PARTNER_OTHER_ORGANISATION)
    if referred_on > timezone.localdate():
        raise_if("referred_on", REFERRED_IN_FUTURE.format(day=fr(referred_on)))
    referral = Referral(
        structure=structure,
        person=person,
        partner=partner,
        referent_name=referent_name,
        referent_email=referent_email,
        referent_phone=referent_phone,
        referred_on=referred_on,
        reason=reason,
        state=INITIAL_STATE,
        created_by=actor,
    )
    referral.full_clean()
    referral.save()
    ReferralTransition.objects.create(referral=referral, from_state=None, to_state=INITIAL_STATE, actor=actor)
    return referral


REFERRAL_FIELDS = ("partner", "referent_name", "referent_email", "referent_phone", "referred_on", "reason")


@transaction.atomic
def referral_update(*, referral: Referral, **fields) -> Referral:
    """Correct what was recorded of an open referral (prescriber, referent, date, reason) under the
    rules of a new one; its state moves only through `referral_transition`."""
    check_known_fields(fields, REFERRAL_FIELDS)
    referral = Referral.objects.select_for_update().select_related("structure").get(pk=referral.pk)
    if referral.state in CLOSED_STATES:
        raise ValidationError(REFERRAL_CLOSED.format(state=_label(referral.state)))
    partner = fields.get("partner", referral.partner)
    if partner is not None and partner.organisation_id != referral.structure.organisation_id:
        raise_if("partner", PARTNER_OTHER_ORGANISATION)
    referred_on = fields.get("referred_on", referral.referred_on)
    if referred_on > timezone.localdate():
        raise_if("referred_on", REFERRED_IN_FUTURE.format(day=fr(referred_on)))
    for name, value in fields.items():
        setattr(referral, name, value)
    referral.full_clean()
    referral.save()
    return referral


@transaction.atomic
def referral_submit_by_prescriber(
    *,
    actor: User,
    membership: Membership,
    identity: dict,
    referred_on: date,
    reason: str,
    referent_name: str = "",
    referent_email: str = "",
    referent_phone: str = "",
) -> Referral:
    """A prescriber user refers a person to the ACI of their membership, for their own partner.

    The person is always created anew, even when someone of the same name and birth date is
    already known to the organisation (`confirm_not_duplicate=True`): telling the prescriber so
    would reveal that this person is, or was, followed there. The staff see the possible
    duplicate on the referral (`selectors.referral_possible_duplicates`) and settle it, for
    instance by refusing the referral with the reason "Candidature en doublon".

    The referent defaults to the prescriber user (name and e-mail)."""
    if (
        membership.user_id != actor.pk
        or membership.role != Role.PRESCRIBER
        or not membership.is_active
        or membership.partner_id is None
        or membership.structure_id is None
    ):
        raise_if(None, NOT_A_PRESCRIBER)
    check_known_fields(identity, PRESCRIBER_IDENTITY_FIELDS)
    structure = membership.structure
    person = person_create(structure=structure, confirm_not_duplicate=True, **identity)
    return referral_create(
        actor=actor,
        structure=structure,
        person=person,
        referred_on=referred_on,
        reason=reason,
        partner=membership.partner,
        referent_name=referent_name or actor.get_full_name(),
        referent_email=referent_email or actor.email,
        referent_phone=referent_phone,
    )


def _check_refusal(*, to_state: str, refusal_reason: str, comment: str) -> None:
    if to_state != ReferralState.REFUSED:
        if refusal_reason:
            raise_if("refusal_reason", REFUSAL_REASON_ONLY_WHEN_REFUSING)
        return
    if not refusal_reason:
        raise_if("refusal_reason", REFUSAL_REASON_REQUIRED)
    if refusal_reason not in RefusalReason.values:
        raise_if("refusal_reason", REFUSAL_REASON_UNKNOWN)
    if refusal_reason == RefusalReason.OTHER and not comment.strip():
        raise_if("comment", REFUSAL_OTHER_NEEDS_COMMENT)


@transaction.atomic
def referral_transition(
    *, actor: User, referral: Referral, to_state: str, comment: str = "", refusal_reason: str = ""
) -> Referral:
    """Move a referral to `to_state` along enums.TRANSITIONS. A refusal needs a reason (and a
    comment for "Autre"); `hired` is refused here: the hiring flow records it with the contract.
    Returns the referral as saved (a fresh instance: the one given is not updated)."""
    if to_state not in ReferralState.values:
        raise_if("to_state", UNKNOWN_STATE.format(state=to_state))
    if to_state in HIRING_ONLY_STATES:
        raise_if("to_state", HIRED_THROUGH_HIRING)
    referral = _lock(referral)
    if to_state not in TRANSITIONS[referral.state]:
        raise_if("to_state", TRANSITION_FORBIDDEN.format(current=_label(referral.state), target=_label(to_state)))
    _check_refusal(to_state=to_state, refusal_reason=refusal_reason, comment=comment)
    _move(referral, actor=actor, to_state=to_state, comment=comment, refusal_reason=refusal_reason)
    return referral


@transaction.atomic
def referral_mark_hired(*, actor: User, referral: Referral, comment: str = "") -> Referral:
    """For the hiring flow only, inside its transaction, once the contract is recorded: closes the
    referral as hired. Allowed from the states whose TRANSITIONS include `hired` (interview,
    waiting list)."""
    referral = _lock(referral)
    if ReferralState.HIRED not in TRANSITIONS[referral.state]:
        raise_if(None, HIRED_NOT_FROM.format(current=_label(referral.state)))
    _move(referral, actor=actor, to_state=ReferralState.HIRED, comment=comment)
    return referral


@transaction.atomic
def information_session_create(
    *, actor: User, structure: Structure, starts_at: datetime, place: str, capacity: int, comment: str = ""
) -> InformationSession:
    """Plan an information session. A past date is accepted (a session recorded afterwards)."""
    if timezone.is_naive(starts_at):
        raise_if("starts_at", SESSION_NAIVE_DATETIME)
    if capacity < 1:
        raise_if("capacity", SESSION_CAPACITY)
    session = InformationSession(
        structure=structure, starts_at=starts_at, place=place, capacity=capacity, comment=comment, created_by=actor
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_invite(*, actor: User, session: InformationSession, referral: Referral) -> SessionAttendance:
    """Invite the person of a referral to an information session, within its capacity. A referral
    still `received` moves to `info_session`; one further on keeps its state; a closed one
    (hired, refused, withdrawn) cannot be invited."""
    session = InformationSession.objects.select_for_update().get(pk=session.pk)  # serialise the seats
    referral = _lock(referral)
    if referral.structure_id != session.structure_id:
        raise_if("session", SESSION_OTHER_STRUCTURE)
    if referral.state in CLOSED_STATES:
        raise_if(None, SESSION_REFERRAL_CLOSED.format(state=_label(referral.state)))
    if session.attendances.filter(referral=referral).exists():
        raise_if("session", SESSION_ALREADY_INVITED)
    if session.attendances.count() >= session.capacity:
        day = f"{timezone.localtime(session.starts_at):%d/%m/%Y à %H:%M}"
        raise_if("session", SESSION_FULL.format(day=day, capacity=session.capacity))
    attendance = SessionAttendance.objects.create(session=session, referral=referral)
    if referral.state == ReferralState.RECEIVED:
        _move(referral, actor=actor, to_state=ReferralState.INFO_SESSION, comment=f"Invitation à l'{session}")
    return attendance


@transaction.atomic
def session_record_attendance(*, session: InformationSession, referral: Referral, attended: bool) -> SessionAttendance:
    """Record whether an invited person came, once the session has started (a mistake may be
    corrected by recording again)."""
    attendance = SessionAttendance.objects.select_for_update().filter(session=session, referral=referral).first()
    if attendance is None:
        raise_if(None, SESSION_NOT_INVITED)
    if session.starts_at > timezone.now():
        raise_if(None, SESSION_NOT_STARTED.format(day=f"{timezone.localtime(session.starts_at):%d/%m/%Y à %H:%M}"))
    attendance.attended = attended
    attendance.save(update_fields=["attended"])
    return attendance


@transaction.atomic
def attachment_add(*, actor: User, referral: Referral, upload) -> ReferralAttachment:
    """Attach a document to a referral. The stored file is renamed (the original name, which
    often holds the person's name, stays in the database only)."""
    extension = check_upload(upload)
    attachment = ReferralAttachment(
        referral=referral,
        original_name=os.path.basename(upload.name)[:255],
        content_type=settings.TREMPLIN_UPLOAD_TYPES[extension],
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(f"piece{extension}", upload, save=False)
    attachment.full_clean()
    attachment.save()
    return attachment


@transaction.atomic
def referral_register(
    *,
    actor: User,
    structure: Structure,
    identity: dict,
    confirm_not_duplicate: bool = False,
    referred_on: date,
    reason: str,
    partner: Partner | None = None,
    referent_name: str = "",
    referent_email: str = "",
) -> Referral:
    """Staff record a referral (or a direct application) of a person new to the ACI: the person
    (with the duplicate warning that staff may see) and the referral, in one transaction."""
    person = person_create(structure=structure, confirm_not_duplicate=confirm_not_duplicate, **identity)
    return referral_create(
        actor=actor,
        structure=structure,
        person=person,
        referred_on=referred_on,
        reason=reason,
        partner=partner,
        referent_name=referent_name,
        referent_email=referent_email,
    )


@transaction.atomic
def referral_hire(*, actor: User, referral: Referral, **contract_fields):
    """Hire the person of a referral: the contract (with every rule of the CDDI and the
    eligibility check) and the referral's move to `hired`, together or not at all."""
    from tremplin.contracts.services import contract_create

    if referral.state not in HIREABLE_STATES:
        raise_if(None, HIRE_FROM_STATE.format(state=_label(referral.state)))
    contract = contract_create(actor=actor, person=referral.person, **contract_fields)
    referral_mark_hired(actor=actor, referral=referral)
    return contract
