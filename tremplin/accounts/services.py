"""Writes on users and memberships. Each service is atomic and raises a ValidationError whose
message names the rule in French."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from tremplin.organisations.models import Organisation, Structure

from .enums import Role
from .models import Membership, User

ORGANISATION_ROLE_DIRECTOR_ONLY = (
    "Seule la direction peut avoir un rôle sur toute une structure porteuse ; les autres rôles portent sur un ACI."
)
PRESCRIBER_PARTNER = (
    "Un prescripteur relève d'un organisme partenaire de l'annuaire de la structure porteuse, "
    "et seul un prescripteur en a un."
)
MEMBERSHIP_DUPLICATE = "Cet utilisateur a déjà un rôle dans {where}."


@transaction.atomic
def user_create(
    *, email: str, first_name: str, last_name: str, password: str | None = None, check_password: bool = True
) -> User:
    user = User(email=email.strip().lower(), first_name=first_name, last_name=last_name)
    if password and check_password:
        validate_password(password, user)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def membership_create(
    *,
    user: User,
    role: Role,
    structure: Structure | None = None,
    organisation: Organisation | None = None,
    partner=None,
) -> Membership:
    if organisation is not None and role != Role.DIRECTOR:
        raise ValidationError(ORGANISATION_ROLE_DIRECTOR_ONLY)
    if (role == Role.PRESCRIBER) != (partner is not None):
        raise ValidationError(PRESCRIBER_PARTNER)
    if partner is not None and structure is not None and partner.organisation_id != structure.organisation_id:
        raise ValidationError(PRESCRIBER_PARTNER)
    existing = Membership.objects.filter(user=user)
    if structure is not None and existing.filter(structure=structure).exists():
        raise ValidationError(MEMBERSHIP_DUPLICATE.format(where=structure))
    if organisation is not None and existing.filter(organisation=organisation).exists():
        raise ValidationError(MEMBERSHIP_DUPLICATE.format(where=organisation))
    membership = Membership(user=user, role=role, structure=structure, organisation=organisation, partner=partner)
    membership.full_clean()
    membership.save()
    return membership
