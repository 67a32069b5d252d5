"""The API applies the pages' access layer: same roles, same 404, same field restrictions."""

from datetime import date

import pytest

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory
from tremplin.partners.enums import PartnerKind
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.nir import encrypt_nir
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

NIR = "269054958815780"
NEW_PERSON = {"first_name": "A", "last_name": "B", "birth_date": "1990-01-01", "sex": "F"}


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, nir_encrypted=encrypt_nir(NIR))


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (Role.DIRECTOR, NIR),
        (Role.ADMIN_STAFF, NIR),
        (Role.COUNSELLOR, "2 •• •• •• ••• ••• 80"),
        (Role.SUPERVISOR, "2 •• •• •• ••• ••• 80"),
    ],
)
def test_the_nir_is_clear_for_direction_and_hr_masked_for_the_others_never_in_a_list(
    api_as, structure, person, role, shown
):
    api = api_as(role, structure)
    assert api.get(f"/people/{person.pk}").json()["nir"] == shown
    listed = api.get("/people").json()["items"]
    assert [p["id"] for p in listed] == [person.pk]
    assert "nir" not in listed[0]
    assert NIR not in api.get("/people").content.decode()


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR])
def test_only_direction_and_hr_may_write_a_nir(api_as, structure, person, role):
    response = api_as(role, structure).patch(f"/people/{person.pk}", {"nir": NIR})
    if role == Role.SUPERVISOR:  # a supervisor does not edit people at all, as on the pages
        assert response.status_code == 404
    else:
        assert response.status_code == 422
        assert response.json() == {
            "detail": [{"field": "nir", "message": "Seules la direction et l'administratif/RH saisissent le NIR."}]
        }


def test_a_funder_reads_the_indicators_and_nothing_else(api_as, structure, person):
    api = api_as(Role.FUNDER, structure)
    assert api.get("/indicators").status_code == 200
    for path in ["/people", f"/people/{person.pk}", "/contracts", "/referrals", "/timesheet-entries", "/structures"]:
        assert api.get(path).status_code == 404, path
    assert (
        api.post("/people", {"first_name": "A", "last_name": "B", "birth_date": "1990-01-01", "sex": "F"}).status_code
        == 404
    )


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.PRESCRIBER])
def test_the_indicators_are_for_direction_hr_and_funders(api_as, structure, role):
    assert api_as(role, structure).get("/indicators").status_code == 404


def test_a_prescriber_sees_only_the_referrals_of_its_own_partner(client, structure, make_member):
    from tremplin.api.services import api_token_create
    from tremplin.api.tests.conftest import Api

    partner = PartnerFactory(organisation=structure.organisation, name="France Travail Lunel")
    user = make_member(Role.PRESCRIBER, structure)
    user.memberships.update(partner=partner)
    membership = user.memberships.get()
    secret = api_token_create(
        user=user, context_key=f"{membership.pk}:{structure.pk}", name="x", second_factor_passed=False
    ).secret
    api = Api(client, secret)
    mine = ReferralFactory(structure=structure, partner=partner)
    ReferralFactory(structure=structure)  # another partner's
    rows = api.get("/prescriber/referrals").json()["items"]
    assert [row["id"] for row in rows] == [mine.pk]
    assert set(rows[0]) == {"id", "first_name", "last_name_initial", "referred_on", "state", "updated_on"}
    for path in [f"/referrals/{mine.pk}", "/referrals", "/people", f"/people/{mine.person_id}", "/indicators"]:
        assert api.get(path).status_code == 404, path
    response = api.post(
        "/prescriber/referrals",
        {
            "first_name": "Karim",
            "last_name": "Haddad",
            "birth_date": "1995-07-01",
            "sex": "M",
            "referred_on": date.today().isoformat(),
            "reason": "Reprise d'activité.",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["last_name_initial"] == "H" and response.json()["state"] == "received"
    assert api.get("/prescriber/referrals").json()["count"] == 2


def test_a_supervisor_cannot_create_people_nor_hire(api_as, structure, person):
    api = api_as(Role.SUPERVISOR, structure)
    assert (
        api.post("/people", {"first_name": "A", "last_name": "B", "birth_date": "1990-01-01", "sex": "F"}).status_code
        == 404
    )
    body = {
        "person_id": person.pk,
        "start": "2026-03-02",
        "end": "2026-09-01",
        "weekly_hours": "26",
        "hourly_pay": "12.02",
        "job_label": "x",
    }
    assert api.post("/contracts", body).status_code == 404


def test_the_hours_are_for_the_roles_that_fill_the_sheet(api_as, structure, person):
    contract = ContractFactory(person=person)
    assert api_as(Role.COUNSELLOR, structure).get("/timesheet-entries").status_code == 404
    assert api_as(Role.SUPERVISOR, structure).get("/timesheet-entries").status_code == 200
    body = {"contract_id": contract.pk, "day": contract.start.isoformat(), "hours": "7"}
    assert api_as(Role.COUNSELLOR, structure).post("/timesheet-entries", body).status_code == 404


def test_sensitive_criteria_are_named_to_counsellors_and_direction_only(api_as, structure, person):
    diagnosis = EligibilityDiagnosisFactory(person=person)
    diagnosis.criteria.all().delete()
    for criterion in ("rsa", "rqth", "justice"):
        diagnosis.criteria.create(criterion=criterion)
    assert api_as(Role.COUNSELLOR, structure).get(f"/eligibility-diagnoses/{diagnosis.pk}").json()["criteria"] == [
        "justice",
        "rqth",
        "rsa",
    ]
    assert api_as(Role.ADMIN_STAFF, structure).get(f"/eligibility-diagnoses/{diagnosis.pk}").json()["criteria"] == [
        "rsa"
    ]
    listed = api_as(Role.SUPERVISOR, structure).get("/eligibility-diagnoses").json()["items"]
    assert listed[0]["criteria"] == ["rsa"]


def test_referrals_of_sensitive_bodies_are_hidden_from_supervisors_and_hr(api_as, structure, person):
    spip = PartnerFactory(organisation=structure.organisation, kind=PartnerKind.SPIP, name="SPIP de l'Hérault")
    referral = ReferralFactory(structure=structure, person=person, partner=spip)
    assert api_as(Role.COUNSELLOR, structure).get(f"/referrals/{referral.pk}").status_code == 200
    for role in (Role.SUPERVISOR, Role.ADMIN_STAFF):
        api = api_as(role, structure)
        assert api.get(f"/referrals/{referral.pk}").status_code == 404
        assert api.get("/referrals").json()["count"] == 0


def test_free_text_of_contract_records_is_for_their_writers(api_as, structure, person):
    from tremplin.contracts.models import Suspension

    contract = ContractFactory(person=person)
    Suspension.objects.create(
        contract=contract,
        kind="other",
        start=contract.start,
        end=contract.start,
        comment="Hospitalisation",
        created_by=contract.created_by,
    )
    assert api_as(Role.COUNSELLOR, structure).get("/suspensions").json()["items"][0]["comment"] == "Hospitalisation"
    assert api_as(Role.SUPERVISOR, structure).get("/suspensions").json()["items"][0]["comment"] == ""
