import pytest
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.organisations.models import ProductionSupport
from tremplin.organisations.tests.factories import ProductionSupportFactory, StructureFactory


def test_support_list_shows_only_the_current_structure(director_client, structure, support):
    ProductionSupportFactory(name="Chantier d'ailleurs")
    response = director_client.get(reverse("organisations:support_list"))
    assert response.status_code == 200
    assert "Berges du Lez" in response.text
    assert "Chantier d'ailleurs" not in response.text


def test_support_list_query_count_is_pinned(director_client, structure, make_member, django_assert_num_queries):
    supervisor = make_member(Role.SUPERVISOR, structure)
    ProductionSupportFactory.create_batch(3, structure=structure, supervisor=supervisor)
    director_client.get(reverse("organisations:support_list"))  # warm the session
    with django_assert_num_queries(7):
        first = director_client.get(reverse("organisations:support_list"))
    ProductionSupportFactory.create_batch(20, structure=structure, supervisor=supervisor)
    with django_assert_num_queries(7):
        second = director_client.get(reverse("organisations:support_list"))
    assert first.status_code == second.status_code == 200


def test_empty_state(director_client):
    response = director_client.get(reverse("organisations:support_list"))
    assert "Aucun atelier ni chantier" in response.text


def test_filter_by_kind(director_client, structure):
    ProductionSupportFactory(structure=structure, kind="workshop", name="Atelier cuisine")
    ProductionSupportFactory(structure=structure, kind="worksite", name="Chantier parc")
    response = director_client.get(reverse("organisations:support_list") + "?type=workshop")
    assert "Atelier cuisine" in response.text
    assert "Chantier parc" not in response.text


def test_director_creates_a_support(director_client, structure, make_member):
    supervisor = make_member(Role.SUPERVISOR, structure)
    response = director_client.post(
        reverse("organisations:support_create"),
        {
            "kind": "worksite",
            "name": "Parc Méric",
            "sector": "green_spaces",
            "client": "Ville de Montpellier",
            "planned_start": "2026-12-01",
            "planned_end": "2027-05-31",
            "supervisor": supervisor.pk,
        },
    )
    support = ProductionSupport.objects.get(name="Parc Méric")
    assert response.status_code == 302
    assert response["Location"] == reverse("worktime:support_detail", args=[support.pk])
    assert support.structure == structure


def test_invalid_form_keeps_input_and_names_the_rule(director_client):
    response = director_client.post(
        reverse("organisations:support_create"),
        {
            "kind": "worksite",
            "name": "Parc Méric",
            "sector": "green_spaces",
            "planned_start": "2026-12-01",
            "planned_end": "2026-11-01",
        },
    )
    assert response.status_code == 200
    assert "La fin prévue doit être postérieure ou égale au début prévu." in response.text
    assert 'value="Parc Méric"' in response.text
    assert not ProductionSupport.objects.exists()


def test_supervisor_from_another_structure_is_not_offered(director_client, make_member):
    outsider = make_member(Role.SUPERVISOR, StructureFactory(), last_name="Étrangère")
    response = director_client.get(reverse("organisations:support_create"))
    assert "Étrangère" not in response.text
    response = director_client.post(
        reverse("organisations:support_create"),
        {"kind": "worksite", "name": "X", "sector": "green_spaces", "supervisor": outsider.pk},
    )
    assert response.status_code == 200
    assert not ProductionSupport.objects.exists()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF])
def test_staff_reads_but_only_the_director_writes(client, make_member, structure, support, role):
    client.force_login(make_member(role, structure))
    assert client.get(reverse("worktime:support_detail", args=[support.pk])).status_code == 200
    assert client.get(reverse("organisations:support_create")).status_code == 404
    assert client.get(reverse("organisations:support_update", args=[support.pk])).status_code == 404
    assert client.get(reverse("organisations:structure_update", args=[structure.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_see_no_production_data(client, make_member, structure, support, role):
    client.force_login(make_member(role, structure))
    assert client.get(reverse("organisations:support_list")).status_code == 404
    assert client.get(reverse("worktime:support_detail", args=[support.pk])).status_code == 404
    assert client.get(reverse("organisations:structure_detail", args=[structure.pk])).status_code == 404


def test_director_updates_the_structure(director_client, structure):
    response = director_client.post(
        reverse("organisations:structure_update", args=[structure.pk]),
        {"name": "Val Vert", "address": "1 rue Haute", "postal_code": "34000", "city": "Montpellier"},
    )
    assert response.status_code == 302
    structure.refresh_from_db()
    assert structure.address == "1 rue Haute"


def test_worksites_by_year(director_client, structure):
    from datetime import date

    ProductionSupportFactory(
        structure=structure, name="Chantier 2025", planned_start=date(2025, 3, 1), planned_end=date(2025, 9, 30)
    )
    ProductionSupportFactory(
        structure=structure, name="Chantier 2025-2026", planned_start=date(2025, 10, 1), planned_end=date(2026, 6, 30)
    )
    ProductionSupportFactory(
        structure=structure, name="Chantier 2026", planned_start=date(2026, 2, 1), planned_end=date(2026, 11, 30)
    )
    page = director_client.get(reverse("organisations:support_list"))
    assert "2026 (1)" in page.text and "2025 (2)" in page.text
    text = director_client.get(reverse("organisations:support_list"), {"type": "worksite", "annee": 2026}).text
    assert "Chantier 2025-2026" in text and "Chantier 2026" in text and ">Chantier 2025<" not in text
