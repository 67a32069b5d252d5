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
        context["under_contract_count"] = people_list(
            scope, PeopleFilters(stage=Stage.UNDER_CONTRACT), today=timezone.localdate()
        ).count()
    if scope.has_role(Role.SUPERVISOR):
        context["my_supports"] = list(supervised_supports(scope))
    return context
