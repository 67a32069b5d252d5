"""The pages through HTTP: access per role, the forms and their French messages, the convention
PDF read back, and the list page's query count."""

import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tremplin.accounts.enums import Role
from tremplin.immersions import rules
from tremplin.immersions.enums import ImmersionStatus, Objective, Outcome
from tremplin.immersions.models import HostCompany, Immersion
from tremplin.people.tests.factories import PersonFactory

from .factories import ImmersionFactory, valid_siret

pytestmark = pytest.mark.usefixtures("frozen")

READERS = [Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF]
MANAGERS = [Role.DIRECTOR, Role.COUNSELLOR]
READ_ONLY = [Role.SUPERVISOR, Role.ADMIN_STAFF]
EXTERNAL = [Role.PRESCRIBER, Role.FUNDER]


@pytest.fixture
def immersion(person, contract, host, counsellor):
    return ImmersionFactory(
        person=person,
        contract=contract,
        host=host,
        referent=counsellor,
        objective=Objective.CONFIRM,
        start=date(2026, 2, 16),
        end=date(2026, 2, 27),
        status=ImmersionStatus.DONE,
        protective_equipment="Chaussures de sécurité, gants",
        risks="Outils coupants",
    )


@pytest.fixture
def login(client, make_member, structure):
    def as_role(role):
        client.force_login(make_member(role, structure))
        return client

    return as_role


def form_data(host, rome, contract, **overrides):
    data = {
        "host": host.pk,
        "contract": contract.pk,
        "objective": Objective.DISCOVER,
        "rome_job": rome.pk,
        "place": "Lattes",
        "start": "2026-03-02",
        "end": "2026-03-13",
        "weekly_schedule": "Du lundi au vendredi, 8 h – 12 h",
        "total_hours": "40,5",
        "cddi_during": "continues",
        "tutor_name": "Julie Castan",
        "tutor_function": "Cheffe d'équipe",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("role", READERS)
def test_staff_read_the_list_the_detail_and_the_hosts(login, role, immersion):
    client = login(role)
    assert client.get(reverse("immersions:list")).status_code == 200
    assert client.get(reverse("immersions:host_list")).status_code == 200
    response = client.get(reverse("immersions:detail", args=[immersion.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Jardins de l&#x27;Hérault" in body
    assert ("Enregistrer l'évaluation" in body) == (role in MANAGERS)


@pytest.mark.parametrize("role", EXTERNAL)
def test_prescribers_and_funders_get_404_everywhere(login, role, immersion, person, host):
    client = login(role)
    for url in (
        reverse("immersions:list"),
        reverse("immersions:host_list"),
        reverse("immersions:host_create"),
        reverse("immersions:host_update", args=[host.pk]),
        reverse("immersions:create", args=[person.pk]),
        reverse("immersions:detail", args=[immersion.pk]),
        reverse("immersions:update", args=[immersion.pk]),
        reverse("immersions:convention_pdf", args=[immersion.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("immersions:evaluate", args=[immersion.pk])).status_code == 404


@pytest.mark.parametrize("role", READ_ONLY)
def test_supervisor_and_admin_staff_may_not_write(login, role, immersion, person, host, rome, contract):
    client = login(role)
    assert client.get(reverse("immersions:create", args=[person.pk])).status_code == 404
    assert (
        client.post(reverse("immersions:create", args=[person.pk]), form_data(host, rome, contract)).status_code == 404
    )
    assert client.get(reverse("immersions:update", args=[immersion.pk])).status_code == 404
    assert client.get(reverse("immersions:host_create")).status_code == 404
    data = {"outcome": Outcome.HIRED_CDI, "outcome_date": "2026-03-01"}
    assert client.post(reverse("immersions:outcome", args=[immersion.pk]), data).status_code == 404
    assert not Immersion.objects.filter(outcome=Outcome.HIRED_CDI).exists()


@pytest.mark.parametrize("role", MANAGERS)
def test_counsellor_and_director_create_a_pmsmp(login, role, person, host, rome, contract):
    client = login(role)
    page = client.get(reverse("immersions:create", args=[person.pk]))
    assert page.status_code == 200
    assert page.context["form"].initial["contract"] == contract
    response = client.post(reverse("immersions:create", args=[person.pk]), form_data(host, rome, contract))
    immersion = Immersion.objects.get(person=person)
    assert response.status_code == 302 and response["Location"] == reverse("immersions:detail", args=[immersion.pk])
    assert str(immersion.total_hours) == "40.50"


def test_a_breaking_pmsmp_shows_the_french_message(login, person, host, rome, contract):
    client = login(Role.COUNSELLOR)
    data = form_data(host, rome, contract, start="2026-03-15", end="2026-04-15")
    response = client.post(reverse("immersions:create", args=[person.pk]), data)
    assert response.status_code == 200
    assert rules.TOO_LONG.format(start="15/03/2026", maximum="14/04/2026").replace("'", "&#x27;") in (
        response.content.decode()
    )
    assert not Immersion.objects.exists()


def test_update_evaluate_and_record_the_outcome(login, immersion):
    client = login(Role.COUNSELLOR)
    data = {
        "host": immersion.host.pk,
        "contract": immersion.contract.pk,
        "objective": Objective.CONFIRM,
        "rome_job": immersion.rome_job.pk,
        "place": "Lattes",
        "start": "2026-02-16",
        "end": "2026-02-27",
        "weekly_schedule": "Du lundi au vendredi",
        "total_hours": "70",
        "cddi_during": "continues",
        "tutor_name": "Julie Castan",
        "tutor_function": "Cheffe d'équipe",
        "status": ImmersionStatus.DONE,
    }
    assert client.post(reverse("immersions:update", args=[immersion.pk]), data).status_code == 302
    evaluation = {"evaluated_on": "2026-02-27", "punctuality": "4", "skills": "3", "evaluation_text": "Très investie"}
    assert client.post(reverse("immersions:evaluate", args=[immersion.pk]), evaluation).status_code == 302
    outcome = {"outcome": Outcome.HIRED_CDI, "outcome_date": "2026-03-01"}
    assert client.post(reverse("immersions:outcome", args=[immersion.pk]), outcome).status_code == 302
    immersion.refresh_from_db()
    assert (immersion.place, immersion.punctuality, immersion.outcome) == ("Lattes", "4", Outcome.HIRED_CDI)
    refused = client.post(reverse("immersions:evaluate", args=[immersion.pk]), {"evaluated_on": "2026-03-05"})
    assert refused.status_code == 400
    assert "L&#x27;évaluation se fait entre le début de la PMSMP (16/02/2026)" in refused.content.decode()
    detail = client.get(reverse("immersions:detail", args=[immersion.pk])).content.decode()
    assert "Très investie" in detail and "Embauche par l&#x27;hôte en CDI" in detail


def test_host_directory(login, structure):
    client = login(Role.COUNSELLOR)
    data = {
        "name": "Paysages du Pic Saint-Loup",
        "siret": "123 456 789 00012",
        "address": "5 route de Ganges",
        "postal_code": "34980",
        "city": "Saint-Gély-du-Fesc",
        "activity": "Paysagiste",
        "naf_code": "81.30Z",
    }
    response = client.post(reverse("immersions:host_create"), data)
    assert response.status_code == 200
    assert "n&#x27;est pas valide" in response.content.decode()
    data["siret"] = valid_siret(4242)
    assert client.post(reverse("immersions:host_create"), data).status_code == 302
    host = HostCompany.objects.get(structure=structure, siret=valid_siret(4242))
    data["city"] = "Montpellier"
    assert client.post(reverse("immersions:host_update", args=[host.pk]), data).status_code == 302
    host.refresh_from_db()
    assert host.city == "Montpellier"


def test_the_convention_pdf_holds_the_cerfa_fields(login, immersion):
    client = login(Role.SUPERVISOR)
    response = client.get(reverse("immersions:convention_pdf", args=[immersion.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())
    assert "Jardins de l'Hérault" in text
    assert "Confirmer un projet professionnel" in text
    assert "reproduit les champs du formulaire Cerfa n° 13912" in text
    for field in (immersion.host.siret, immersion.tutor_function, "A1203", "Du 16/02/2026 au 27/02/2026"):
        assert field in text
    assert "Chaussures de sécurité" in text and "Outils coupants" in text
    assert "Salarié·e en CDDI" in text
    assert "Le bénéficiaire" in text and "L'employeur" in text


def test_the_person_page_shows_the_section(login, immersion):
    client = login(Role.SUPERVISOR)
    body = client.get(reverse("people:detail", args=[immersion.person.pk])).content.decode()
    assert "Immersions en entreprise (PMSMP)" in body
    assert reverse("immersions:detail", args=[immersion.pk]) in body
    assert reverse("immersions:create", args=[immersion.person.pk]) not in body


def test_the_list_page_query_count_does_not_grow(login, structure, django_assert_max_num_queries):
    client = login(Role.COUNSELLOR)
    for _ in range(3):
        ImmersionFactory(person=PersonFactory(structure=structure))
    with django_assert_max_num_queries(20) as captured:
        assert client.get(reverse("immersions:list")).status_code == 200
    few = len(captured.captured_queries)
    for _ in range(12):
        ImmersionFactory(person=PersonFactory(structure=structure))
    with django_assert_max_num_queries(few):
        response = client.get(reverse("immersions:list") + "?status=planned&start=2026-01-01&end=2026-12-31")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 15


def test_the_follow_up_forms_wait_for_the_start(client, make_member, structure):
    """No evaluation nor host's decision to record on a PMSMP that has not started."""
    import time_machine

    from tremplin.immersions.tests.factories import ImmersionFactory
    from tremplin.people.tests.factories import PersonFactory

    immersion = ImmersionFactory(
        person=PersonFactory(structure=structure), start=date(2026, 3, 2), end=date(2026, 3, 13)
    )
    counsellor = make_member(Role.COUNSELLOR, structure)
    url = reverse("immersions:detail", args=[immersion.pk])
    with time_machine.travel(date(2026, 3, 1), tick=False):
        client.force_login(counsellor)
        page = client.get(url).text
        assert "Tuteur" in page or "tuteur" in page  # the page itself, not a redirection
        assert "Suite donnée par l&#x27;hôte" not in page
    with time_machine.travel(date(2026, 3, 2), tick=False):
        client.force_login(counsellor)
        page = client.get(url).text
        assert "Suite donnée par l&#x27;hôte" in page and "Choisir…" in page
