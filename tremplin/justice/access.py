"""Who may see and record justice measures (domain.md 7 and 13; decision 0016).

- The counsellors and the director of the ACI read and write them.
- A prescriber acting for a SPIP reads (never writes) the measures of the people that SPIP
  referred to the ACI (a `recruitment.Referral` of the person from their partner).
- Everyone else (supervisors, HR, funders, other prescribers) gets nothing: 404 on the pages,
  no section on the person page, no event in the timeline, no alert."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.partners.enums import PartnerKind
from tremplin.recruitment.models import Referral

from .models import JusticeMeasure, OrientationSession

MANAGER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})


def can_manage_justice(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES


def is_spip_prescriber(scope: Scope) -> bool:
    """A prescriber acting for a SPIP (reads the measures of the people their SPIP referred)."""
    membership = scope.membership
    return (
        scope.role == Role.PRESCRIBER
        and membership is not None
        and membership.partner_id is not None
        and membership.partner.kind == PartnerKind.SPIP
    )


def can_read_justice(scope: Scope) -> bool:
    return can_manage_justice(scope) or is_spip_prescriber(scope)


def measures_in_scope(scope: Scope) -> QuerySet[JusticeMeasure]:
    measures = JusticeMeasure.objects.filter(structure_id__in=scope.structure_ids)
    if can_manage_justice(scope):
        return measures
    if is_spip_prescriber(scope):
        referred = Referral.objects.filter(
            structure_id__in=scope.structure_ids,
            partner_id=scope.membership.partner_id,
            partner__kind=PartnerKind.SPIP,
        )
        return measures.filter(person__in=referred.values("person"))
    return JusticeMeasure.objects.none()


def get_measure_or_404(scope: Scope, pk: int) -> JusticeMeasure:
    return get_object_or_404(measures_in_scope(scope).select_related("person", "spip", "structure"), pk=pk)


def sessions_in_scope(scope: Scope) -> QuerySet[OrientationSession]:
    if not can_manage_justice(scope):
        return OrientationSession.objects.none()
    return OrientationSession.objects.filter(structure_id__in=scope.structure_ids)


def get_session_or_404(scope: Scope, pk: int) -> OrientationSession:
    return get_object_or_404(sessions_in_scope(scope), pk=pk)
