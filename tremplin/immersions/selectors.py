"""Reads of the immersions app: the lists and pages, the warnings of a PMSMP, the figures of a
period for reporting, and the contributions to the person page (section and timeline)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, QuerySet
from django.urls import reverse

from tremplin.kernel.dates import Period
from tremplin.kernel.formats import fr
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent

from . import rules
from .access import can_manage_immersions, can_read_immersions, host_companies_in_scope, immersions_in_scope
from .enums import COUNTED_STATUSES, HIRED_OUTCOMES, ImmersionStatus, Objective
from .models import HostCompany, Immersion


def immersion_list(
    scope, *, status: str = "", start: date | None = None, end: date | None = None
) -> QuerySet[Immersion]:
    """The immersions of the current ACI, newest first; `start`/`end` keep those that overlap
    the period."""
    immersions = immersions_in_scope(scope).filter(structure=scope.structure)
    if status:
        immersions = immersions.filter(status=status)
    if start:
        immersions = immersions.filter(end__gte=start)
    if end:
        immersions = immersions.filter(start__lte=end)
    return immersions.select_related("person", "host", "rome_job").order_by("-start", "-pk")


def host_company_list(scope) -> QuerySet[HostCompany]:
    return (
        host_companies_in_scope(scope)
        .filter(structure=scope.structure)
        .annotate(immersion_count=Count("immersions"))
        .order_by("name")
    )


def person_immersions(person) -> list[Immersion]:
    return list(person.immersions.select_related("host", "rome_job", "renewal_of").order_by("-start", "-pk"))


def renewable_immersions(person, *, exclude: Immersion | None = None) -> QuerySet[Immersion]:
    """The PMSMP of a person that a new one may name as renewed (the rules say whether it may)."""
    return person.immersions.exclude(pk=exclude.pk if exclude else None).select_related("host").order_by("-start")


def immersion_warnings(immersion: Immersion) -> list[str]:
    """What to check without refusing: the reported 25 % cap of the CDDI duration."""
    contract = immersion.contract
    if contract is None or not contract.effective_end or immersion.status == ImmersionStatus.CANCELLED:
        return []
    periods = [
        Period(start, end)
        for start, end in contract.immersions.filter(status__in=COUNTED_STATUSES).values_list("start", "end")
    ]
    message = rules.cddi_share_warning(contract=Period(contract.start, contract.effective_end), immersions=periods)
    return [message] if message else []


def pmsmp_figures(structure_ids: Iterable[int], start: date, end: date) -> dict:
    """The PMSMP of some ACI starting within [start, end] (cancelled ones left out), in one query:
    count, distinct people, count by objective (every objective, zeros included), those followed
    by a hire by the host (CDI, CDD or interim) and their days (date to date, all of each)."""
    rows = list(
        Immersion.objects.filter(structure_id__in=list(structure_ids), start__gte=start, start__lte=end)
        .filter(status__in=COUNTED_STATUSES)
        .values_list("person_id", "objective", "outcome", "start", "end")
    )
    by_objective = Counter(objective for _, objective, _, _, _ in rows)
    return {
        "count": len(rows),
        "people": len({person_id for person_id, *_ in rows}),
        "by_objective": {objective.value: by_objective[objective.value] for objective in Objective},
        "hired_by_host": sum(1 for _, _, outcome, _, _ in rows if outcome in HIRED_OUTCOMES),
        "days": sum((stop - begin).days + 1 for *_, begin, stop in rows),
    }


def timeline_events(person, *, scope) -> list[TimelineEvent]:
    if not can_read_immersions(scope):
        return []
    events = []
    for immersion in person_immersions(person):
        link = reverse("immersions:detail", args=[immersion.pk])
        renewal = " (renouvellement)" if immersion.renewal_of_id else ""
        cancelled = immersion.status == ImmersionStatus.CANCELLED
        events.append(
            TimelineEvent(
                immersion.start,
                "briefcase",
                f"PMSMP{renewal} chez {immersion.host.name}",
                f"{immersion.get_objective_display()} · {immersion.rome_job} · "
                f"du {fr(immersion.start)} au {fr(immersion.end)} · {immersion.get_status_display()}.",
                "secondary" if cancelled else "info",
                link,
                "Voir la PMSMP",
            )
        )
        if immersion.evaluated_on:
            events.append(
                TimelineEvent(
                    immersion.evaluated_on,
                    "clipboard-check",
                    f"Évaluation du tuteur de la PMSMP chez {immersion.host.name}",
                    "",
                    "info",
                    link,
                    "Voir l'évaluation",
                )
            )
        if immersion.outcome:
            events.append(
                TimelineEvent(
                    immersion.outcome_date,
                    "person-check" if immersion.is_hired else "signpost",
                    f"Suite de la PMSMP chez {immersion.host.name} : {immersion.get_outcome_display()}",
                    "",
                    "success" if immersion.is_hired else "secondary",
                )
            )
    return events


def person_section(person, *, scope):
    """The block of this app on the person page, or None when the viewer may not see it."""
    if not can_read_immersions(scope):
        return None
    immersions = person_immersions(person)
    return PersonSection(
        template="immersions/_person_section.html",
        title="Immersions en entreprise (PMSMP)",
        context={
            "immersions": immersions[:5],
            "more": max(0, len(immersions) - 5),
            "can_manage_immersions": can_manage_immersions(scope),
        },
    )
