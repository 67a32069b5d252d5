"""Writes of the support app. Each operation checks its rules (rules.py) and raises a
ValidationError naming the rule in French."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.errors import check_known_fields, raise_if
from tremplin.partners.models import Partner
from tremplin.people.models import Person

from . import rules
from .enums import Confidentiality, DiagnosisKind, ObjectiveStatus, ReferralOutcome
from .models import Appointment, Diagnosis, Objective, ObstacleAssessment, PartnerReferral

PARTNER_NOT_IN_ORGANISATION = "Ce partenaire n'est pas dans l'annuaire de la structure porteuse de la personne."
PARTNER_INACTIVE = "Ce partenaire n'est plus actif dans l'annuaire."
OBSTACLE_TWICE = "Le frein « {category} » figure deux fois dans l'évaluation."
OWNER_NOT_IN_STRUCTURE = "L'objectif est suivi par un membre de l'équipe de l'ACI de la personne."
TOPIC_REQUIRED = "Une note confidentielle indique son thème : santé, justice ou dettes."
TOPIC_ONLY_SENSITIVE = "Seule une note confidentielle a un thème."
APPOINTMENT_NOT_AUTHOR = "Seule la personne qui a tenu l'entretien peut le corriger."
ENTRY_ALREADY = "Le diagnostic d'entrée de cette personne est déjà enregistré."
DONE_ON_REQUIRED = "Indiquez la date à laquelle l'objectif a été atteint."
OUTCOME_DATE_REQUIRED = "Indiquez la date à laquelle la suite a été connue."
OUTCOME_DATE_PENDING = "Une orientation en attente n'a pas encore de date de suite."


def _today() -> date:
    return timezone.localdate()


def _check_partner(person: Person, partner: Partner | None, *, field: str = "partner") -> None:
    if partner is None:
        return
    raise_if(
        field, PARTNER_NOT_IN_ORGANISATION if partner.organisation_id != person.structure.organisation_id else None
    )


def staff_members(person: Person):
    """The users who may follow an objective of `person`: staff of their ACI (or a director of its organisation)."""
    structure = person.structure
    return (
        User.objects.filter(
            Q(memberships__structure=structure) | Q(memberships__organisation_id=structure.organisation_id),
            memberships__is_active=True,
            memberships__role__in=["director", "counsellor", "supervisor"],
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


@transaction.atomic
def diagnosis_create(*, actor: User, person: Person, kind: str, assessed_on: date, obstacles: list[dict]) -> Diagnosis:
    """Record an entry diagnosis or a re-assessment with its obstacle lines (dicts with category,
    level, treatment, and optionally partner, actions, lifted_on)."""
    raise_if("assessed_on", rules.check_assessed_on(assessed_on=assessed_on, today=_today()))
    existing = list(Diagnosis.objects.select_for_update().filter(person=person).order_by("assessed_on"))
    entry = next((d for d in existing if d.kind == DiagnosisKind.ENTRY), None)
    if kind == DiagnosisKind.ENTRY:
        raise_if(None, ENTRY_ALREADY if entry else None)
        first_review = next((d.assessed_on for d in existing if d.kind == DiagnosisKind.REVIEW), None)
        raise_if("assessed_on", rules.check_entry_order(assessed_on=assessed_on, first_review_on=first_review))
        entry_on = assessed_on
    else:
        last_on = existing[-1].assessed_on if existing else None
        raise_if(
            "assessed_on",
            rules.check_review_order(assessed_on=assessed_on, entry_on=entry and entry.assessed_on, last_on=last_on),
        )
        entry_on = entry.assessed_on
    seen = set()
    for line in obstacles:
        category = line["category"]
        if category in seen:
            label = ObstacleAssessment(category=category).get_category_display()
            raise ValidationError(OBSTACLE_TWICE.format(category=label))
        seen.add(category)
        _check_partner(person, line.get("partner"))
        raise_if(
            None,
            rules.check_lifted_on(lifted_on=line.get("lifted_on"), assessed_on=assessed_on, entry_on=entry_on),
        )
    diagnosis = Diagnosis(person=person, kind=kind, assessed_on=assessed_on, author=actor)
    diagnosis.full_clean()
    diagnosis.save()
    for line in obstacles:
        obstacle = ObstacleAssessment(
            diagnosis=diagnosis,
            category=line["category"],
            level=line["level"],
            treatment=line["treatment"],
            partner=line.get("partner"),
            actions=line.get("actions", ""),
            lifted_on=line.get("lifted_on"),
        )
        obstacle.full_clean()
        obstacle.save()
    return diagnosis


@transaction.atomic
def objective_create(*, person: Person, title: str, due_on: date, owner: User) -> Objective:
    raise_if("owner", None if staff_members(person).filter(pk=owner.pk).exists() else OWNER_NOT_IN_STRUCTURE)
    objective = Objective(person=person, title=title, due_on=due_on, owner=owner)
    objective.full_clean()
    objective.save()
    return objective


@transaction.atomic
def objective_close(*, objective: Objective, status: str, done_on: date | None = None) -> Objective:
    """Mark an open objective as done (on `done_on`) or abandoned."""
    objective = Objective.objects.select_for_update().get(pk=objective.pk)
    raise_if(
        None,
        rules.OBJECTIVE_NOT_OPEN.format(status=objective.get_status_display().lower())
        if objective.status != ObjectiveStatus.OPEN
        else None,
    )
    if status == ObjectiveStatus.DONE:
        raise_if("done_on", DONE_ON_REQUIRED if done_on is None else None)
        raise_if("done_on", rules.check_objective_done_on(done_on=done_on, today=_today()))
    else:
        done_on = None
    objective.status = status
    objective.done_on = done_on
    objective.full_clean()
    objective.save()
    return objective


def _check_topic(confidentiality: str, topic: str) -> None:
    if confidentiality == Confidentiality.SENSITIVE:
        raise_if("topic", TOPIC_REQUIRED if not topic else None)
    else:
        raise_if("topic", TOPIC_ONLY_SENSITIVE if topic else None)


@transaction.atomic
def appointment_create(
    *,
    actor: User,
    person: Person,
    held_on: date,
    kind: str,
    duration_minutes: int,
    notes: str = "",
    confidentiality: str = Confidentiality.ORDINARY,
    topic: str = "",
) -> Appointment:
    raise_if("held_on", rules.check_held_on(held_on=held_on, today=_today()))
    _check_topic(confidentiality, topic)
    appointment = Appointment(
        person=person,
        held_on=held_on,
        kind=kind,
        author=actor,
        duration_minutes=duration_minutes,
        notes=notes,
        confidentiality=confidentiality,
        topic=topic,
    )
    appointment.full_clean()
    appointment.save()
    return appointment


APPOINTMENT_FIELDS = ("held_on", "kind", "duration_minutes", "notes", "confidentiality", "topic")


@transaction.atomic
def appointment_update(*, actor: User, appointment: Appointment, **fields) -> Appointment:
    """Its author corrects a line of the journal (a date, a duration, a note, its confidentiality),
    under the rules of a new one. Nobody else: the journal is what each professional wrote."""
    check_known_fields(fields, APPOINTMENT_FIELDS)
    appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
    if appointment.author_id != actor.pk:
        raise ValidationError(APPOINTMENT_NOT_AUTHOR)
    if fields.get("confidentiality") == Confidentiality.ORDINARY and "topic" not in fields:
        fields["topic"] = ""
    for name, value in fields.items():
        setattr(appointment, name, value)
    raise_if("held_on", rules.check_held_on(held_on=appointment.held_on, today=_today()))
    _check_topic(appointment.confidentiality, appointment.topic)
    appointment.full_clean()
    appointment.save()
    return appointment


def _check_outcome(outcome: str, outcome_on: date | None) -> None:
    if outcome == ReferralOutcome.PENDING:
        raise_if("outcome_on", OUTCOME_DATE_PENDING if outcome_on else None)
    else:
        raise_if("outcome_on", OUTCOME_DATE_REQUIRED if outcome_on is None else None)


@transaction.atomic
def partner_referral_create(
    *,
    person: Person,
    partner: Partner,
    need: str,
    referred_on: date,
    outcome: str = ReferralOutcome.PENDING,
    outcome_on: date | None = None,
    comment: str = "",
) -> PartnerReferral:
    _check_partner(person, partner)
    raise_if("partner", PARTNER_INACTIVE if not partner.is_active else None)
    errors = rules.check_referral_dates(referred_on=referred_on, outcome_on=outcome_on, today=_today())
    if errors:
        raise ValidationError(errors)
    _check_outcome(outcome, outcome_on)
    referral = PartnerReferral(
        person=person,
        partner=partner,
        need=need,
        referred_on=referred_on,
        outcome=outcome,
        outcome_on=outcome_on,
        comment=comment,
    )
    referral.full_clean()
    referral.save()
    return referral


@transaction.atomic
def partner_referral_update_outcome(
    *, referral: PartnerReferral, outcome: str, outcome_on: date | None, comment: str = ""
) -> PartnerReferral:
    errors = rules.check_referral_dates(referred_on=referral.referred_on, outcome_on=outcome_on, today=_today())
    if errors:
        raise ValidationError(errors)
    _check_outcome(outcome, outcome_on)
    referral.outcome = outcome
    referral.outcome_on = outcome_on
    if comment:
        referral.comment = comment
    referral.full_clean()
    referral.save()
    return referral
