"""Who reads the indicators: the director (of the ACI, or of the structure porteuse for all its
ACI), the HR assistant, and the funder, who reads aggregates only (the indicators hold no name)."""

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

READ_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF, Role.FUNDER})

# The list of RSA co-financing names the employees: the Département receives it from the ACI, so
# the direction and HR produce it; the funder role reads aggregates only.
NAMED_LIST_ROLES = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF})


def get_report_or_404(scope, pk: int):
    """A review belongs to its requester, in the ACI where it was asked for: 404 for anyone else."""
    from django.shortcuts import get_object_or_404

    from .models import ReportRequest

    reports = ReportRequest.objects.filter(requested_by=scope.user, structure_id=scope.structure.pk)
    return get_object_or_404(reports, pk=pk)


def can_read_named_lists(scope: Scope) -> bool:
    """Lists that name people (the Département's RSA list): direction and HR, never the funder."""
    return scope.role in NAMED_LIST_ROLES


TEMPLATE_PREDICATES = {"read_named_lists": can_read_named_lists}
