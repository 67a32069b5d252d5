"""The shape of the API: French errors, pages of lists with their query counts, session use with
CSRF, the OpenAPI 3.1 schema and the offline docs page under the project's CSP."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.immersions.tests.factories import ImmersionFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.tests.factories import ReferralFactory
from tremplin.support.enums import Confidentiality, SensitiveTopic
from tremplin.support.tests.factories import AppointmentFactory
from tremplin.training.tests.factories import TrainingActionFactory

pytestmark = pytest.mark.django_db


def test_a_broken_rule_answers_422_with_its_french_message(api_as, structure):
    person = PersonFactory(structure=structure)
    response = api_as(Role.COUNSELLOR, structure).post(
        "/contracts",
        {
            "person_id": person.pk,
            "start": "2026-03-02",
            "end": "2026-09-01",
            "weekly_hours": "26",
            "hourly_pay": "12.02",
            "job_label": "Agent",
        },
    )
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["field"] is None
    assert "diagnostic d'éligibilité" in error["message"]  # hiring_eligibility's message names what is missing


def test_a_rule_on_a_field_names_the_field(api_as, structure):
    person = PersonFactory(structure=structure)
    response = api_as(Role.COUNSELLOR, structure).post(
        "/eligibility-diagnoses",
        {"person_id": person.pk, "author_kind": "employer", "made_on": "2026-01-05", "criteria": ["qpv"]},
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["detail"]] == ["criteria"]


def test_input_errors_are_in_french_with_their_field(api_as, structure):
    response = api_as(Role.COUNSELLOR, structure).post("/people", {"last_name": "B", "birth_date": "31/12/1990"})
    assert response.status_code == 422
    assert {(e["field"], e["message"]) for e in response.json()["detail"]} == {
        ("first_name", "Ce champ est obligatoire."),
        ("birth_date", "Date invalide : format attendu AAAA-MM-JJ."),
        ("sex", "Ce champ est obligatoire."),
    }


def test_a_possible_duplicate_must_be_confirmed(api_as, structure):
    api = api_as(Role.COUNSELLOR, structure)
    body = {"first_name": "Léa", "last_name": "Martin", "birth_date": "1990-01-02", "sex": "F"}
    assert api.post("/people", body).status_code == 201
    response = api.post("/people", body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["message"].startswith("Une personne du même nom née le même jour")
    assert api.post("/people", {**body, "confirm_not_duplicate": True}).status_code == 201


def test_lists_are_pages_of_at_most_200(api_as, structure):
    PersonFactory.create_batch(3, structure=structure)
    api = api_as(Role.COUNSELLOR, structure)
    page = api.get("/people", limit=2, offset=1).json()
    assert (page["count"], page["limit"], page["offset"], len(page["items"])) == (3, 2, 1, 2)
    response = api.get("/people", limit=201)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"field": "limit", "message": "La valeur doit être inférieure ou égale à 200."}
    ]


def test_updated_since_gives_what_changed_since(api_as, structure):
    with time_machine.travel(datetime(2026, 3, 1, tzinfo=UTC), tick=False):
        PersonFactory(structure=structure, last_name="Ancien")
    with time_machine.travel(datetime(2026, 3, 5, tzinfo=UTC), tick=False):
        PersonFactory(structure=structure, last_name="Nouveau")
    api = api_as(Role.COUNSELLOR, structure)
    names = [p["last_name"] for p in api.get("/people", updated_since="2026-03-03T00:00:00+01:00").json()["items"]]
    assert names == ["Nouveau"]


LISTS = [
    ("/structures", Role.DIRECTOR),
    ("/production-supports", Role.DIRECTOR),
    ("/partners", Role.DIRECTOR),
    ("/people", Role.DIRECTOR),
    ("/contracts", Role.DIRECTOR),
    ("/amendments", Role.DIRECTOR),
    ("/suspensions", Role.DIRECTOR),
    ("/exits", Role.DIRECTOR),
    ("/derogations", Role.DIRECTOR),
    ("/eligibility-diagnoses", Role.DIRECTOR),
    ("/referrals", Role.DIRECTOR),
    ("/referral-transitions", Role.DIRECTOR),
    ("/timesheet-entries", Role.DIRECTOR),
    ("/appointments", Role.DIRECTOR),
    ("/appointments", Role.SUPERVISOR),
    ("/host-companies", Role.DIRECTOR),
    ("/immersions", Role.DIRECTOR),
    ("/trainings", Role.DIRECTOR),
    ("/prescriber/referrals", Role.PRESCRIBER),
]


@pytest.mark.parametrize(("path", "role"), LISTS)
def test_the_number_of_queries_of_a_list_does_not_grow_with_its_rows(
    client, structure, make_token, django_assert_max_num_queries, path, role
):
    from tremplin.api.services import api_token_create
    from tremplin.contracts.services import suspension_record
    from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory

    user, _ = make_token(role, structure)
    if role == Role.PRESCRIBER:
        from tremplin.partners.tests.factories import PartnerFactory

        partner = PartnerFactory(organisation=structure.organisation)
        user.memberships.update(partner=partner)
    membership = user.memberships.get()
    secret = api_token_create(
        user=user, context_key=f"{membership.pk}:{structure.pk}", name="x", second_factor_passed=True
    ).secret
    for _ in range(6):
        contract = ContractFactory(person=PersonFactory(structure=structure))
        suspension_record(actor=user, contract=contract, kind="other", start=contract.start, end=contract.start)
        EligibilityDiagnosisFactory(person=contract.person)
        ReferralFactory(
            structure=structure, person=contract.person, **({"partner": partner} if role == Role.PRESCRIBER else {})
        )
        AppointmentFactory(person=contract.person, author=user)
        AppointmentFactory(
            person=contract.person, author=user, confidentiality=Confidentiality.SENSITIVE, topic=SensitiveTopic.HEALTH
        )
        ImmersionFactory(person=contract.person, contract=contract)
        TrainingActionFactory(person=contract.person)
    # token (1) + last use (1) + scope (2) + page, count and prefetches (at most 4)
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1{path}", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200


def test_the_session_of_the_app_works_with_csrf_on_writes(structure, make_member):
    user = make_member(Role.COUNSELLOR, structure)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.get("/api/v1/people").status_code == 200
    body = {"first_name": "A", "last_name": "B", "birth_date": "1990-01-01", "sex": "F"}
    response = client.post("/api/v1/people", body, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"][0]["message"]
    client.get("/jetons-api/")  # any page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post("/api/v1/people", body, content_type="application/json", headers={"X-CSRFToken": token})
    assert response.status_code == 201


def test_the_schema_is_openapi_3_1_and_public(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/indicators" in schema["paths"]


def test_the_docs_page_is_served_from_the_app_under_the_unchanged_csp(client, db, settings):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "/static/ninja/swagger-ui-init.js" in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert '"validatorUrl": null' in page  # no call to swagger.io for a badge
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe" not in csp and "http" not in csp


def test_the_schema_is_built_once_and_each_caller_gets_its_own_copy():
    from tremplin.api.api import api

    first = api.get_openapi_schema(path_prefix="/api/v1/")
    first["info"]["title"] = "changé"
    again = api.get_openapi_schema(path_prefix="/api/v1/")
    assert again["info"]["title"] == "API Tremplin"
    assert api._schema_cache  # built once, kept for the process
