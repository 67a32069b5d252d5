"""Reads on eligibility: may this person be hired on a day, the eligibility block of the person
page, the PASS IAE and diagnoses about to expire (alerts), the timeline events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from tremplin.accounts.scope import Scope
from tremplin.contracts.models import Contract
from tremplin.kernel.alerts import Alert
from tremplin.kernel.dates import ONE_DAY
from tremplin.kernel.formats import fr
from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent

from . import rules
from .enums import ApprovalStatus
from .models import Approval, DiagnosisCriterion, EligibilityDiagnosis

APPROVAL_ALERT_DAYS = 60
DIAGNOSIS_ALERT_DAYS = 30

HIRING_BY_APPROVAL = "Embauche possible au {day} : PASS IAE n° {number} valide du {start} au {end}."
HIRING_BY_APPROVAL_SUSPENDED = " Il est suspendu du {start} au {end}."
HIRING_BY_DIAGNOSIS = (
    "Embauche possible au {day} : diagnostic d'éligibilité du {made_on} ({author}), valable jusqu'au {expires_on}."
)
HIRING_REFUSED = "Embauche impossible au {day} : {approval_part}, et {diagnosis_part}. {action}"
NO_APPROVAL = "aucun PASS IAE valide à cette date"
APPROVAL_ENDED = " (le PASS IAE n° {number} a pris fin le {end})"
APPROVAL_NOT_STARTED = " (le PASS IAE n° {number} ne commence que le {start})"
NO_DIAGNOSIS = "aucun diagnostic d'éligibilité n'est enregistré"
DIAGNOSIS_EXPIRED = "le dernier diagnostic d'éligibilité a expiré le {expires_on}"
DIAGNOSIS_NOT_YET = "le diagnostic d'éligibilité n'a été fait que le {made_on}"
DIAGNOSIS_RULE_NOT_MET = "le diagnostic d'éligibilité du {made_on} ne permet pas l'embauche en ACI : {requirement}"
ACTION_FIRST = "Enregistrez un diagnostic d'éligibilité ou le PASS IAE de la personne."
ACTION_NEW = "Enregistrez un nouveau diagnostic ou le PASS IAE de la personne."


@dataclass(frozen=True)
class HiringEligibility:
    allowed: bool
    message: str
    approval: Approval | None = None  # the PASS that allows the hiring, or the one the refusal names
    diagnosis: EligibilityDiagnosis | None = None  # the diagnosis that allows it, or the one the refusal names


def _approvals(person: Person) -> list[Approval]:
    return list(person.approvals.prefetch_related("prolongations", "suspensions"))


def _diagnoses(person: Person) -> list[EligibilityDiagnosis]:
    return list(person.eligibility_diagnoses.select_related("author_partner").prefetch_related("criteria"))


def _criteria(diagnosis: EligibilityDiagnosis) -> list[str]:
    return [line.criterion for line in diagnosis.criteria.all()]


def _author(diagnosis: EligibilityDiagnosis) -> str:
    if diagnosis.author_partner_id:
        return f"prescripteur : {diagnosis.author_partner.name}"
    return diagnosis.get_author_kind_display()


def _approval_part(approvals: Sequence[Approval], on: date) -> tuple[str, Approval | None]:
    upcoming = sorted((a for a in approvals if a.start > on), key=lambda a: a.start)
    if upcoming:
        approval = upcoming[0]
        return NO_APPROVAL + APPROVAL_NOT_STARTED.format(number=approval.number, start=fr(approval.start)), approval
    ended = sorted((a for a in approvals if a.effective_end < on), key=lambda a: a.effective_end)
    if ended:
        approval = ended[-1]
        return NO_APPROVAL + APPROVAL_ENDED.format(number=approval.number, end=fr(approval.effective_end)), approval
    return NO_APPROVAL, None


def _decide(approvals: Sequence[Approval], diagnoses: Sequence[EligibilityDiagnosis], on: date) -> HiringEligibility:
    covering = [a for a in approvals if a.covers(on)]
    if covering:
        approval = max(covering, key=lambda a: a.start)
        message = HIRING_BY_APPROVAL.format(
            day=fr(on), number=approval.number, start=fr(approval.start), end=fr(approval.effective_end)
        )
        suspension = next((s for s in approval.suspensions.all() if s.start <= on <= s.end), None)
        if suspension:
            message += HIRING_BY_APPROVAL_SUSPENDED.format(start=fr(suspension.start), end=fr(suspension.end))
        return HiringEligibility(True, message, approval=approval)

    valid = [d for d in diagnoses if d.is_valid_on(on)]
    meeting = [d for d in valid if rules.meets_aci_rule(_criteria(d))]
    if meeting:
        diagnosis = max(meeting, key=lambda d: (d.expires_on, d.pk))
        return HiringEligibility(
            True,
            HIRING_BY_DIAGNOSIS.format(
                day=fr(on),
                made_on=fr(diagnosis.made_on),
                author=_author(diagnosis),
                expires_on=fr(diagnosis.expires_on),
            ),
            diagnosis=diagnosis,
        )

    approval_part, approval = _approval_part(approvals, on)
    made_before = [d for d in diagnoses if d.made_on <= on]
    action = ACTION_NEW
    if valid:
        diagnosis = max(valid, key=lambda d: (d.made_on, d.pk))
        diagnosis_part = DIAGNOSIS_RULE_NOT_MET.format(
            made_on=fr(diagnosis.made_on), requirement=rules.aci_rule_requirement(_criteria(diagnosis))
        )
    elif made_before:
        diagnosis = max(made_before, key=lambda d: (d.expires_on, d.pk))
        diagnosis_part = DIAGNOSIS_EXPIRED.format(expires_on=fr(diagnosis.expires_on))
    elif diagnoses:
        diagnosis = min(diagnoses, key=lambda d: (d.made_on, d.pk))
        diagnosis_part = DIAGNOSIS_NOT_YET.format(made_on=fr(diagnosis.made_on))
    else:
        diagnosis, diagnosis_part, action = None, NO_DIAGNOSIS, ACTION_FIRST
    message = HIRING_REFUSED.format(
        day=fr(on), approval_part=approval_part, diagnosis_part=diagnosis_part, action=action
    )
    return HiringEligibility(False, message, approval=approval, diagnosis=diagnosis)


def hiring_eligibility(person: Person, on: date) -> HiringEligibility:
    """May the ACI hire this person on `on`? Yes when a PASS IAE covers that day (suspended or
    not), or when a diagnosis meeting the ACI rule is valid that day. Otherwise the message says
    what is missing, with the dates. 5 queries."""
    return _decide(_approvals(person), _diagnoses(person), on)


# The person page


@dataclass(frozen=True)
class ApprovalState:
    approval: Approval
    effective_end: date
    status: ApprovalStatus
    days_left: int | None  # days from today to the end in force, None once expired
    prolongations: tuple
    suspensions: tuple


@dataclass(frozen=True)
class DiagnosisState:
    diagnosis: EligibilityDiagnosis
    criteria: tuple[DiagnosisCriterion, ...]
    level_1: int
    level_2: int
    meets_rule: bool
    valid: bool  # valid today
    rule_message: str | None


@dataclass(frozen=True)
class EligibilitySummary:
    hiring: HiringEligibility  # today
    approvals: tuple[ApprovalState, ...]  # latest first
    diagnoses: tuple[DiagnosisState, ...]  # latest first
    warnings: tuple[str, ...]

    @property
    def current_approval(self) -> ApprovalState | None:
        return next((s for s in self.approvals if s.status in (ApprovalStatus.VALID, ApprovalStatus.SUSPENDED)), None)


APPROVAL_ENDS_SOON = "Le PASS IAE n° {number} prend fin le {end}, dans {days} jours."
DIAGNOSIS_EXPIRES_SOON = "Le diagnostic d'éligibilité du {made_on} expire le {expires_on}, dans {days} jours."


def _approval_state(approval: Approval, today: date) -> ApprovalState:
    end = approval.effective_end
    status = approval.status_on(today)
    return ApprovalState(
        approval=approval,
        effective_end=end,
        status=status,
        days_left=None if status == ApprovalStatus.EXPIRED else (end - today).days,
        prolongations=tuple(approval.prolongations.all()),
        suspensions=tuple(approval.suspensions.all()),
    )


def _diagnosis_state(diagnosis: EligibilityDiagnosis, today: date) -> DiagnosisState:
    values = _criteria(diagnosis)
    level_1, level_2 = rules.level_counts(values)
    return DiagnosisState(
        diagnosis=diagnosis,
        criteria=tuple(diagnosis.criteria.all()),
        level_1=level_1,
        level_2=level_2,
        meets_rule=rules.meets_aci_rule(values),
        valid=diagnosis.is_valid_on(today),
        rule_message=rules.aci_rule_message(values),
    )


def person_eligibility_summary(person: Person, today: date) -> EligibilitySummary:
    """The eligibility block of the person page: may they be hired today, their PASS IAE with the
    end in force, their diagnoses, and the warnings (PASS ending within 60 days, diagnosis
    expiring within 30 days while no PASS covers). 5 queries."""
    approvals, diagnoses = _approvals(person), _diagnoses(person)
    hiring = _decide(approvals, diagnoses, today)
    approval_states = tuple(_approval_state(a, today) for a in approvals)
    warnings = []
    if hiring.approval is not None and hiring.allowed:
        days = (hiring.approval.effective_end - today).days
        if days <= APPROVAL_ALERT_DAYS:
            warnings.append(
                APPROVAL_ENDS_SOON.format(
                    number=hiring.approval.number, end=fr(hiring.approval.effective_end), days=days
                )
            )
    elif hiring.diagnosis is not None and hiring.allowed:
        days = (hiring.diagnosis.expires_on - today).days
        if days <= DIAGNOSIS_ALERT_DAYS:
            warnings.append(
                DIAGNOSIS_EXPIRES_SOON.format(
                    made_on=fr(hiring.diagnosis.made_on), expires_on=fr(hiring.diagnosis.expires_on), days=days
                )
            )
    return EligibilitySummary(
        hiring=hiring,
        approvals=approval_states,
        diagnoses=tuple(_diagnosis_state(d, today) for d in diagnoses),
        warnings=tuple(warnings),
    )


# Alerts


@dataclass(frozen=True)
class ExpiringApproval:
    approval: Approval
    person: Person
    effective_end: date
    days_left: int
    under_contract: bool  # a contract of the ACI is in progress or planned


@dataclass(frozen=True)
class ExpiringDiagnosis:
    diagnosis: EligibilityDiagnosis
    person: Person
    expires_on: date
    days_left: int


def _contract_in_progress_or_planned(today: date) -> Q:
    return (
        Q(ended_on__isnull=False, ended_on__gte=today)
        | Q(ended_on__isnull=True, end__gte=today)
        | Q(ended_on__isnull=True, end__isnull=True)
    )


def expiring_approvals(
    structure: Structure, today: date, within_days: int = APPROVAL_ALERT_DAYS
) -> list[ExpiringApproval]:
    """The PASS IAE of the ACI's people whose end in force falls between today and today +
    `within_days`, soonest first. Left out: a PASS followed by a newer one, and the PASS of
    people who left the ACI (they had contracts, none is in progress or planned). 6 queries."""
    horizon = today + timedelta(days=within_days)
    # The end in force is never before the initial end; an old PASS can reach today only through
    # its prolongations or suspensions.
    candidates = (
        Approval.objects.filter(person__structure=structure, end__lte=horizon)
        .filter(Q(end__gte=today) | Q(prolongations__isnull=False) | Q(suspensions__isnull=False))
        .distinct()
        .select_related("person")
        .prefetch_related("prolongations", "suspensions")
    )
    expiring = [a for a in candidates if today <= a.effective_end <= horizon]
    if not expiring:
        return []
    person_ids = {a.person_id for a in expiring}
    contracts = Contract.objects.filter(person_id__in=person_ids, structure=structure)
    had_contract = set(contracts.values_list("person_id", flat=True))
    under_contract = set(contracts.filter(_contract_in_progress_or_planned(today)).values_list("person_id", flat=True))
    latest_start: dict[int, date] = {}
    for person_id, start in Approval.objects.filter(person_id__in=person_ids).values_list("person_id", "start"):
        latest_start[person_id] = max(start, latest_start.get(person_id, start))
    result = []
    for approval in expiring:
        end = approval.effective_end
        if latest_start[approval.person_id] > end:  # a newer PASS follows
            continue
        if approval.person_id in had_contract and approval.person_id not in under_contract:
            continue
        result.append(
            ExpiringApproval(
                approval=approval,
                person=approval.person,
                effective_end=end,
                days_left=(end - today).days,
                under_contract=approval.person_id in under_contract,
            )
        )
    return sorted(result, key=lambda e: (e.effective_end, e.person.last_name, e.person.first_name))


def expiring_diagnoses(
    structure: Structure, today: date, within_days: int = DIAGNOSIS_ALERT_DAYS
) -> list[ExpiringDiagnosis]:
    """Candidates to hire before their diagnosis expires: people of the ACI with no contract in
    progress or planned, whose latest valid diagnosis meeting the ACI rule expires between today
    and today + `within_days`, and whom no PASS IAE covers on the day after. Soonest first. 5 queries."""
    horizon = today + timedelta(days=within_days)
    hired = Contract.objects.filter(structure=structure).filter(_contract_in_progress_or_planned(today))
    valid = (
        EligibilityDiagnosis.objects.filter(person__structure=structure, made_on__lte=today, expires_on__gte=today)
        .exclude(person__in=hired.values("person"))
        .select_related("person")
        .prefetch_related("criteria")
    )
    latest: dict[int, EligibilityDiagnosis] = {}
    for diagnosis in valid:
        if not rules.meets_aci_rule(_criteria(diagnosis)):
            continue
        current = latest.get(diagnosis.person_id)
        if current is None or diagnosis.expires_on > current.expires_on:
            latest[diagnosis.person_id] = diagnosis
    soon = [d for d in latest.values() if d.expires_on <= horizon]
    if not soon:
        return []
    approvals = Approval.objects.filter(person_id__in=[d.person_id for d in soon]).prefetch_related(
        "prolongations", "suspensions"
    )
    by_person: dict[int, list[Approval]] = {}
    for approval in approvals:
        by_person.setdefault(approval.person_id, []).append(approval)
    result = [
        ExpiringDiagnosis(diagnosis=d, person=d.person, expires_on=d.expires_on, days_left=(d.expires_on - today).days)
        for d in soon
        if not any(a.covers(d.expires_on + ONE_DAY) for a in by_person.get(d.person_id, []))
    ]
    return sorted(result, key=lambda e: (e.expires_on, e.person.last_name, e.person.first_name))


def due_alerts(scope: Scope, *, today: date) -> list[Alert]:
    """For the échéancier of the current ACI: PASS IAE ending within 60 days, diagnoses of
    candidates expiring within 30 days."""
    if scope.structure is None or not scope.is_structure_staff:
        return []
    alerts = [
        Alert(
            e.effective_end,
            "PASS IAE",
            e.person,
            f"Le PASS IAE n° {e.approval.number} prend fin le {fr(e.effective_end)}"
            + (" : demandez sa prolongation si le parcours continue." if e.under_contract else "."),
        )
        for e in expiring_approvals(scope.structure, today)
    ]
    alerts += [
        Alert(
            e.expires_on,
            "Diagnostic d'éligibilité",
            e.person,
            f"Le diagnostic d'éligibilité expire le {fr(e.expires_on)} : embauchez avant cette date "
            "ou faites un nouveau diagnostic.",
        )
        for e in expiring_diagnoses(scope.structure, today)
    ]
    return alerts


# The person timeline


def timeline_events(person: Person, *, scope=None) -> list[TimelineEvent]:
    """Diagnoses and PASS IAE events. No criterion is named: some reveal health or justice
    information, and the timeline is shown to every staff role."""
    events: list[TimelineEvent] = []
    for diagnosis in _diagnoses(person):
        level_1, level_2 = rules.level_counts(_criteria(diagnosis))
        events.append(
            TimelineEvent(
                diagnosis.made_on,
                "clipboard-check",
                f"Diagnostic d'éligibilité ({diagnosis.get_author_kind_display()})",
                f"Valable jusqu'au {fr(diagnosis.expires_on)}. "
                f"Critères : {level_1} de niveau 1, {level_2} de niveau 2.",
                "info",
            )
        )
    for approval in _approvals(person):
        events.append(
            TimelineEvent(
                approval.start,
                "patch-check",
                f"PASS IAE n° {approval.number}",
                f"Du {fr(approval.start)} au {fr(approval.end)}.",
                "primary",
            )
        )
        for prolongation in approval.prolongations.all():
            events.append(
                TimelineEvent(
                    prolongation.start,
                    "calendar-plus",
                    f"Prolongation du PASS IAE : {prolongation.get_reason_display()}",
                    f"Jusqu'au {fr(prolongation.end)}, décidée par {prolongation.decided_by}.",
                    "info",
                )
            )
        for suspension in approval.suspensions.all():
            events.append(
                TimelineEvent(
                    suspension.start,
                    "pause-circle",
                    f"Suspension du PASS IAE : {suspension.get_reason_display()}",
                    f"Du {fr(suspension.start)} au {fr(suspension.end)}.",
                    "warning",
                )
            )
    return events


def person_section(person: Person, *, scope: Scope) -> PersonSection:
    """The eligibility block of the person page; the criteria the role may not read (the RQTH for
    HR) are left out."""
    from django.utils import timezone

    from .access import can_manage_eligibility, can_read_sensitive_criteria
    from .enums import SENSITIVE_CRITERIA

    return PersonSection(
        "eligibility/_person_section.html",
        "Éligibilité et PASS IAE",
        {
            "eligibility": person_eligibility_summary(person, timezone.localdate()),
            "can_manage_eligibility": can_manage_eligibility(scope),
            "hidden_criteria": () if can_read_sensitive_criteria(scope) else SENSITIVE_CRITERIA,
        },
        column="side",
        position=30,
    )
