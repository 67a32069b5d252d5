"""The skills pages through HTTP: who reads, who writes, the evolution on the person page, the
certificate PDF, the query count of the list."""

import html
import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.skills import services
from tremplin.skills.models import SkillEvaluation, SkillGrid

from .conftest import levels


def text(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())  # any run of spaces: one


@pytest.fixture
def evaluated(grid, supervisor, contract):
    base = {"actor": supervisor, "person": contract.person, "grid": grid, "evaluator": supervisor}
    services.evaluation_create(**base, evaluated_on=date(2026, 2, 2), levels=levels(grid, 2, 1, None, 1))
    return services.evaluation_create(
        **base, evaluated_on=date(2026, 5, 4), levels=levels(grid, 4, 3, 2, 3), comment="Très motivée, suivi CSAPA"
    )


def login(client, make_member, role, structure):
    user = make_member(role, structure)
    client.force_login(user)
    return user


def test_the_supervisor_evaluates_from_the_person_page(client, supervisor, grid, contract):
    client.force_login(supervisor)
    person = contract.person
    url = reverse("skills:evaluation_create", args=[person.pk])
    page = text(client.get(url))
    assert "Grille <strong>Espaces verts</strong>" in page and "Tonte et débroussaillage" in page
    criteria = list(grid.criteria.order_by("group", "order"))
    form = {"evaluated_on": "2026-06-01", "evaluator": supervisor.pk, "comment": "Bonne semaine"}
    form.update({f"level_{c.pk}": level for c, level in zip(criteria, ["3", "4", "", "2"], strict=True)})
    response = client.post(url, form, follow=True)
    assert "L'évaluation des compétences de Amina Diallo est enregistrée." in text(response)
    evaluation = SkillEvaluation.objects.get()
    assert {r.criterion.label: r.level for r in evaluation.ratings.all()} == {
        "Ponctualité": 3,
        "Travail en équipe": 4,
        "Tonte et débroussaillage": None,
        "Taille des haies": 2,
    }


def test_a_refused_evaluation_shows_the_rule_in_french(client, supervisor, grid, contract):
    client.force_login(supervisor)
    criteria = list(grid.criteria.all())
    form = {"evaluated_on": "2026-07-01", "evaluator": supervisor.pk, **{f"level_{c.pk}": "3" for c in criteria}}
    response = client.post(reverse("skills:evaluation_create", args=[contract.person.pk]), form)
    assert response.status_code == 200
    assert "La date de l'évaluation (01/07/2026) ne peut pas être dans le futur." in text(response)
    assert not SkillEvaluation.objects.exists()


def test_the_person_page_shows_the_evolution(client, supervisor, evaluated):
    client.force_login(supervisor)
    page = text(client.get(reverse("people:detail", args=[evaluated.person.pk])))
    assert "Évolution sur la grille Espaces verts" in page
    assert "02/02/26" in page and "04/05/26" in page
    assert "Évaluation des compétences : Espaces verts" in page  # the timeline
    assert "3 critères acquis ou maîtrisés sur 4 évalués" in page
    assert "il y a plus de 4 mois" not in page


def test_the_person_page_warns_when_the_last_evaluation_is_over_four_months_old(client, supervisor, grid, contract):
    services.evaluation_create(
        actor=supervisor,
        person=contract.person,
        grid=grid,
        evaluated_on=date(2026, 2, 2),
        evaluator=supervisor,
        levels=levels(grid, 2, 2, 2, 2),
    )
    client.force_login(supervisor)
    page = text(client.get(reverse("people:detail", args=[contract.person.pk])))
    assert "Dernière évaluation des compétences le 02/02/2026, il y a plus de 4 mois" in page


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF])
def test_the_staff_read_evaluations(client, make_member, structure, evaluated, role):
    login(client, make_member, role, structure)
    assert client.get(reverse("skills:list")).status_code == 200
    assert client.get(reverse("skills:grid_list")).status_code == 200
    page = text(client.get(reverse("skills:evaluation_detail", args=[evaluated.pk])))
    assert "Maîtrisé" in page and "Très motivée" in page


def test_admin_staff_reads_only(client, make_member, structure, evaluated, grid):
    login(client, make_member, Role.ADMIN_STAFF, structure)
    assert "Évaluer" not in text(client.get(reverse("people:detail", args=[evaluated.person.pk])))
    for url in (
        reverse("skills:evaluation_create", args=[evaluated.person.pk]),
        reverse("skills:evaluation_update", args=[evaluated.pk]),
        reverse("skills:grid_create"),
        reverse("skills:grid_update", args=[grid.pk]),
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url


def test_the_counsellor_evaluates_but_does_not_write_grids(client, make_member, structure, evaluated, grid):
    login(client, make_member, Role.COUNSELLOR, structure)
    assert client.get(reverse("skills:evaluation_create", args=[evaluated.person.pk])).status_code == 200
    assert client.get(reverse("skills:evaluation_update", args=[evaluated.pk])).status_code == 200
    assert client.get(reverse("skills:grid_create")).status_code == 404
    assert client.get(reverse("skills:grid_update", args=[grid.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_get_404(client, make_member, structure, evaluated, role):
    login(client, make_member, role, structure)
    for url in (
        reverse("skills:list"),
        reverse("skills:grid_list"),
        reverse("skills:evaluation_detail", args=[evaluated.pk]),
        reverse("skills:certificate", args=[evaluated.person.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_the_director_creates_a_grid_from_a_template_then_edits_it(director_client, structure):
    page = text(director_client.get(reverse("skills:grid_create") + "?modele=maraichage"))
    assert "Semis et repiquage" in page and "Ponctualité" in page
    form = {
        "name": "Maraîchage",
        "rome_code": "a1414",
        "soft_criteria": "Ponctualité\nAssiduité",
        "trade_criteria": "Semis",
    }
    response = director_client.post(reverse("skills:grid_create"), form, follow=True)
    assert "La grille d'évaluation est enregistrée." in text(response)
    grid = SkillGrid.objects.get(structure=structure)
    assert grid.rome_job.code == "A1414" and grid.criteria.count() == 3
    form["rome_code"] = "Z0000"
    response = director_client.post(reverse("skills:grid_update", args=[grid.pk]), form)
    assert "Code ROME inconnu : Z0000." in text(response)


def test_the_certificate_is_a_pdf_for_an_employer_without_sensitive_data(client, supervisor, evaluated):
    person = evaluated.person
    person.nir_encrypted = ""
    client.force_login(supervisor)
    response = client.get(reverse("skills:certificate", args=[person.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    content = pdf_text(response)
    assert "Attestation de compétences" in content
    assert "Amina DIALLO" in content
    assert "Agent d'entretien des espaces verts" in content and "A1203" in content
    assert "depuis le 05/01/2026" in content
    assert "Ponctualité" in content and "Maîtrisé" in content and "Tonte et débroussaillage" not in content
    assert "Paul Girard" in content and "15/06/2026" in content
    for secret in ("CSAPA", "Très motivée", "RSA", "15/06/1990", "CDDI", "12,02", "26 h"):
        assert secret not in content, secret


def test_no_certificate_without_a_contract(client, supervisor, person):
    client.force_login(supervisor)
    response = client.get(reverse("skills:certificate", args=[person.pk]), follow=True)
    assert "L'attestation de compétences suppose un contrat" in text(response)


def test_the_list_shows_who_to_evaluate_in_a_fixed_number_of_queries(
    client, supervisor, grid, evaluated, structure, django_assert_max_num_queries
):
    for i in range(6):
        person = PersonFactory(structure=structure, last_name=f"Salarie{i}")
        ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 12, 31))
        services.evaluation_create(
            actor=supervisor,
            person=person,
            grid=grid,
            evaluated_on=date(2026, 1, 20),
            evaluator=supervisor,
            levels=levels(grid, 3, 3, 3, 3),
        )
    client.force_login(supervisor)
    with django_assert_max_num_queries(14):
        page = text(client.get(reverse("skills:list")))
    assert "SALARIE5" in page
    assert page.count("4 sur 4") == 6
