"""Reads of the training app: the ACI's training list, the programmes with their rates, the
figures of a period for the reports, the person page's block and timeline events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse

from tremplin.accounts.scope import Scope
from tremplin.kernel.formats import fr, hours_fr
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent
from tremplin.worktime.figures import sum_hours

from . import rules
from .access import can_manage_trainings, can_see_programmes, programmes_in_scope, trainings_in_scope
from .enums import SAT_EXAM, Employment, ExamResult, PhaseKind, TrainingResult
from .models import Enrolment, ProgrammePhase, QualificationProgramme, TrainingAction

# An enrolment "finished" when the person went to the end of the programme (decision 0015).
FINISHED = Q(enrolments__left_on__isnull=False, enrolments__left_early=False)


@dataclass(frozen=True)
class TrainingFilters:
    kind: str = ""
    result: str = ""
    start: date | None = None  # the actions meeting [start, end]
    end: date | None = None


def training_list(scope: Scope, filters: TrainingFilters = TrainingFilters()) -> QuerySet[TrainingAction]:
    """The current ACI's training actions, newest first."""
    trainings = trainings_in_scope(scope).filter(structure=scope.structure).select_related("person")
    if filters.kind:
        trainings = trainings.filter(kind=filters.kind)
    if filters.result:
        trainings = trainings.filter(result=filters.result)
    if filters.start:
        trainings = trainings.filter(end__gte=filters.start)
    if filters.end:
        trainings = trainings.filter(start__lte=filters.end)
    return trainings.order_by("-start", "-pk")


# Programmes and their rates


@dataclass(frozen=True)
class ProgrammeFigures:
    enrolled: int = 0
    sat_exam: int = 0  # passed, failed or partial
    passed: int = 0
    finished: int = 0  # went to the end of the programme
    employed: int = 0  # among those who finished
    company_weeks: int = 0

    @property
    def company_weeks_warning(self) -> str | None:
        return rules.company_weeks_warning(self.company_weeks)

    @property
    def success_rate(self) -> Decimal | None:
        return rules.rate(self.passed, self.sat_exam)

    @property
    def employment_rate(self) -> Decimal | None:
        return rules.rate(self.employed, self.finished)

    @property
    def success_rate_fr(self) -> str:
        return rules.percent_fr(self.success_rate)

    @property
    def employment_rate_fr(self) -> str:
        return rules.percent_fr(self.employment_rate)


def _with_counts(programmes: QuerySet[QualificationProgramme]) -> QuerySet[QualificationProgramme]:
    """The programmes with their enrolment counts (one join) and their weeks in companies (a
    subquery, so that the phases do not multiply the enrolments)."""
    company_weeks = (
        ProgrammePhase.objects.filter(programme=OuterRef("pk"), kind=PhaseKind.COMPANY)
        .order_by()
        .values("programme")
        .annotate(total=Sum("weeks"))
        .values("total")
    )
    return programmes.annotate(
        n_enrolled=Count("enrolments"),
        n_sat_exam=Count("enrolments", filter=Q(enrolments__exam_result__in=sorted(SAT_EXAM))),
        n_passed=Count("enrolments", filter=Q(enrolments__exam_result=ExamResult.PASSED)),
        n_finished=Count("enrolments", filter=FINISHED),
        n_employed=Count("enrolments", filter=FINISHED & Q(enrolments__employment=Employment.YES)),
        n_company_weeks=Coalesce(Subquery(company_weeks, output_field=IntegerField()), 0),
    )


def _figures_of(programme) -> ProgrammeFigures:
    return ProgrammeFigures(
        enrolled=programme.n_enrolled,
        sat_exam=programme.n_sat_exam,
        passed=programme.n_passed,
        finished=programme.n_finished,
        employed=programme.n_employed,
        company_weeks=programme.n_company_weeks,
    )


def programme_list(scope: Scope) -> list[tuple[QualificationProgramme, ProgrammeFigures]]:
    """The current ACI's programmes with their figures, newest first (one query)."""
    programmes = _with_counts(programmes_in_scope(scope).filter(structure=scope.structure)).order_by("-start", "-pk")
    return [(programme, _figures_of(programme)) for programme in programmes]


def programme_figures(programme: QualificationProgramme) -> ProgrammeFigures:
    annotated = _with_counts(QualificationProgramme.objects.filter(pk=programme.pk)).get()
    return _figures_of(annotated)


def programme_enrolments(programme: QualificationProgramme) -> QuerySet[Enrolment]:
    return programme.enrolments.select_related("person").order_by("person__last_name", "person__first_name", "pk")


# Figures of a period, for the reports


def training_figures(structure_ids, start: date, end: date) -> dict:
    """The training figures of some ACI over [start, end], in 4 queries:
    - trainings, people_trained, hours, certifications_aimed: the actions meeting the period;
    - by_kind: those actions by kind;
    - certifications_passed / _failed / _partial: results dated within the period;
    - programmes: those meeting the period, with all their enrolments (decision 0015)."""
    structure_ids = list(structure_ids)
    meeting = TrainingAction.objects.filter(structure_id__in=structure_ids, start__lte=end, end__gte=start)
    totals = meeting.aggregate(
        trainings=Count("pk"),
        people_trained=Count("person", distinct=True),
        hours=sum_hours("hours"),
        certifications_aimed=Count("pk", filter=~Q(certification="")),
    )
    by_kind = {
        row["kind"]: row["n"] for row in meeting.order_by().values("kind").annotate(n=Count("pk")).order_by("kind")
    }
    results = TrainingAction.objects.filter(
        structure_id__in=structure_ids, result_on__gte=start, result_on__lte=end
    ).aggregate(
        passed=Count("pk", filter=Q(result=TrainingResult.PASSED)),
        failed=Count("pk", filter=Q(result=TrainingResult.FAILED)),
        partial=Count("pk", filter=Q(result=TrainingResult.PARTIAL)),
    )
    programmes = []
    for programme in _with_counts(
        QualificationProgramme.objects.filter(structure_id__in=structure_ids, start__lte=end, end__gte=start)
    ).order_by("start", "pk"):
        figures = _figures_of(programme)
        programmes.append(
            {
                "name": programme.name,
                "enrolled": figures.enrolled,
                "sat_exam": figures.sat_exam,
                "passed": figures.passed,
                "success_rate": figures.success_rate,
                "finished": figures.finished,
                "employed": figures.employed,
                "employment_rate": figures.employment_rate,
            }
        )
    return {
        "trainings": totals["trainings"],
        "people_trained": totals["people_trained"],
        "hours": totals["hours"] if totals["hours"] is not None else Decimal("0.00"),
        "by_kind": by_kind,
        "certifications_aimed": totals["certifications_aimed"],
        "certifications_passed": results["passed"],
        "certifications_failed": results["failed"],
        "certifications_partial": results["partial"],
        "programmes": programmes,
    }


# The person page


def _result_event(training: TrainingAction) -> TimelineEvent | None:
    if training.result == TrainingResult.IN_PROGRESS or training.result_on is None:
        return None
    tones = {
        TrainingResult.PASSED: ("award", "success", f"Certification obtenue : {training.certification}"),
        TrainingResult.PARTIAL: ("award", "info", f"Validation partielle : {training.certification}"),
        TrainingResult.FAILED: ("x-circle", "danger", f"Échec à la certification : {training.certification}"),
        TrainingResult.COMPLETED: ("check-circle", "secondary", f"Formation terminée : {training.title}"),
        TrainingResult.ABANDONED: ("slash-circle", "warning", f"Formation abandonnée : {training.title}"),
    }
    icon, tone, title = tones[training.result]
    return TimelineEvent(training.result_on, icon, title, training.title, tone)


def timeline_events(person, *, scope) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    for training in trainings_in_scope(scope).filter(person=person):
        aimed = f" Certification visée : {training.certification}." if training.certification else ""
        events.append(
            TimelineEvent(
                training.start,
                "mortarboard",
                f"Formation : {training.title}",
                f"{training.get_kind_display()}, du {fr(training.start)} au {fr(training.end)}, "
                f"{hours_fr(training.hours)} h, {training.organisation} "
                f"(financement : {training.get_funder_display()}).{aimed}",
                "info",
            )
        )
        result = _result_event(training)
        if result:
            events.append(result)
    if can_see_programmes(scope):
        enrolments = Enrolment.objects.filter(person=person, programme__in=programmes_in_scope(scope))
        for enrolment in enrolments.select_related("programme"):
            events.append(
                TimelineEvent(
                    enrolment.enrolled_on,
                    "mortarboard-fill",
                    f"Entrée dans le programme {enrolment.programme.name}",
                    f"Certification visée : {enrolment.programme.certification}.",
                    "info",
                    reverse("training:programme_detail", args=[enrolment.programme_id]),
                    "Voir le programme",
                )
            )
            if enrolment.left_on:
                outcome = f"Examen : {enrolment.get_exam_result_display().lower()}. "
                outcome += f"À l'issue : {enrolment.get_employment_display().lower()}"
                outcome += f" ({enrolment.job})." if enrolment.job else "."
                events.append(
                    TimelineEvent(
                        enrolment.left_on,
                        "flag",
                        ("Abandon du programme " if enrolment.left_early else "Fin du programme ")
                        + enrolment.programme.name,
                        outcome,
                        "warning" if enrolment.left_early else "success",
                    )
                )
    return events


def person_section(person, *, scope):
    """The training block of the person page: their actions and programmes, for the ACI's staff."""
    if not scope.is_structure_staff:
        return None
    trainings = list(trainings_in_scope(scope).filter(person=person).order_by("-start", "-pk"))
    enrolments = []
    if can_see_programmes(scope):
        enrolments = list(
            Enrolment.objects.filter(person=person, programme__in=programmes_in_scope(scope))
            .select_related("programme")
            .order_by("-enrolled_on")
        )
    return PersonSection(
        template="training/_person_section.html",
        title="Formations et qualification",
        context={
            "trainings": trainings,
            "enrolments": enrolments,
            "can_manage_trainings": can_manage_trainings(scope),
            "hours_total": sum((t.hours for t in trainings), Decimal(0)),
        },
    )
