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
        context["team_count"] = structure_team(scope.structure).count()
    if scope.has_role(Role.SUPERVISOR):
        context["my_supports"] = list(supervised_supports(scope))
    return context
