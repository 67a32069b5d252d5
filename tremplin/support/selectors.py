"""Reads of the support app: the obstacles of a person (for the reviews app), the figures of
obstacles for the funders' reports, the person page block, the support page, the timeline and
the échéancier. Sensitive rows are left out for the roles that may not read them, and every
display of one to a role that may is logged (audit.services.sensitive_read_record)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.urls import reverse

from tremplin.accounts.scope import Scope
from tremplin.audit.services import sensitive_read_record
from tremplin.kernel.alerts import Alert
from tremplin.kernel.formats import fr
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent

from . import access, rules
from .enums import SENSITIVE_CATEGORIES, DiagnosisKind, ObjectiveStatus, ObstacleCategory, Treatment
from .models import Appointment, Diagnosis, ObstacleAssessment, PartnerReferral


def _obstacle_label(obstacle: ObstacleAssessment) -> str:
    return f"Frein (catégorie sensible) de l'évaluation du {fr(obstacle.diagnosis.assessed_on)}"


def _appointment_label(appointment: Appointment) -> str:
    return f"Note d'entretien du {fr(appointment.held_on)}"


def _referral_label(referral: PartnerReferral) -> str:
    return f"Orientation partenaire du {fr(referral.referred_on)}"


def _label(record) -> str:
    if isinstance(record, ObstacleAssessment):
        return _obstacle_label(record)
    if isinstance(record, Appointment):
        return _appointment_label(record)
    return _referral_label(record)


def _log(scope: Scope, person, records, label) -> None:
    if records:
        sensitive_read_record(scope=scope, person=person, records=records, label=label)


def log_appointment_read(scope: Scope, appointment: Appointment) -> None:
    """An appointment's note shown alone (its correction form): logged when it is sensitive."""
    if appointment.is_sensitive:
        _log(scope, appointment.person, [appointment], _appointment_label)


# --- Obstacles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ObstacleLine:
    category: str
    category_label: str
    level_label: str
    treatment_label: str
    partner_name: str
    actions: str
    lifted_on: date | None


def obstacle_summary(person, *, scope: Scope) -> list[ObstacleLine]:
    """The obstacle lines of the person's latest diagnosis that `scope` may read (none for the
    roles that see no obstacle); the sensitive lines included are logged as read."""
    if not access.can_read_details(scope):
        return []
    diagnosis = access.diagnoses_in_scope(scope).filter(person=person).order_by("-assessed_on").first()
    if diagnosis is None:
        return []
    obstacles = list(diagnosis.obstacles.select_related("partner", "diagnosis"))
    if access.can_read_sensitive(scope):
        _log(scope, person, [o for o in obstacles if o.is_sensitive], _obstacle_label)
    else:
        obstacles = [o for o in obstacles if not o.is_sensitive]
    return [
        ObstacleLine(
            category=o.category,
            category_label=o.get_category_display(),
            level_label=o.get_level_display(),
            treatment_label=o.get_treatment_display(),
            partner_name=o.partner.name if o.partner else "",
            actions=o.actions,
            lifted_on=o.lifted_on,
        )
        for o in obstacles
    ]


def obstacle_figures(structure_ids, start: date, end: date) -> dict:
    """The obstacles of the people of `structure_ids` under contract at least one day of
    [start, end], as the latest assessment of each person and category on or before `end`:
    {"by_category": {category: {"internal", "external", "both", "lifted", "total"}},
    "people_with_obstacles": n}. One query, no names."""
    from tremplin.contracts.models import Contract

    under_contract = (
        Contract.objects.filter(structure_id__in=structure_ids, start__lte=end)
        .filter(
            Q(ended_on__gte=start)
            | Q(ended_on__isnull=True, end__gte=start)
            | Q(ended_on__isnull=True, end__isnull=True)
        )
        .values("person_id")
    )
    rows = (
        ObstacleAssessment.objects.filter(
            diagnosis__person__in=under_contract,
            diagnosis__person__structure_id__in=structure_ids,
            diagnosis__assessed_on__lte=end,
        )
        .order_by("diagnosis__person_id", "category", "diagnosis__assessed_on")
        .values_list("diagnosis__person_id", "category", "treatment", "lifted_on")
    )
    latest: dict[tuple[int, str], tuple[str, date | None]] = {}
    for person_id, category, treatment, lifted_on in rows:
        latest[person_id, category] = (treatment, lifted_on)
    by_category = {
        category: {"internal": 0, "external": 0, "both": 0, "lifted": 0, "total": 0}
        for category in ObstacleCategory.values
    }
    for (_person_id, category), (treatment, lifted_on) in latest.items():
        counts = by_category[category]
        counts[Treatment(treatment).value] += 1
        counts["total"] += 1
        if lifted_on is not None and lifted_on <= end:
            counts["lifted"] += 1
    return {"by_category": by_category, "people_with_obstacles": len({person_id for person_id, _ in latest})}


@dataclass
class EvolutionRow:
    category: str
    label: str
    sensitive: bool
    cells: list = field(default_factory=list)  # one ObstacleAssessment or None per diagnosis


def _evolution(diagnoses: list[Diagnosis], *, sensitive: bool) -> list[EvolutionRow]:
    """Category x successive assessments, for the categories assessed at least once."""
    rows = []
    for category in ObstacleCategory:
        if category in SENSITIVE_CATEGORIES and not sensitive:
            continue
        by_diagnosis = [next((o for o in d.obstacles.all() if o.category == category), None) for d in diagnoses]
        if any(by_diagnosis):
            rows.append(EvolutionRow(category, category.label, category in SENSITIVE_CATEGORIES, by_diagnosis))
    return rows


def log_reassessment_read(scope: Scope, previous: Diagnosis | None) -> None:
    """The re-assessment form shows the latest assessment's sensitive lines (health, justice,
    debts: level, actions): one read logged per line, like the support page."""
    if previous is not None:
        _log(scope, previous.person, [o for o in previous.obstacles.all() if o.is_sensitive], _obstacle_label)


def diagnosis_initial(person) -> tuple[DiagnosisKind, Diagnosis | None, list[dict]]:
    """What the diagnosis form starts from: an entry diagnosis when there is none yet, else a
    re-assessment prefilled with the lines of the latest assessment (one row per category)."""
    previous = Diagnosis.objects.filter(person=person).prefetch_related("obstacles").order_by("-assessed_on").first()
    lines = {o.category: o for o in previous.obstacles.all()} if previous else {}
    initial = []
    for category in ObstacleCategory:
        row = {"category": category.value}
        line = lines.get(category)
        if line:
            row.update(
                level=line.level,
                treatment=line.treatment,
                partner=line.partner_id,
                actions=line.actions,
                lifted_on=line.lifted_on,
            )
        initial.append(row)
    return (DiagnosisKind.REVIEW if previous else DiagnosisKind.ENTRY), previous, initial


def partner_directory(scope: Scope):
    """The partners of the organisation of the current ACI, active ones first."""
    from tremplin.partners.models import Partner

    if not access.can_write_support(scope):
        return Partner.objects.none()
    return Partner.objects.filter(organisation_id=scope.structure.organisation_id).order_by("-is_active", "name")


# --- The person page block and the support page -------------------------------------------------


def _common(person, scope: Scope, today: date) -> dict:
    """What both the block and the page show; sensitive rows are kept only for the roles that may
    read them, the caller decides what it displays (and logs)."""
    details = access.can_read_details(scope)
    sensitive = access.can_read_sensitive(scope)
    diagnoses = list(
        access.diagnoses_in_scope(scope)
        .filter(person=person)
        .select_related("author")
        .prefetch_related("obstacles__partner")
        .order_by("assessed_on")
    )
    objectives = list(access.objectives_in_scope(scope).filter(person=person).select_related("owner"))
    referrals = list(access.partner_referrals_in_scope(scope).filter(person=person).select_related("partner"))
    current = list(diagnoses[-1].obstacles.all()) if diagnoses and details else []
    for objective in objectives:
        objective.overdue = objective.status == ObjectiveStatus.OPEN and rules.is_overdue(
            due_on=objective.due_on, today=today
        )
    return {
        "details": details,
        "sensitive": sensitive,
        "diagnoses": diagnoses if details else [],
        "has_entry": any(d.kind == DiagnosisKind.ENTRY for d in diagnoses),
        "current_obstacles": [o for o in current if not o.is_sensitive],
        "sensitive_obstacles": [o for o in current if o.is_sensitive] if sensitive else [],
        "objectives": objectives,
        "open_objectives": [o for o in objectives if o.status == ObjectiveStatus.OPEN],
        "referrals": [r for r in referrals if sensitive or not r.is_sensitive],
        "can_write": access.can_write_support(scope),
    }


def person_section(person, *, scope: Scope):
    """The block of this app on the person page: current obstacles, open objectives, last
    appointments and referrals. It never shows sensitive content (only how many sensitive rows
    the support page holds, to the roles that may read them), so it logs nothing."""
    from django.utils import timezone

    if not access.can_read_support(scope):
        return None
    today = timezone.localdate()
    context = _common(person, scope, today)
    context["last_appointments"] = list(
        access.appointments_in_scope(scope).filter(person=person).select_related("author")[:3]
    )
    context["sensitive_referrals"] = sum(1 for r in context["referrals"] if r.is_sensitive)
    context["referrals"] = [r for r in context["referrals"] if not r.is_sensitive][:5]
    return PersonSection(template="support/_person_section.html", title="Accompagnement", context=context)


@dataclass(frozen=True)
class JournalLine:
    appointment: Appointment
    note: str  # the note as this viewer may read it ("" when none or not allowed)
    confidential: bool  # shown as "Note confidentielle" to this viewer


def support_page(person, *, scope: Scope, today: date) -> dict:
    """The whole support record of a person as `scope` may read it; logs the sensitive rows shown."""
    context = _common(person, scope, today)
    details, sensitive = context["details"], context["sensitive"]
    appointments = list(access.appointments_in_scope(scope).filter(person=person).select_related("author"))
    journal = []
    for appointment in appointments:
        if appointment.is_sensitive:
            shown = sensitive
            journal.append(JournalLine(appointment, appointment.notes if shown else "", not shown))
        else:
            journal.append(JournalLine(appointment, appointment.notes if details else "", False))
    evolution = _evolution(context["diagnoses"], sensitive=sensitive)
    context.update(journal=journal, evolution=evolution, show_notes=details)
    if sensitive:
        shown = [o for row in evolution if row.sensitive for o in row.cells if o]
        shown += [a for a in appointments if a.is_sensitive]
        shown += [r for r in context["referrals"] if r.is_sensitive]
        _log(scope, person, shown, _label)
    return context


# --- Timeline and échéancier --------------------------------------------------------------------


def timeline_events(person, *, scope: Scope) -> list[TimelineEvent]:
    """Diagnoses, objectives reached, appointments and referrals. No note and no sensitive
    category ever reaches the timeline: a sensitive appointment is "Entretien (confidentiel)"."""
    if not access.can_read_support(scope):
        return []
    details = access.can_read_details(scope)
    sensitive = access.can_read_sensitive(scope)
    link = reverse("support:person", args=[person.pk])
    events = []
    diagnoses = access.diagnoses_in_scope(scope).filter(person=person).prefetch_related("obstacles")
    for diagnosis in diagnoses:
        detail = ""
        if details:
            shown = [o.get_category_display() for o in diagnosis.obstacles.all() if not o.is_sensitive]
            detail = "Freins : " + ", ".join(shown) + "." if shown else ""
        events.append(
            TimelineEvent(
                diagnosis.assessed_on,
                "clipboard2-pulse",
                "Diagnostic d'entrée des freins"
                if diagnosis.kind == DiagnosisKind.ENTRY
                else "Réévaluation des freins",
                detail,
                "info",
                link=link,
                link_label="Voir l'accompagnement",
            )
        )
    for objective in access.objectives_in_scope(scope).filter(person=person, status=ObjectiveStatus.DONE):
        events.append(
            TimelineEvent(objective.done_on, "check2-circle", f"Objectif atteint : {objective.title}", "", "success")
        )
    for appointment in access.appointments_in_scope(scope).filter(person=person).select_related("author"):
        title = "Entretien (confidentiel)" if appointment.is_sensitive else appointment.get_kind_display()
        detail = f"{appointment.duration_minutes} min, avec {appointment.author.get_full_name() or appointment.author}"
        events.append(TimelineEvent(appointment.held_on, "chat-dots", title, detail))
    for referral in access.partner_referrals_in_scope(scope).filter(person=person).select_related("partner"):
        if referral.is_sensitive:
            if sensitive:
                events.append(
                    TimelineEvent(referral.referred_on, "signpost-split", "Orientation partenaire (confidentielle)")
                )
            continue
        events.append(
            TimelineEvent(
                referral.referred_on,
                "signpost-split",
                f"Orientation vers {referral.partner} : {referral.get_need_display()}",
                f"Suite : {referral.get_outcome_display().lower()}",
            )
        )
    return events


def due_alerts(scope: Scope, *, today: date) -> list[Alert]:
    """Open objectives past their due date, for the roles that see the échéancier."""
    if scope.role not in access.ALERT_ROLES:
        return []
    overdue = (
        access.objectives_in_scope(scope)
        .filter(person__structure=scope.structure, status=ObjectiveStatus.OPEN, due_on__lt=today)
        .select_related("person")
    )
    return [
        Alert(
            day=objective.due_on,
            kind="Objectif en retard",
            person=objective.person,
            message=f"Objectif « {objective.title} » prévu pour le {fr(objective.due_on)}, toujours en cours.",
            url_name="support:person",
            url_pk=objective.person_id,
        )
        for objective in overdue
    ]
