import pytest
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import UserFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory

EXPECTED = {
    Role.DIRECTOR: ["Journal d'audit", "ETP réalisés en", "etp-chart", "bientôt"],
    Role.COUNSELLOR: ["Mes personnes accompagnées", "bientôt"],
    Role.SUPERVISOR: ["Mes ateliers et chantiers", "Feuilles d'heures de l'équipe"],
    Role.ADMIN_STAFF: ["Relevé mensuel (EMI)", "Export paie"],
    Role.PRESCRIBER: ["Suivre mes orientations"],
    Role.FUNDER: ["Aucune donnée nominative"],
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_its_home(client, make_member, structure, role):
    client.force_login(make_member(role, structure, first_name="Camille"))
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    assert "Bonjour Camille" in response.text
    for text in EXPECTED[role]:
        assert text in response.text


@pytest.mark.parametrize("role", list(Role))
def test_navigation_follows_the_role(client, make_member, structure, role):
    client.force_login(make_member(role, structure))
    response = client.get(reverse("core:home"))
    assert ('href="/journal/"' in response.text) == (role == Role.DIRECTOR)
    assert ('href="/supports/"' in response.text) == (role not in (Role.PRESCRIBER, Role.FUNDER))


def test_supervisor_home_lists_their_supports(client, make_member, structure):
    supervisor = make_member(Role.SUPERVISOR, structure)
    ProductionSupportFactory(structure=structure, supervisor=supervisor, name="Jardin partagé")
    ProductionSupportFactory(structure=structure, name="Chantier d'un collègue")
    client.force_login(supervisor)
    response = client.get(reverse("core:home"))
    assert "Jardin partagé" in response.text
    assert "Chantier d'un collègue" not in response.text


def test_user_without_role(client, db):
    client.force_login(UserFactory())
    response = client.get(reverse("core:home"))
    assert "aucun rôle" in response.text


def test_funder_home_shows_no_names(client, make_member, structure):
    make_member(Role.COUNSELLOR, structure, last_name="Nominatif")
    client.force_login(make_member(Role.FUNDER, structure))
    assert "Nominatif" not in client.get(reverse("core:home")).text
