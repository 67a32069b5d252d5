"""The acting user's scope: which ACI, in which role. Every query on case data starts here.

A user may hold roles in several ACI (and an organisation-level director covers every ACI of
the organisation). The UI lets them switch the current *context*: one (membership, ACI) pair,
kept in the session. The scope of a request is built from that context only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tremplin.organisations.models import Structure

from .enums import EXTERNAL_ROLES, STAFF_ROLES, Role
from .models import Membership, User

SESSION_KEY = "tremplin_context"


@dataclass(frozen=True)
class Context:
    membership: Membership
    structure: Structure

    @property
    def key(self) -> str:
        return f"{self.membership.pk}:{self.structure.pk}"

    @property
    def role(self) -> Role:
        return Role(self.membership.role)

    @property
    def label(self) -> str:
        return f"{self.structure.name} · {self.membership.get_role_display()}"


@dataclass(frozen=True)
class Scope:
    user: User
    context: Context | None = None
    # Every ACI whose records this context may open (the current one, or all the ACI of the
    # organisation for an organisation-level director). Lists show the current ACI only.
    structure_ids: frozenset[int] = field(default_factory=frozenset)
    # Every context the user may switch to (for the header's switcher).
    contexts: tuple[Context, ...] = ()

    @property
    def role(self) -> Role | None:
        return self.context.role if self.context else None

    @property
    def structure(self) -> Structure | None:
        return self.context.structure if self.context else None

    @property
    def membership(self) -> Membership | None:
        return self.context.membership if self.context else None

    @property
    def is_organisation_director(self) -> bool:
        return bool(self.context and self.context.membership.organisation_id)

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    @property
    def is_structure_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_external(self) -> bool:
        return self.role in EXTERNAL_ROLES


def available_contexts(user: User) -> list[Context]:
    """All the (membership, ACI) pairs a user can act in, in a stable order."""
    if not user.is_authenticated:
        return []
    memberships = (
        Membership.objects.filter(user=user, is_active=True)
        .select_related("structure__organisation", "organisation")
        .order_by("pk")
    )
    contexts: list[Context] = []
    for membership in memberships:
        if membership.structure_id:
            contexts.append(Context(membership=membership, structure=membership.structure))
        else:
            for structure in membership.organisation.structures.order_by("name"):
                contexts.append(Context(membership=membership, structure=structure))
    return contexts


def build_scope(user: User, chosen_key: str | None) -> Scope:
    contexts = available_contexts(user)
    if not contexts:
        return Scope(user=user)
    context = next((c for c in contexts if c.key == chosen_key), contexts[0])
    if context.membership.organisation_id:
        ids = frozenset(
            Structure.objects.filter(organisation_id=context.membership.organisation_id).values_list("pk", flat=True)
        )
    else:
        ids = frozenset({context.structure.pk})
    return Scope(user=user, context=context, structure_ids=ids, contexts=tuple(contexts))
