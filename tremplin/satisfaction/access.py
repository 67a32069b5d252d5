"""Who may collect, read and publish the employees' opinion, from the acting scope.

- The questionnaire is collected (shared tablet, invitations) by the director and counsellors.
- The aggregated results, anonymous, are read by the director, counsellors and administrative staff.
- Testimonials are written by the director and counsellors; the publishable ones (consented and
  published) are read by administrative staff as well.
Supervisors and external roles get 404 everywhere."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

from .models import Testimonial

COLLECT_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})
RESULTS_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})
TESTIMONIAL_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR})
PUBLISHABLE_ROLES = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})


def can_collect(scope: Scope) -> bool:
    return scope.role in COLLECT_ROLES


def can_manage_testimonials(scope: Scope) -> bool:
    return scope.role in TESTIMONIAL_ROLES


def testimonials_in_scope(scope: Scope) -> QuerySet[Testimonial]:
    """Every testimonial for those who manage them; the publishable ones for the other readers."""
    if scope.role in TESTIMONIAL_ROLES:
        return Testimonial.objects.filter(structure_id__in=scope.structure_ids)
    if scope.role in PUBLISHABLE_ROLES:
        return Testimonial.objects.filter(
            structure_id__in=scope.structure_ids, published=True, consent_revoked_on__isnull=True
        )
    return Testimonial.objects.none()


def get_testimonial_or_404(scope: Scope, pk: int) -> Testimonial:
    """A testimonial to manage: director and counsellors only."""
    if scope.role not in TESTIMONIAL_ROLES:
        return get_object_or_404(Testimonial.objects.none(), pk=pk)
    return get_object_or_404(testimonials_in_scope(scope).select_related("person", "structure"), pk=pk)


def get_readable_testimonial_or_404(scope: Scope, pk: int) -> Testimonial:
    return get_object_or_404(testimonials_in_scope(scope), pk=pk)


TEMPLATE_PREDICATES = {"collect_satisfaction": can_collect}
