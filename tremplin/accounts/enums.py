from django.db import models


class Role(models.TextChoices):
    DIRECTOR = "director", "Direction"
    COUNSELLOR = "counsellor", "Conseiller·ère en insertion (CIP)"
    SUPERVISOR = "supervisor", "Encadrant·e technique"
    ADMIN_STAFF = "admin_staff", "Administratif / RH"
    PRESCRIBER = "prescriber", "Prescripteur"
    FUNDER = "funder", "Financeur"


# Staff of the structure: they see its case data, within their role's limits.
STAFF_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF})
# External roles: a prescriber sees only what its partner referred; a funder only aggregates.
EXTERNAL_ROLES = frozenset({Role.PRESCRIBER, Role.FUNDER})
# Privileged roles: a second factor is required (CNIL 2022-100).
MFA_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF})
