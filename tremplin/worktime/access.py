"""Who may fill, validate and export hours, from the acting scope."""

from django.db.models import QuerySet

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.contracts.access import contracts_in_scope

from .models import TimesheetEntry

# A supervisor fills the hours of the team; direction and HR too. HR validates the month and
# produces the monthly statement and the payroll export, as does the direction.
TIMESHEET_ROLES = frozenset({Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN_STAFF})
MONTH_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF})


def entries_in_scope(scope: Scope) -> QuerySet[TimesheetEntry]:
    """The lines of the contracts in the scope, for the roles that fill the sheet."""
    if scope.role not in TIMESHEET_ROLES:
        return TimesheetEntry.objects.none()
    return TimesheetEntry.objects.filter(contract__in=contracts_in_scope(scope))


def can_manage_months(scope: Scope) -> bool:
    """The monthly statement, its validation and the payroll export."""
    return scope.role in MONTH_ROLES


TEMPLATE_PREDICATES = {"manage_months": can_manage_months}
