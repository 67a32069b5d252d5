"""What each home page shows, read from the acting scope."""

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.organisations.selectors import production_support_list, structure_team, supervised_supports


def home_context(scope: Scope) -> dict:
    if scope.role is None:
        return {}
    context: dict = {"structure": scope.structure}
    if scope.is_structure_staff:
        supports = production_support_list(scope)
        context["supports_count"] = supports.count()
    if scope.has_role(Role.DIRECTOR):
        from django.utils import timezone

        from tremplin.people.selectors import PeopleFilters, Stage, people_list

        context["team_count"] = structure_team(scope.structure).count()
        context.update(_etp_context(scope.structure, timezone.localdate()))
        context["under_contract_count"] = people_list(
            scope, PeopleFilters(stage=Stage.UNDER_CONTRACT), today=timezone.localdate()
        ).count()
    if scope.has_role(Role.SUPERVISOR):
        context["my_supports"] = list(supervised_supports(scope))
    return context


def _etp_context(structure, today) -> dict:
    """The FTE block of the director's home: the annex in force (month by month, cumulative,
    projection against the ETP conventioned), else the calendar year month by month."""
    from tremplin.funding.selectors import annex_in_force, annex_progress, progress_chart
    from tremplin.worktime.figures import etp_by_month
    from tremplin.worktime.rules import MissingReferenceHours

    try:
        annex = annex_in_force(structure, today)
        if annex is not None:
            progress = annex_progress(annex, today=today)
            return {"annex": annex, "progress": progress, "progress_chart": progress_chart(progress)}
        months = etp_by_month(structure, today.year)
    except MissingReferenceHours as error:  # a reference row missing: say so, do not fail the page
        return {"etp_error": str(error), "etp_months": []}
    chart = {
        "unit": "ETP",
        "labels": [f"{m.month:%m/%Y}" for m in months],
        "series": [
            {
                "label": "ETP réalisés",
                "kind": "bar",
                "color": "#1d5c4d",
                "values": [float(round(m.etp, 2)) for m in months],
            }
        ],
    }
    return {"etp_months": months, "etp_chart": chart}
