"""Who may fill, validate and export hours, from the acting scope."""

from tremplin.accounts.enums import Role

# A supervisor fills the hours of the team; direction and HR too. HR validates the month and
# produces the monthly statement and the payroll export, as does the direction.
TIMESHEET_ROLES = frozenset({Role.SUPERVISOR, Role.DIRECTOR, Role.ADMIN_STAFF})
MONTH_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF})
