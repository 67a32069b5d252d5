"""Reads on contracts: a person's pathway figures, the timeline events, the alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.scope import Scope
from tremplin.kernel.alerts import Alert
from tremplin.kernel.dates import Period
from tremplin.kernel.formats import fr
from tremplin.people.access import people_in_scope
from tremplin.people.models import Person
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent

from . import rules
from .access import can_manage_contracts
from .enums import ContractKind
from .models import Contract, Derogation, Exit, FollowUp


@dataclass(frozen=True)
class PathwayFigures:
    days: int  # days of CDDI planned in all (to the planned ends)
    months: str  # "13,2"
    first_start: date | None
    cap_day: date | None  # the day the 24-month cap is reached if contracts continue without a gap
    planned_end: date | None = None
    done_months: str = "0"  # months already done on `today`

    @property
    def beyond_cap(self) -> bool:
        return bool(self.cap_day and self.planned_end and self.planned_end > self.cap_day)


def pathway_figures(person: Person, *, contracts=None, today: date | None = None) -> PathwayFigures:
    contracts = contracts if contracts is not None else list(person.contracts.filter(kind=ContractKind.CDDI))
    periods = [Period(c.start, c.effective_end) for c in contracts if c.kind == ContractKind.CDDI and c.effective_end]
    if not periods:
        return PathwayFigures(0, "0", None, None)
    days = rules.covered_days(periods)
    first = min(p.start for p in periods)
    remaining = rules.cap_in_days(first, rules.CAP_MONTHS) - days
    last_end = max(p.end for p in periods)
    done = days
    if today is not None:
        done = rules.covered_days(Period(p.start, min(p.end, today)) for p in periods if p.start <= today)
    return PathwayFigures(
        days,
        rules.months_of(days),
        first,
        last_end + timedelta(days=remaining),
        planned_end=last_end,
        done_months=rules.months_of(done),
    )


def exit_count_reason(exit_: Exit) -> str | None:
    """Why an exit does not count in the rates (domain.md 12), or None when it counts: the person
    was under contract in the ACI more than 91 days in all before it, and worked at least 1 hour
    in the calendar year of the exit."""
    from tremplin.worktime.figures import hours_worked_in_year

    periods = [
        Period(c.start, min(c.effective_end, exit_.exit_date))
        for c in exit_.person.contracts.all()
        if c.effective_end and c.start <= exit_.exit_date
    ]
    return rules.exit_not_counted_reason(
        days_under_contract=rules.covered_days(periods),
        hours_worked_in_year=hours_worked_in_year(exit_.person, exit_.exit_date.year),
        year=exit_.exit_date.year,
    )


def exit_counts(exit_: Exit) -> bool:
    return exit_count_reason(exit_) is None


def timeline_events(person: Person, *, scope=None) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    contracts = person.contracts.prefetch_related("amendments", "suspensions").select_related("production_support")
    for contract in contracts:
        where = f" · {contract.production_support.name}" if contract.production_support else ""
        events.append(
            TimelineEvent(
                contract.start,
                "file-earmark-text",
                f"Embauche en {contract.get_kind_display()} : {contract.job_label}",
                f"Du {fr(contract.start)} au {fr(contract.initial_end)}, "
                f"{rules.hours_fr(contract.initial_weekly_hours)} h par semaine{where}. "
                f"Fin de la période d'essai : {fr(contract.trial_period_end)}.",
                "primary",
            )
        )
        for amendment in contract.amendments.all():
            if amendment.kind == "renewal":
                detail = f"Fin prévue reportée du {fr(amendment.previous_end)} au {fr(amendment.new_end)}."
            elif amendment.kind == "hours":
                detail = (
                    f"{rules.hours_fr(amendment.previous_weekly_hours)} h → "
                    f"{rules.hours_fr(amendment.new_weekly_hours)} h par semaine."
                )
            else:
                detail = f"{amendment.previous_job_label} → {amendment.new_job_label}."
            detail += f" Prend effet le {fr(amendment.effective_date)}."
            events.append(
                TimelineEvent(
                    amendment.effective_date, "pencil-square", f"Avenant : {amendment.get_kind_display()}", detail
                )
            )
        for suspension in contract.suspensions.all():
            events.append(
                TimelineEvent(
                    suspension.start,
                    "pause-circle",
                    f"Suspension : {suspension.get_kind_display()}",
                    f"Du {fr(suspension.start)} au {fr(suspension.end)}.",
                    "warning",
                )
            )
        if contract.ended_on:
            events.append(
                TimelineEvent(
                    contract.ended_on,
                    "x-circle",
                    "Fin anticipée du contrat",
                    contract.get_early_end_reason_display(),
                    "warning",
                )
            )
    for derogation in Derogation.objects.filter(person=person):
        events.append(
            TimelineEvent(
                derogation.decision_date,
                "shield-check",
                f"Dérogation : {derogation.get_kind_display()}",
                f"Du {fr(derogation.start)} au {fr(derogation.end)}, décidée par {derogation.decided_by}.",
                "info",
            )
        )
    for exit_ in Exit.objects.filter(person=person).prefetch_related("follow_ups"):
        counted = (
            "Compte dans les sorties" if exit_counts(exit_) else "Ne compte pas dans les sorties (3 mois ou moins)"
        )
        next_job = " · ".join(x for x in [exit_.next_employer, exit_.next_contract_type] if x)
        events.append(
            TimelineEvent(
                exit_.exit_date,
                "door-open",
                f"Sortie : {exit_.get_reason_display()} ({exit_.category.label})",
                " · ".join(x for x in [next_job, counted] if x),
                "success",
            )
        )
        for follow_up in exit_.follow_ups.all():
            if follow_up.done_on:
                events.append(
                    TimelineEvent(
                        follow_up.done_on,
                        "telephone",
                        f"Suivi à {follow_up.months_after} mois : {follow_up.get_situation_display()}",
                        follow_up.comment,
                    )
                )
            else:
                events.append(
                    TimelineEvent(
                        follow_up.due_date,
                        "calendar-event",
                        f"Suivi à {follow_up.months_after} mois prévu",
                        "À faire",
                        link=reverse("contracts:follow_up", args=[follow_up.pk]),
                        link_label="Enregistrer le suivi",
                    )
                )
    return events


def due_alerts(scope: Scope, *, today: date) -> list[Alert]:
    """Contracts ending within 30 days, pathways reaching 22 months, trial periods ending within
    7 days, follow-ups due within 7 days (or late)."""
    people = people_in_scope(scope).filter(structure=scope.structure)
    alerts: list[Alert] = []
    current = (
        Contract.objects.filter(person__in=people, start__lte=today)
        .filter(Q(ended_on__isnull=True, end__gte=today) | Q(ended_on__isnull=True, end__isnull=True))
        .select_related("person")
    )
    current = list(current)
    for contract in current:
        if contract.end and contract.end <= today + timedelta(days=30):
            alerts.append(
                Alert(contract.end, "Fin de contrat", contract.person, f"Le contrat se termine le {fr(contract.end)}.")
            )
        if contract.trial_period_end and today <= contract.trial_period_end <= today + timedelta(days=7):
            alerts.append(
                Alert(
                    contract.trial_period_end,
                    "Période d'essai",
                    contract.person,
                    f"La période d'essai se termine le {fr(contract.trial_period_end)}.",
                )
            )
    by_person: dict[int, list[Contract]] = {}
    for contract in Contract.objects.filter(person__in=[c.person for c in current], kind=ContractKind.CDDI):
        by_person.setdefault(contract.person_id, []).append(contract)
    threshold = {c.person_id: c for c in current}
    for person_id, contracts in by_person.items():
        person = threshold[person_id].person
        figures = pathway_figures(person, contracts=contracts)
        reaches_22 = figures.first_start and figures.days >= rules.cap_in_days(figures.first_start, 22)
        if reaches_22 and not figures.beyond_cap:
            alerts.append(
                Alert(
                    figures.cap_day,
                    "Durée cumulée",
                    person,
                    f"{figures.months} mois de CDDI prévus : la limite de {rules.CAP_MONTHS} mois est atteinte le "
                    f"{fr(figures.cap_day)} ; au-delà, une dérogation est nécessaire.",
                )
            )
    follow_ups = FollowUp.objects.filter(
        exit__person__in=people, done_on__isnull=True, due_date__lte=today + timedelta(days=7)
    ).select_related("exit__person")
    for follow_up in follow_ups:
        late = " (en retard)" if follow_up.due_date < today else ""
        alerts.append(
            Alert(
                follow_up.due_date,
                "Suivi après sortie",
                follow_up.exit.person,
                f"Suivi à {follow_up.months_after} mois à faire le {fr(follow_up.due_date)}{late}.",
                url_name="contracts:follow_up",
                url_pk=follow_up.pk,
            )
        )
    return alerts


def support_team(support, *, today: date):
    """The contracts of an atelier or chantier in force today (for its page)."""
    return (
        Contract.objects.filter(production_support=support, start__lte=today, ended_on__isnull=True)
        .filter(Q(end__gte=today) | Q(end__isnull=True))
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )


def person_section(person: Person, *, scope: Scope) -> list[PersonSection]:
    """The contract blocks of the person page: the contract in force with its actions, the
    contracts ended without an exit, and the pathway against the 24-month cap; for managers, the
    hiring (from the latest referral that may lead to it) and the derogation buttons."""
    from tremplin.recruitment.access import referrals_in_scope
    from tremplin.recruitment.enums import HIREABLE_STATES

    today = timezone.localdate()
    contracts = list(person.contracts.select_related("production_support", "exit").order_by("-start"))
    current = next((c for c in contracts if not c.ended_on and not hasattr(c, "exit")), None)
    ended_without_exit = [
        c for c in contracts if c.effective_end and c.effective_end <= today and not hasattr(c, "exit")
    ]
    sections = [
        PersonSection(
            "contracts/_person_contract.html",
            "Contrat en cours",
            {"current": current, "ended_without_exit": ended_without_exit},
            column="side",
            position=10,
        ),
        PersonSection(
            "contracts/_person_pathway.html",
            "Parcours en CDDI",
            {"figures": pathway_figures(person, today=today), "cap_months": rules.CAP_MONTHS},
            column="side",
            position=40,
        ),
    ]
    if can_manage_contracts(scope):
        may_hire = current is None and not ended_without_exit
        hire_referral = None
        if may_hire:
            hire_referral = (
                referrals_in_scope(scope)
                .filter(person=person, state__in=HIREABLE_STATES)
                .order_by("-referred_on")
                .first()
            )
        sections.append(
            PersonSection(
                "contracts/_person_actions.html",
                "Embauche",
                {"may_hire": may_hire, "hire_referral": hire_referral},
                column="actions",
            )
        )
    return sections
