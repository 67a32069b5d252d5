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
        from tremplin.worktime.rules import MissingReferenceHours
        from tremplin.worktime.selectors import etp_by_month

        try:
            months = etp_by_month(scope.structure, timezone.localdate().year)
        except MissingReferenceHours as error:  # a reference row missing: say so, do not fail the page
            months = []
            context["etp_error"] = str(error)
        context["etp_months"] = months
        context["etp_chart"] = {
            "labels": [f"{m.month:%m/%Y}" for m in months],
            "etp": [float(round(m.etp, 2)) for m in months],
        }
        context["under_contract_count"] = people_list(
            scope, PeopleFilters(stage=Stage.UNDER_CONTRACT), today=timezone.localdate()
        ).count()
    if scope.has_role(Role.SUPERVISOR):
        context["my_supports"] = list(supervised_supports(scope))
    return context
