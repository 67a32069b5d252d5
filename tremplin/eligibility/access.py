"""Who may see and record eligibility, from the acting scope. Diagnoses and PASS belong to a
person: the people access layer decides who reaches them."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.people.access import people_in_scope

from .enums import SENSITIVE_CRITERIA, Criterion
from .models import Approval, DiagnosisCriterion, EligibilityDiagnosis

MANAGER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})
# Some criteria reveal health or justice information (AAH, RQTH, justice, ASE): named to
# counsellors and direction only.
SENSITIVE_READER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})


def approvals_in_scope(scope: Scope) -> QuerySet[Approval]:
    return Approval.objects.filter(person__in=people_in_scope(scope)).select_related("person")


def diagnoses_in_scope(scope: Scope) -> QuerySet[EligibilityDiagnosis]:
    return EligibilityDiagnosis.objects.filter(person__in=people_in_scope(scope)).select_related("person")


def get_approval_or_404(scope: Scope, pk: int) -> Approval:
    return get_object_or_404(approvals_in_scope(scope), pk=pk)


def can_manage_eligibility(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES


def can_read_sensitive_criteria(scope: Scope) -> bool:
    return scope.role in SENSITIVE_READER_ROLES


def get_criterion_or_404(scope: Scope, pk: int) -> DiagnosisCriterion:
    """A criterion (and its proof) of a person in the scope; the sensitive ones only for the
    roles that may read them."""
    criteria = DiagnosisCriterion.objects.filter(diagnosis__person__in=people_in_scope(scope))
    if not can_read_sensitive_criteria(scope):
        criteria = criteria.exclude(criterion__in=SENSITIVE_CRITERIA)
    return get_object_or_404(criteria, pk=pk)


def readable_criteria(scope: Scope) -> list[str]:
    """The criteria this role may read (and name in a write)."""
    return [c for c in Criterion.values if can_read_sensitive_criteria(scope) or c not in SENSITIVE_CRITERIA]


def get_diagnosis_or_404(scope: Scope, pk: int) -> EligibilityDiagnosis:
    return get_object_or_404(diagnoses_in_scope(scope), pk=pk)


def diagnoses_with_readable_criteria(scope: Scope) -> QuerySet[EligibilityDiagnosis]:
    """The diagnoses of the scope, each with the criteria this role may read (prefetched)."""
    criteria = DiagnosisCriterion.objects.order_by("criterion")
    if not can_read_sensitive_criteria(scope):
        criteria = criteria.exclude(criterion__in=SENSITIVE_CRITERIA)
    return diagnoses_in_scope(scope).prefetch_related(Prefetch("criteria", queryset=criteria))


def approvals_changed_since(scope: Scope, since) -> QuerySet[Approval]:
    """The PASS IAE of the scope created, prolonged or suspended since `since`."""
    return approvals_in_scope(scope).filter(
        Q(created_at__gte=since) | Q(prolongations__created_at__gte=since) | Q(suspensions__created_at__gte=since)
    )
