import pytest
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import UserFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory

EXPECTED = {
    Role.DIRECTOR: ["Journal d'audit", "ETP réalisés en", "etp-chart", "Les bilans des parcours"],
    Role.COUNSELLOR: ["Mes personnes accompagnées", "Les bilans à faire et à signer"],
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
    assert "bientôt" not in response.text  # every announced page is built


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


def test_a_long_bar_is_grouped_in_menus_and_a_short_one_is_not(client, make_member, structure):
    client.force_login(make_member(Role.DIRECTOR, structure))
    page = client.get(reverse("reporting:dashboard")).text
    assert 'data-bs-toggle="dropdown"' in page and "Accompagnement" in page and "Pilotage" in page
    # The menu holding the current page is marked active, and so is the page's own entry.
    assert 'class="nav-link dropdown-toggle text-nowrap active"' in page
    assert 'class="dropdown-item active" href="/indicateurs/" aria-current="page"' in page
    client.force_login(make_member(Role.FUNDER, structure))
    page = client.get(reverse("core:home")).text
    assert "Pilotage" not in page and 'href="/indicateurs/"' in page and 'href="/financements/"' in page
