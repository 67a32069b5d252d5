"""Writes on justice measures, their hours and the collective sessions. The rules are in
rules.py; a refused write raises a ValidationError naming the rule, in French."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.partners.enums import PartnerKind
from tremplin.partners.models import Partner
from tremplin.people.models import Person

from . import rules
from .enums import HOURS_KINDS, MeasureStatus, Presence
from .models import JusticeAttendance, JusticeMeasure, OrientationAttendance, OrientationSession
from .selectors import hours_done, hours_on_day

NOT_A_SPIP = "Le partenaire choisi n'est pas un SPIP de l'annuaire de la structure porteuse."
SESSION_OTHER_STRUCTURE = "Cette mesure n'est pas suivie dans l'ACI de la session."
SESSION_NOT_FOR_HOURS = "Seule une mesure de TIG en cours peut être inscrite à une session collective."
SESSION_IN_FUTURE = "La présence se note le jour de la session ou après : la session du {day} n'a pas encore eu lieu."


def _check_spip(*, spip: Partner, person: Person) -> None:
    if spip.kind != PartnerKind.SPIP or spip.organisation_id != person.structure.organisation_id:
        raise ValidationError({"spip": NOT_A_SPIP})


def _check_terms(
    *,
    kind: str,
    offence: str,
    ordered_on: date,
    hours_ordered: int | None,
    deadline: date | None,
    start: date | None,
    end: date | None,
    today: date,
) -> date | None:
    """Check the terms of a measure; return the deadline to store (the 18-month default when the
    judge set none)."""
    raise_if("ordered_on", rules.check_order_day(ordered_on=ordered_on, today=today))
    raise_if("hours_ordered", rules.check_hours_ordered(kind=kind, offence=offence, hours=hours_ordered))
    if kind not in HOURS_KINDS:
        errors = rules.check_period(kind=kind, ordered_on=ordered_on, start=start, end=end)
        if errors:
            raise ValidationError(errors)
        return None
    deadline = deadline or rules.default_deadline(ordered_on)
    raise_if("deadline", rules.check_deadline(ordered_on=ordered_on, deadline=deadline))
    return deadline


@transaction.atomic
def measure_create(
    *,
    actor: User,
    person: Person,
    kind: str,
    offence: str,
    ordered_on: date,
    spip: Partner,
    hours_ordered: int | None = None,
    deadline: date | None = None,
    start: date | None = None,
    end: date | None = None,
    referent_name: str = "",
    referent_phone: str = "",
    referent_email: str = "",
    notes: str = "",
) -> JusticeMeasure:
    _check_spip(spip=spip, person=person)
    deadline = _check_terms(
        kind=kind,
        offence=offence,
        ordered_on=ordered_on,
        hours_ordered=hours_ordered,
        deadline=deadline,
        start=start,
        end=end,
        today=timezone.localdate(),
    )
    counts_hours = kind in HOURS_KINDS
    measure = JusticeMeasure(
        structure=person.structure,
        person=person,
        kind=kind,
        offence=offence,
        ordered_on=ordered_on,
        hours_ordered=hours_ordered,
        deadline=deadline,
        start=None if counts_hours else start,
        end=None if counts_hours else end,
        spip=spip,
        referent_name=referent_name,
        referent_phone=referent_phone,
        referent_email=referent_email,
        notes=notes,
        created_by=actor,
    )
    measure.full_clean()
    measure.save()
    return measure


@transaction.atomic
def measure_update(
    *,
    measure: JusticeMeasure,
    offence: str,
    ordered_on: date,
    spip: Partner,
    status: str,
    hours_ordered: int | None = None,
    deadline: date | None = None,
    start: date | None = None,
    end: date | None = None,
    referent_name: str = "",
    referent_phone: str = "",
    referent_email: str = "",
    notes: str = "",
) -> JusticeMeasure:
    """Change the terms (a new decision of the judge), the SPIP referent, the state or the notes.
    The kind never changes; a TIG is marked executed only when all its hours are done."""
    measure = JusticeMeasure.objects.select_for_update().get(pk=measure.pk)
    _check_spip(spip=spip, person=measure.person)
    deadline = _check_terms(
        kind=measure.kind,
        offence=offence,
        ordered_on=ordered_on,
        hours_ordered=hours_ordered,
        deadline=deadline,
        start=start,
        end=end,
        today=timezone.localdate(),
    )
    if measure.counts_hours:
        done = hours_done(measure)
        raise_if("hours_ordered", rules.check_hours_not_below_done(hours_ordered=hours_ordered, done=done))
        if status == MeasureStatus.COMPLETED:
            raise_if("status", rules.check_completion(done=done, ordered=hours_ordered))
        outside = measure.attendances.exclude(day__range=(ordered_on, deadline)).order_by("day").first()
        if outside is not None:
            raise_if(
                "deadline",
                rules.ATTENDANCE_OUTSIDE.format(
                    ordered_on=rules.fr(ordered_on), deadline=rules.fr(deadline), day=rules.fr(outside.day)
                ),
            )
    else:
        measure.start, measure.end = start, end
    measure.offence = offence
    measure.ordered_on = ordered_on
    measure.hours_ordered = hours_ordered if measure.counts_hours else None
    measure.deadline = deadline
    measure.spip = spip
    measure.status = status
    measure.referent_name = referent_name
    measure.referent_phone = referent_phone
    measure.referent_email = referent_email
    measure.notes = notes
    measure.full_clean()
    measure.save()
    return measure


def _check_attendance(*, measure: JusticeMeasure, day: date, hours: Decimal) -> None:
    if not measure.counts_hours:
        raise ValidationError(rules.ATTENDANCE_NO_HOURS.format(kind=measure.get_kind_display().lower()))
    if measure.status != MeasureStatus.IN_PROGRESS:
        raise ValidationError(rules.ATTENDANCE_CLOSED.format(status=measure.get_status_display().lower()))
    if hours <= 0:
        raise_if("hours", rules.ATTENDANCE_HOURS_POSITIVE)
    raise_if(
        "day",
        rules.check_attendance_day(
            day=day, ordered_on=measure.ordered_on, deadline=measure.deadline, today=timezone.localdate()
        ),
    )
    raise_if(
        "hours",
        rules.check_day_limit(
            person=str(measure.person), day=day, before=hours_on_day(measure.person, day), hours=hours
        ),
    )
    raise_if("hours", rules.check_total(done=hours_done(measure), hours=hours, ordered=measure.hours_ordered))


@transaction.atomic
def attendance_record(
    *, actor: User, measure: JusticeMeasure, day: date, hours: Decimal, activity: str
) -> JusticeAttendance:
    """Add hours done on a TIG: within the decision and the deadline, 10 h a day at most for the
    person, never beyond the hours ordered."""
    measure = JusticeMeasure.objects.select_for_update().select_related("person").get(pk=measure.pk)
    _check_attendance(measure=measure, day=day, hours=hours)
    attendance = JusticeAttendance(measure=measure, day=day, hours=hours, activity=activity, recorded_by=actor)
    attendance.full_clean()
    attendance.save()
    return attendance


@transaction.atomic
def session_create(
    *,
    actor: User,
    structure,
    kind: str,
    day: date,
    title: str,
    place: str,
    facilitator: str,
    hours: Decimal,
) -> OrientationSession:
    session = OrientationSession(
        structure=structure,
        kind=kind,
        day=day,
        title=title,
        place=place,
        facilitator=facilitator,
        hours=hours,
        created_by=actor,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_record_presence(
    *, actor: User, session: OrientationSession, measure: JusticeMeasure, presence: str
) -> OrientationAttendance:
    """Record whether the person of `measure` came. Present: the session's hours are added to the
    measure (with every rule of attendance_record); no longer present: those hours are removed."""
    if measure.structure_id != session.structure_id:
        raise ValidationError({"measure": SESSION_OTHER_STRUCTURE})
    if session.day > timezone.localdate():
        raise ValidationError(SESSION_IN_FUTURE.format(day=rules.fr(session.day)))
    row = OrientationAttendance.objects.select_for_update().filter(session=session, measure=measure).first()
    if row is None:
        if not measure.counts_hours or measure.status != MeasureStatus.IN_PROGRESS:
            raise ValidationError({"measure": SESSION_NOT_FOR_HOURS})
        row = OrientationAttendance(session=session, measure=measure)
    previous = row.attendance
    row.presence = presence
    row.recorded_by = actor
    if presence == Presence.PRESENT and previous is None:
        row.attendance = attendance_record(
            actor=actor, measure=measure, day=session.day, hours=session.hours, activity=session.activity
        )
    elif presence != Presence.PRESENT:
        row.attendance = None
    row.full_clean()
    row.save()
    if presence != Presence.PRESENT and previous is not None:
        previous.delete()
    return row
