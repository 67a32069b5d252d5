"""Reads of the justice app: hours done, lists, the person page's block, the timeline events,
the alerts of the échéancier, and the log of sensitive reads of what is shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from tremplin.audit.services import sensitive_read_record
from tremplin.kernel.alerts import Alert
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent
from tremplin.worktime.figures import sum_hours

from . import rules
from .access import can_manage_justice, measures_in_scope, sessions_in_scope
from .enums import HOURS_KINDS, MeasureStatus, Presence
from .models import JusticeAttendance, JusticeMeasure, OrientationAttendance, OrientationSession
from .rules import fr, hours_fr

ZERO = Decimal(0)


def hours_done(measure: JusticeMeasure) -> Decimal:
    """The hours done on a measure: the sum of its attendances (exact on SQLite too)."""
    return JusticeAttendance.objects.filter(measure=measure).aggregate(total=sum_hours())["total"] or ZERO


def hours_on_day(person, day: date) -> Decimal:
    """The hours a person already did on `day`, on all their measures."""
    rows = JusticeAttendance.objects.filter(measure__person=person, day=day)
    return rows.aggregate(total=sum_hours())["total"] or ZERO


def with_hours_done(measures: QuerySet[JusticeMeasure]) -> QuerySet[JusticeMeasure]:
    """Annotate `done` (hours done, None when there are none: use `progress_of`)."""
    return measures.annotate(done=sum_hours("attendances__hours"))


@dataclass(frozen=True)
class Progress:
    done: Decimal
    ordered: int
    percent: int

    @property
    def remaining(self) -> Decimal:
        return max(Decimal(self.ordered) - self.done, ZERO)

    @property
    def done_label(self) -> str:
        return hours_fr(self.done)

    @property
    def remaining_label(self) -> str:
        return hours_fr(self.remaining)


def progress_of(measure: JusticeMeasure) -> Progress | None:
    """Hours done against hours ordered, for a TIG (None for a measure without hours). Reads
    `measure.done` when annotated (with_hours_done), else sums the attendances."""
    if not measure.counts_hours:
        return None
    done = measure.__dict__["done"] if "done" in measure.__dict__ else hours_done(measure)
    done = Decimal(done or 0)
    percent = int(min(done * 100 / measure.hours_ordered, 100)) if measure.hours_ordered else 0
    return Progress(done=done, ordered=measure.hours_ordered, percent=percent)


def measure_list(scope, *, status: str = "") -> QuerySet[JusticeMeasure]:
    """The measures of the current ACI the viewer may read, with their hours done."""
    measures = measures_in_scope(scope).filter(structure=scope.structure)
    if status:
        measures = measures.filter(status=status)
    return with_hours_done(measures.select_related("person", "spip")).order_by("status", "-ordered_on", "-pk")


def measure_attendances(measure: JusticeMeasure) -> QuerySet[JusticeAttendance]:
    return measure.attendances.select_related("recorded_by", "session_attendance__session").order_by("-day", "-pk")


def person_label(person, scope) -> str:
    """How a person is named to the viewer: in full for the ACI's staff; first name and initial
    for a SPIP prescriber (as in recruitment's prescriber pages)."""
    if can_manage_justice(scope):
        return f"{person.last_name.upper()} {person.first_name}"
    return f"{person.first_name} {person.last_name[:1].upper()}."


def measure_read_label(measure: JusticeMeasure) -> str:
    return f"Mesure de justice du {fr(measure.ordered_on)}"


def record_measure_reads(scope, measures) -> int:
    """Log that the viewer has just been shown these measures (one line each)."""
    by_person: dict[int, list[JusticeMeasure]] = {}
    for measure in measures:
        by_person.setdefault(measure.person_id, []).append(measure)
    return sum(
        sensitive_read_record(scope=scope, person=rows[0].person, records=rows, label=measure_read_label)
        for rows in by_person.values()
    )


# The person page


def timeline_events(person, *, scope) -> list[TimelineEvent]:
    """The measures and the collective sessions of the person, for counsellors and direction only."""
    if scope is None or not can_manage_justice(scope):
        return []
    events: list[TimelineEvent] = []
    for measure in measures_in_scope(scope).filter(person=person).select_related("spip"):
        if measure.counts_hours:
            detail = f"{measure.hours_ordered} h à effectuer avant le {fr(measure.deadline)} · {measure.spip}"
        else:
            detail = f"Du {fr(measure.start)} au {fr(measure.end)} · {measure.spip}"
        events.append(
            TimelineEvent(
                measure.ordered_on,
                "bank",
                f"Mesure de justice : {measure.get_kind_display()}",
                detail,
                "secondary",
                link=reverse("justice:detail", args=[measure.pk]),
                link_label="Voir la mesure",
            )
        )
    sessions = OrientationAttendance.objects.filter(
        measure__in=measures_in_scope(scope).filter(person=person)
    ).select_related("session")
    for row in sessions:
        events.append(
            TimelineEvent(
                row.session.day,
                "people",
                f"{row.session.get_kind_display()} : {row.session.title}",
                row.get_presence_display(),
                "secondary",
            )
        )
    return events


def person_section(person, *, scope) -> PersonSection | None:
    """The person's measures with their progress, for counsellors and direction; their display is
    logged as a sensitive read."""
    if not can_manage_justice(scope):
        return None
    measures = list(with_hours_done(measures_in_scope(scope).filter(person=person)).order_by("-ordered_on", "-pk"))
    for measure in measures:
        measure.person = person
    record_measure_reads(scope, measures)
    return PersonSection(
        template="justice/_person_section.html",
        title="Mesures de justice",
        context={"justice_rows": [(measure, progress_of(measure)) for measure in measures]},
    )


# The échéancier


def due_alerts(scope, *, today: date) -> list[Alert]:
    """TIG in progress with hours still to do whose deadline is within 60 days (or past), for
    counsellors and direction only."""
    if not can_manage_justice(scope):
        return []
    measures = with_hours_done(
        measures_in_scope(scope).filter(
            structure=scope.structure,
            status=MeasureStatus.IN_PROGRESS,
            kind__in=list(HOURS_KINDS),
            deadline__lte=today + timedelta(days=rules.ALERT_DAYS),
        )
    ).select_related("person")
    alerts = []
    for measure in measures:
        progress = progress_of(measure)
        if not rules.deadline_alert_due(
            deadline=measure.deadline, today=today, done=progress.done, ordered=measure.hours_ordered
        ):
            continue
        late = " (échéance dépassée)" if measure.deadline < today else ""
        alerts.append(
            Alert(
                measure.deadline,
                "Échéance de TIG",
                measure.person,
                f"{progress.remaining_label} h de TIG restent à faire sur {measure.hours_ordered} h, "
                f"avant le {fr(measure.deadline)}{late}.",
                url_name="justice:detail",
                url_pk=measure.pk,
            )
        )
    return alerts


# Collective sessions


def session_list(scope) -> QuerySet[OrientationSession]:
    return (
        sessions_in_scope(scope)
        .filter(structure=scope.structure)
        .annotate(present_count=Count("attendances", filter=Q(attendances__presence=Presence.PRESENT)))
        .order_by("-day", "-pk")
    )


def session_attendances(session: OrientationSession) -> QuerySet[OrientationAttendance]:
    return (
        OrientationAttendance.objects.filter(session=session)
        .select_related("measure__person")
        .order_by("measure__person__last_name", "measure__person__first_name")
    )


def session_candidates(session: OrientationSession) -> QuerySet[JusticeMeasure]:
    """The TIG in progress of the session's ACI not yet on the session."""
    return (
        JusticeMeasure.objects.filter(
            structure=session.structure, status=MeasureStatus.IN_PROGRESS, kind__in=list(HOURS_KINDS)
        )
        .exclude(session_attendances__session=session)
        .select_related("person")
        .order_by("person__last_name", "person__first_name")
    )
