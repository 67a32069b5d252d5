"""Fixtures shared by every app's tests."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory, StructureFactory


def give_second_factor(user) -> None:
    """An enrolled TOTP authenticator, as a user who went through the enrolment would have."""
    TOTP.activate(user, generate_totp_secret())


@pytest.fixture
def structure(db):
    return StructureFactory(name="Val Vert")


@pytest.fixture
def other_structure(db):
    return StructureFactory(name="Autre ACI SENTINELLE")


@pytest.fixture
def make_member(db):
    """make_member(role, structure) -> a user holding that role there (with a second factor when the role needs one)."""

    def make(role: Role, structure, *, second_factor: bool = True, **user_fields):
        user = UserFactory(**user_fields)
        MembershipFactory(user=user, role=role, structure=structure)
        if second_factor and role in (Role.DIRECTOR, Role.ADMIN_STAFF):
            give_second_factor(user)
        return user

    return make


@pytest.fixture
def director(make_member, structure):
    return make_member(Role.DIRECTOR, structure)


@pytest.fixture
def director_client(client, director):
    client.force_login(director)
    return client


@pytest.fixture
def support(structure):
    return ProductionSupportFactory(structure=structure, name="Berges du Lez")
