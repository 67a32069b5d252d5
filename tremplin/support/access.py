"""Who may read and write the support records, from the acting scope.

- the page and the journal lines (date, kind, duration, author) and the objectives: the staff of
  the structure;
- the obstacles, the ordinary notes and the referrals: director, counsellor, supervisor;
- the sensitive rows (health, justice, debts obstacles; sensitive notes; referrals for health or
  debts, or to a justice, addiction or child-welfare body): counsellor and director only, and
  every display is logged (audit.services.sensitive_read_record);
- writes: counsellor and director. Prescribers and funders: nothing (404).
See docs/decisions/0012-support-visibility.md."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import STAFF_ROLES, Role
from tremplin.accounts.scope import Scope
from tremplin.people.access import people_in_scope

from .models import Appointment, Diagnosis, Objective, PartnerReferral

READER_ROLES = STAFF_ROLES
WRITER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})
DETAIL_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR})
SENSITIVE_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})
# The roles that see the échéancier (core.views.ALERT_ROLES).
ALERT_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})


def can_read_support(scope: Scope) -> bool:
    return scope.role in READER_ROLES


def can_write_support(scope: Scope) -> bool:
    return scope.role in WRITER_ROLES


def can_read_details(scope: Scope) -> bool:
    """Obstacles, ordinary notes, referrals (not the sensitive ones)."""
    return scope.role in DETAIL_ROLES


def can_read_sensitive(scope: Scope) -> bool:
    return scope.role in SENSITIVE_ROLES


def _people(scope: Scope):
    return people_in_scope(scope) if can_read_support(scope) else people_in_scope(scope).none()


def diagnoses_in_scope(scope: Scope) -> QuerySet[Diagnosis]:
    return Diagnosis.objects.filter(person__in=_people(scope))


def objectives_in_scope(scope: Scope) -> QuerySet[Objective]:
    return Objective.objects.filter(person__in=_people(scope))


def appointments_in_scope(scope: Scope) -> QuerySet[Appointment]:
    return Appointment.objects.filter(person__in=_people(scope))


def partner_referrals_in_scope(scope: Scope) -> QuerySet[PartnerReferral]:
    if not can_read_details(scope):
        return PartnerReferral.objects.none()
    return PartnerReferral.objects.filter(person__in=_people(scope))


def get_objective_or_404(scope: Scope, pk: int) -> Objective:
    return get_object_or_404(objectives_in_scope(scope).select_related("person__structure"), pk=pk)


def get_appointment_or_404(scope: Scope, pk: int) -> Appointment:
    return get_object_or_404(appointments_in_scope(scope).select_related("person__structure"), pk=pk)


def get_partner_referral_or_404(scope: Scope, pk: int) -> PartnerReferral:
    return get_object_or_404(partner_referrals_in_scope(scope).select_related("person__structure", "partner"), pk=pk)


def get_partner_or_404(scope: Scope, pk: int):
    """A partner of the directory of the current ACI's organisation (direction and CIP, like the page)."""
    from .selectors import partner_directory

    return get_object_or_404(partner_directory(scope), pk=pk)


def get_own_appointment_or_404(scope: Scope, pk: int) -> Appointment:
    """An appointment that the user wrote, to correct it (direction and CIP): 404 for the others'."""
    if not can_write_support(scope):
        raise Http404("Entretien introuvable.")
    appointments = appointments_in_scope(scope).filter(author=scope.user)
    return get_object_or_404(appointments.select_related("person__structure"), pk=pk)
