"""Who may see and move referrals, from the acting scope."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope
from tremplin.partners.enums import SENSITIVE_KINDS

from .models import InformationSession, Referral, ReferralAttachment, ReferralTransition

# Counsellors and direction handle recruitment; supervisors and HR see the pipeline but not the
# referrals of justice, addiction or child-welfare bodies (domain.md: sensitive referrals).
MANAGER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})
READER_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF})


def referrals_in_scope(scope: Scope) -> QuerySet[Referral]:
    if scope.role not in READER_ROLES:
        return Referral.objects.none()
    referrals = Referral.objects.filter(structure_id__in=scope.structure_ids)
    if scope.role not in MANAGER_ROLES:
        referrals = referrals.exclude(partner__kind__in=SENSITIVE_KINDS)
    return referrals


def transitions_in_scope(scope: Scope) -> QuerySet[ReferralTransition]:
    return ReferralTransition.objects.filter(referral__in=referrals_in_scope(scope))


def get_referral_or_404(scope: Scope, pk: int) -> Referral:
    return get_object_or_404(referrals_in_scope(scope).select_related("person", "partner", "structure"), pk=pk)


def get_attachment_or_404(scope: Scope, pk: int) -> ReferralAttachment:
    return get_object_or_404(ReferralAttachment.objects.filter(referral__in=referrals_in_scope(scope)), pk=pk)


def sessions_in_scope(scope: Scope) -> QuerySet[InformationSession]:
    if scope.role not in MANAGER_ROLES:
        return InformationSession.objects.none()
    return InformationSession.objects.filter(structure_id__in=scope.structure_ids)


def get_session_or_404(scope: Scope, pk: int) -> InformationSession:
    return get_object_or_404(sessions_in_scope(scope), pk=pk)


def can_manage_referrals(scope: Scope) -> bool:
    return scope.role in MANAGER_ROLES
