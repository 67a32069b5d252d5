"""The funding pages: who reads, who writes, the French refusals, the query count."""

import html
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.funding.models import Convention, FinancialAnnex, Grant

from .factories import ConventionFactory, FinancialAnnexFactory


def text(response) -> str:
    """The page as read: entities decoded, no-break spaces as spaces."""
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2025, 6, 15), tick=False):
        yield


@pytest.fixture
def annex(structure):
    return FinancialAnnexFactory(
        convention__structure=structure, number="ACI034250012", start=date(2025, 1, 1), end=date(2025, 12, 31)
    )


def test_director_records_a_convention_then_its_annex(director_client, structure):
    response = director_client.post(
        reverse("funding:convention_create"),
        {"reference": "DDETS34-2025-12", "start": "2025-01-01", "end": "2027-12-31", "signed_on": "2024-12-12"},
        follow=True,
    )
    assert "La convention est enregistrée" in text(response)
    convention = Convention.objects.get(structure=structure)
    form = {
        "number": "ACI034250012",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "etp_conventioned": "12,5",
        "modulated_part": "4,5",
        "dynamic_exit_target": "60",
        "amount": "312 000,00",
    }
    response = director_client.post(reverse("funding:annex_create", args=[convention.pk]), form, follow=True)
    assert "L'annexe financière est enregistrée" in text(response), response.text
    annex = FinancialAnnex.objects.get()
    assert annex.etp_conventioned == Decimal("12.5") and annex.amount == Decimal(312000)
    assert "ACI034250012" in text(director_client.get(reverse("funding:home")))


def test_a_refused_annex_keeps_what_was_typed_and_names_the_rule(director_client, structure):
    convention = ConventionFactory(structure=structure)
    form = {
        "number": "ACI035250012",
        "start": "2025-01-01",
        "end": "2025-12-31",
        "etp_conventioned": "12",
        "modulated_part": "0",
        "dynamic_exit_target": "60",
    }
    response = director_client.post(reverse("funding:annex_create", args=[convention.pk]), form)
    assert response.status_code == 200
    assert "porte le département 35, alors que l'ACI est dans le département 34" in text(response)
    assert 'value="ACI035250012"' in text(response)
    assert not FinancialAnnex.objects.exists()


def test_an_amendment_changes_the_figures_from_its_date(director_client, annex):
    response = director_client.post(
        reverse("funding:annex_amend", args=[annex.pk]),
        {"effective_from": "2025-07-01", "etp_conventioned": "14", "reason": "Dialogue de gestion"},
        follow=True,
    )
    assert "L'avenant est enregistré" in text(response)
    assert "du 01/07/2025 au 31/12/2025" in text(response)


def test_director_home_shows_the_annex_in_force(director_client, annex):
    page = director_client.get(reverse("core:home"))
    assert f"ETP de l'annexe {annex.number}" in text(page)
    assert 'data-chart="annex-data"' in text(page)
    assert "Aucune heure n'est encore saisie" in text(page)


@pytest.mark.parametrize("role", [Role.ADMIN_STAFF, Role.FUNDER])
def test_hr_and_funder_read_but_do_not_write(client, make_member, structure, annex, role):
    client.force_login(make_member(role, structure))
    page = client.get(reverse("funding:home"))
    assert page.status_code == 200 and annex.number in text(page)
    assert "Nouvelle convention" not in text(page)
    assert client.get(reverse("funding:convention_create")).status_code == 404
    assert client.post(reverse("funding:annex_amend", args=[annex.pk]), {}).status_code == 404


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.PRESCRIBER])
def test_other_roles_do_not_see_the_funding(client, make_member, structure, annex, role):
    client.force_login(make_member(role, structure))
    assert client.get(reverse("funding:home")).status_code == 404
    assert client.get(reverse("funding:annex_detail", args=[annex.pk])).status_code == 404


def test_another_structures_annex_is_not_found(client, make_member, other_structure, annex):
    client.force_login(make_member(Role.DIRECTOR, other_structure))
    assert client.get(reverse("funding:annex_detail", args=[annex.pk])).status_code == 404
    assert annex.number not in text(client.get(reverse("funding:home")))


def test_grants_are_recorded_and_deleted(director_client, structure):
    response = director_client.post(
        reverse("funding:grant_create"),
        {
            "funder": "region",
            "funder_name": "Région Occitanie",
            "amount": "12 500",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "purpose": "Formations",
        },
        follow=True,
    )
    assert "12 500,00 EUR" in text(response)
    grant = Grant.objects.get()
    ask = director_client.get(reverse("funding:grant_delete", args=[grant.pk]))
    assert "Supprimer cette subvention ?" in text(ask) and "Région Occitanie" in text(ask)
    assert Grant.objects.exists()  # asking deletes nothing
    response = director_client.post(reverse("funding:grant_delete", args=[grant.pk]), follow=True)
    assert "La subvention de Région Occitanie (Formations) est supprimée." in text(response)
    assert not Grant.objects.exists()


def test_funding_home_query_count_does_not_grow_with_annexes(director_client, structure, django_assert_max_num_queries):
    convention = ConventionFactory(structure=structure)
    for year in (2025, 2026, 2027):
        FinancialAnnexFactory(convention=convention, start=date(year, 1, 1), end=date(year, 12, 31))
    director_client.get(reverse("funding:home"))
    with django_assert_max_num_queries(20) as captured:
        director_client.get(reverse("funding:home"))
    few = len(captured)
    ConventionFactory(structure=structure, reference="autre", start=date(2028, 1, 1), end=date(2028, 12, 31))
    with django_assert_max_num_queries(few):
        director_client.get(reverse("funding:home"))
