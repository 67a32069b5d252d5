import pytest
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import SESSION_KEY, build_scope
from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
from tremplin.organisations.tests.factories import OrganisationFactory, ProductionSupportFactory, StructureFactory


def test_a_user_without_membership_has_an_empty_scope(db):
    scope = build_scope(UserFactory(), None)
    assert scope.role is None
    assert scope.structure_ids == frozenset()


def test_structure_membership_scopes_to_that_structure(structure):
    membership = MembershipFactory(structure=structure, role=Role.COUNSELLOR)
    StructureFactory(organisation=structure.organisation)
    scope = build_scope(membership.user, None)
    assert scope.role == Role.COUNSELLOR
    assert scope.structure_ids == {structure.pk}


def test_organisation_director_sees_every_structure_of_the_organisation(db):
    organisation = OrganisationFactory()
    first, second = StructureFactory(organisation=organisation), StructureFactory(organisation=organisation)
    StructureFactory()  # another organisation
    user = UserFactory()
    MembershipFactory(user=user, role=Role.DIRECTOR, structure=None, organisation=organisation)
    scope = build_scope(user, None)
    assert scope.is_organisation_director
    assert scope.structure_ids == {first.pk, second.pk}
    assert {c.structure for c in scope.contexts} == {first, second}


def test_switching_context_changes_role_and_structure(client, db):
    user = UserFactory()
    a, b = StructureFactory(name="ACI A"), StructureFactory(name="ACI B")
    MembershipFactory(user=user, role=Role.COUNSELLOR, structure=a)
    member_b = MembershipFactory(user=user, role=Role.SUPERVISOR, structure=b)
    support_b = ProductionSupportFactory(structure=b)
    client.force_login(user)
    detail = reverse("worktime:support_detail", args=[support_b.pk])
    assert client.get(detail).status_code == 404  # current context: ACI A
    response = client.post(reverse("accounts:switch_context"), {"context": f"{member_b.pk}:{b.pk}", "next": detail})
    assert response.status_code == 302
    assert response["Location"] == detail
    assert client.session[SESSION_KEY] == f"{member_b.pk}:{b.pk}"
    response = client.get(detail)
    assert response.status_code == 200
    assert "ACI B · Encadrant·e technique" in response.text


def test_switching_to_a_context_that_is_not_yours_is_a_404(client, db):
    user = UserFactory()
    MembershipFactory(user=user, structure=StructureFactory())
    foreign = MembershipFactory(structure=StructureFactory())
    client.force_login(user)
    response = client.post(reverse("accounts:switch_context"), {"context": f"{foreign.pk}:{foreign.structure_id}"})
    assert response.status_code == 404


def test_switch_refuses_an_external_next_url(client, structure):
    membership = MembershipFactory(structure=structure)
    client.force_login(membership.user)
    response = client.post(
        reverse("accounts:switch_context"),
        {"context": f"{membership.pk}:{structure.pk}", "next": "https://exemple.org/"},
    )
    assert response["Location"] == reverse("core:home")


def test_an_inactive_membership_gives_no_access(client, structure):
    membership = MembershipFactory(structure=structure, is_active=False)
    scope = build_scope(membership.user, None)
    assert scope.role is None


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.PRESCRIBER])
def test_only_directors_may_hold_an_organisation_role(db, role):
    from django.core.exceptions import ValidationError

    from tremplin.accounts.services import membership_create

    with pytest.raises(ValidationError, match="Seule la direction"):
        membership_create(user=UserFactory(), role=role, organisation=OrganisationFactory())
