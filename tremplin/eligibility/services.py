"""Writes on eligibility diagnoses and PASS IAE. Every rule of domain.md section 2 is checked here
(rules.py); a refused operation raises a ValidationError naming the rule."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.dates import Period
from tremplin.kernel.errors import raise_if
from tremplin.kernel.formats import fr
from tremplin.kernel.uploads import check_upload
from tremplin.partners.models import Partner
from tremplin.people.models import Person

from . import rules
from .enums import ApprovalSuspensionReason, AuthorKind, Criterion, ProlongationReason
from .models import Approval, ApprovalProlongation, ApprovalSuspension, DiagnosisCriterion, EligibilityDiagnosis

DIAGNOSIS_FUTURE = "La date du diagnostic ({day}) ne peut être dans le futur."
UNKNOWN_CRITERION = "Critère d'éligibilité inconnu : « {criterion} »."
PRESCRIBER_REQUIRED = "Un diagnostic fait par un prescripteur nomme l'organisme prescripteur : choisissez-le."
EMPLOYER_NO_PARTNER = "Un diagnostic fait par l'ACI ne nomme pas de prescripteur."
PARTNER_NOT_IN_DIRECTORY = "Ce prescripteur n'est pas dans l'annuaire de la structure porteuse de la personne."
APPROVAL_NUMBER_TAKEN = "Ce numéro de PASS IAE est déjà enregistré pour une personne de l'ACI."
APPROVAL_OVERLAP = (
    "Cette personne a déjà le PASS IAE n° {number}, valable du {start} au {end} : "
    "deux PASS IAE ne peuvent se chevaucher."
)
CRITERION_NOT_RETAINED = (
    "Le critère « {criterion} » n'est pas retenu dans ce diagnostic : un justificatif ne s'ajoute qu'à un "
    "critère retenu (un autre critère demande un nouveau diagnostic)."
)
SUSPENSION_OUTSIDE = "La suspension doit commencer pendant le PASS IAE (du {start} au {end})."
SUSPENSION_OVERLAP = "Une suspension du PASS IAE couvre déjà la période du {start} au {end}."


@dataclass(frozen=True)
class CriterionProof:
    """A criterion with its proof, for `diagnosis_create(criteria=[...])` (a plain value works too)."""

    criterion: str
    proof_note: str = ""
    proof: object = None


def _criteria_with_proofs(criteria: Iterable[str | CriterionProof]) -> list[CriterionProof]:
    chosen: dict[str, CriterionProof] = {}
    for item in criteria:
        proof = item if isinstance(item, CriterionProof) else CriterionProof(criterion=item)
        if proof.criterion not in Criterion.values:
            raise_if("criteria", UNKNOWN_CRITERION.format(criterion=proof.criterion))
        if proof.proof:
            check_upload(proof.proof, field="proof")
        chosen.setdefault(proof.criterion, proof)
    return list(chosen.values())


@transaction.atomic
def diagnosis_create(
    *,
    actor: User,
    person: Person,
    author_kind: str,
    made_on: date,
    criteria: list[str | CriterionProof],
    author_partner: Partner | None = None,
    author_name: str = "",
) -> EligibilityDiagnosis:
    """Record an eligibility diagnosis: valid 6 months when a prescriber made it, 92 days when the
    ACI did, and only when its criteria meet the ACI rule (1 of level 1, or 3 of level 2)."""
    if made_on > timezone.localdate():
        raise_if("made_on", DIAGNOSIS_FUTURE.format(day=fr(made_on)))
    if author_kind == AuthorKind.PRESCRIBER:
        if author_partner is None:
            raise_if("author_partner", PRESCRIBER_REQUIRED)
        if author_partner.organisation_id != person.structure.organisation_id:
            raise_if("author_partner", PARTNER_NOT_IN_DIRECTORY)
    elif author_partner is not None:
        raise_if("author_partner", EMPLOYER_NO_PARTNER)
    chosen = _criteria_with_proofs(criteria)
    values = [c.criterion for c in chosen]
    raise_if("criteria", rules.aci_rule_message(values))
    raise_if(
        "criteria",
        rules.check_age_criteria(criteria=values, birth_date=person.birth_date, made_on=made_on, person=str(person)),
    )
    diagnosis = EligibilityDiagnosis(
        person=person,
        author_kind=author_kind,
        author_partner=author_partner,
        author_name=author_name,
        made_on=made_on,
        expires_on=rules.diagnosis_expiry(author_kind, made_on),
        created_by=actor,
    )
    diagnosis.full_clean()
    diagnosis.save()
    for item in chosen:
        line = DiagnosisCriterion(
            diagnosis=diagnosis, criterion=item.criterion, proof_note=item.proof_note, proof=item.proof or ""
        )
        line.full_clean()
        line.save()
    return diagnosis


@transaction.atomic
def diagnosis_complete_proofs(
    *, diagnosis: EligibilityDiagnosis, proofs: list[CriterionProof], readable: Iterable[str] | None = None
) -> EligibilityDiagnosis:
    """Complete or correct the proofs of the criteria retained (a note, a document): the criteria
    and the date are the diagnosis itself and never change; another criterion needs a new one.
    `readable`: the criteria the caller may name (the others answer as if not retained)."""
    lines = {line.criterion: line for line in diagnosis.criteria.select_for_update()}
    allowed = set(lines) if readable is None else set(lines) & set(readable)
    for item in proofs:
        if item.criterion not in allowed:
            label = Criterion(item.criterion).label if item.criterion in Criterion.values else item.criterion
            raise_if("proofs", CRITERION_NOT_RETAINED.format(criterion=label))
        if item.proof:
            check_upload(item.proof, field="proof")
    for item in proofs:
        line = lines[item.criterion]
        if item.proof_note or not item.proof:  # a document sent alone keeps the note
            line.proof_note = item.proof_note
        if item.proof:
            line.proof = item.proof
        line.full_clean()
        line.save()
    return diagnosis


def _lock_approval(approval: Approval) -> Approval:
    return (
        Approval.objects.select_for_update()
        .select_related("person")
        .prefetch_related("prolongations", "suspensions")
        .get(pk=approval.pk)
    )


@transaction.atomic
def approval_record(*, actor: User, person: Person, number: str, start: date) -> Approval:
    """Record the PASS IAE issued for the person (Tremplin does not issue it): its number and
    start; its initial end is start + 730 days - 1."""
    Person.objects.select_for_update().filter(pk=person.pk).first()  # serialise the PASS of one person
    number = rules.normalise_approval_number(number)
    raise_if("number", rules.check_approval_number(number))
    if Approval.objects.filter(number=number, person__structure_id=person.structure_id).exists():
        raise_if("number", APPROVAL_NUMBER_TAKEN)
    end = rules.approval_initial_end(start)
    for other in person.approvals.prefetch_related("prolongations", "suspensions"):
        if Period(other.start, other.effective_end).overlaps(Period(start, end)):
            raise_if(
                "start",
                APPROVAL_OVERLAP.format(number=other.number, start=fr(other.start), end=fr(other.effective_end)),
            )
    approval = Approval(person=person, number=number, start=start, end=end, created_by=actor)
    approval.full_clean()
    approval.save()
    return approval


@transaction.atomic
def approval_prolong(
    *, actor: User, approval: Approval, reason: str, end: date, decided_by: str, document=None
) -> ApprovalProlongation:
    """Record a prolongation decision. It starts the day after the end in force and lasts 12
    months at most, within the total cap of its reason; for the end of a training, `end` is the
    training's end date."""
    approval = _lock_approval(approval)
    if reason not in ProlongationReason.values:
        raise_if("reason", "Choisissez le motif de la prolongation.")
    start = rules.prolongation_start(approval.effective_end)
    person = approval.person
    raise_if(
        "reason",
        rules.check_prolongation_person(
            reason=reason, birth_date=person.birth_date, rqth=person.rqth, start=start, person=str(person)
        ),
    )
    suspended_days = sum(Period(s.start, s.end).days for s in approval.suspensions.all())
    raise_if(
        "end",
        rules.check_prolongation(
            reason=reason, approval_start=approval.start, start=start, end=end, suspended_days=suspended_days
        ),
    )
    prolongation = ApprovalProlongation(
        approval=approval,
        reason=reason,
        start=start,
        end=end,
        decided_by=decided_by,
        document=document or "",
        created_by=actor,
    )
    prolongation.full_clean()
    prolongation.save()
    return prolongation


@transaction.atomic
def approval_suspend(*, actor: User, approval: Approval, reason: str, start: date, end: date) -> ApprovalSuspension:
    """Record a suspension of the PASS IAE: it starts during the PASS, overlaps no other
    suspension, and pushes the end back by its number of days."""
    approval = _lock_approval(approval)
    if reason not in ApprovalSuspensionReason.values:
        raise_if("reason", "Choisissez le motif de la suspension.")
    if end < start:
        raise_if("end", "La fin de la suspension doit suivre son début.")
    effective_end = approval.effective_end
    if not (approval.start <= start <= effective_end):
        raise_if("start", SUSPENSION_OUTSIDE.format(start=fr(approval.start), end=fr(effective_end)))
    for other in approval.suspensions.all():
        if Period(other.start, other.end).overlaps(Period(start, end)):
            raise_if("start", SUSPENSION_OVERLAP.format(start=fr(other.start), end=fr(other.end)))
    suspension = ApprovalSuspension(approval=approval, reason=reason, start=start, end=end, created_by=actor)
    suspension.full_clean()
    suspension.save()
    return suspension
