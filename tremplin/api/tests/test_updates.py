"""The updates of the API that the apps' services carry: a referral corrected while open, the
proofs of an eligibility diagnosis completed; each under the same rules and roles as the pages."""

from datetime import date

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.recruitment.enums import ReferralState
from tremplin.recruitment.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def _error(response):
    assert response.status_code == 422, response.content
    return [(e["field"], e["message"]) for e in response.json()["detail"]]


def test_an_open_referral_is_corrected_then_no_longer_once_closed(api_as, structure):
    referral = ReferralFactory(structure=structure, partner=None)
    partner = PartnerFactory(organisation=structure.organisation)
    api = api_as(Role.COUNSELLOR, structure)
    body = api.patch(f"/referrals/{referral.pk}", {"partner_id": partner.pk, "referent_name": "Inès Caron"}).json()
    assert (body["partner_id"], body["referent_name"], body["state"]) == (partner.pk, "Inès Caron", "received")
    assert api.patch(f"/referrals/{referral.pk}", {"partner_id": None}).json()["partner_id"] is None
    assert _error(api.patch(f"/referrals/{referral.pk}", {"referred_on": "2026-11-24"})) == [
        ("referred_on", "La date de l'orientation (24/11/2026) ne peut pas être dans le futur.")
    ]
    foreign = PartnerFactory()
    assert _error(api.patch(f"/referrals/{referral.pk}", {"partner_id": foreign.pk}))[0][0] == "partner_id"
    referral.state = ReferralState.WITHDRAWN
    referral.save()
    assert _error(api.patch(f"/referrals/{referral.pk}", {"reason": "Autre"})) == [
        (None, "Une orientation « Retirée » est close : elle n'est plus modifiée.")
    ]


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN_STAFF, Role.FUNDER, Role.PRESCRIBER])
def test_only_cip_and_direction_correct_a_referral(api_as, structure, role):
    referral = ReferralFactory(structure=structure, reason="Première version")
    assert api_as(role, structure).patch(f"/referrals/{referral.pk}", {"reason": "Réécrit"}).status_code == 404
    referral.refresh_from_db()
    assert referral.reason == "Première version"


def test_a_referral_of_another_aci_is_404(api_as, structure):
    referral = ReferralFactory(structure=StructureFactory())
    assert api_as(Role.DIRECTOR, structure).patch(f"/referrals/{referral.pk}", {"reason": "x"}).status_code == 404


# Eligibility diagnoses: the proofs are completed, the criteria never change


def test_the_proofs_of_a_diagnosis_are_completed(api_as, structure):
    from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory

    diagnosis = EligibilityDiagnosisFactory(person__structure=structure, criteria=["rsa", "rqth"])
    api = api_as(Role.ADMIN_STAFF, structure)  # HR records proofs but does not read the RQTH
    body = api.patch(f"/eligibility-diagnoses/{diagnosis.pk}", {"proofs": [{"criterion": "rsa", "note": "CAF"}]})
    assert body.status_code == 200, body.content
    assert body.json()["proofs"] == [{"criterion": "rsa", "note": "CAF", "has_document": False}]
    hidden = api.patch(f"/eligibility-diagnoses/{diagnosis.pk}", {"proofs": [{"criterion": "rqth", "note": "x"}]})
    not_retained = api.patch(f"/eligibility-diagnoses/{diagnosis.pk}", {"proofs": [{"criterion": "ass", "note": "x"}]})
    assert _error(hidden)[0][0] == "proofs"
    assert "n'est pas retenu dans ce diagnostic" in _error(not_retained)[0][1]
    counsellor = api_as(Role.COUNSELLOR, structure)
    body = counsellor.patch(
        f"/eligibility-diagnoses/{diagnosis.pk}", {"proofs": [{"criterion": "rqth", "note": "MDPH"}]}
    )
    assert {p["criterion"]: p["note"] for p in body.json()["proofs"]} == {"rqth": "MDPH", "rsa": "CAF"}
    assert (
        api_as(Role.SUPERVISOR, structure).patch(f"/eligibility-diagnoses/{diagnosis.pk}", {"proofs": []}).status_code
        == 404
    )


# PASS IAE


def test_a_pass_iae_is_recorded_suspended_and_prolonged_through_the_api(api_as, structure):
    from tremplin.people.tests.factories import PersonFactory

    person = PersonFactory(structure=structure)
    api = api_as(Role.ADMIN_STAFF, structure)
    response = api.post("/approvals", {"person_id": person.pk, "number": "9999 9261 2345", "start": "2026-01-05"})
    assert response.status_code == 201, response.content
    approval = response.json()
    assert (approval["number"], approval["end"], approval["effective_end"], approval["status"]) == (
        "999992612345",
        "2028-01-04",
        "2028-01-04",
        "valid",
    )
    suspended = api.post(
        f"/approvals/{approval['id']}/suspensions",
        {"reason": "cta_decision", "start": "2026-11-01", "end": "2026-11-30"},
    ).json()
    assert (suspended["effective_end"], suspended["status"]) == (
        "2028-02-03",
        "suspended",
    )  # today, 23/11/2026, is within it
    assert _error(
        api.post(
            f"/approvals/{approval['id']}/suspensions",
            {"reason": "cta_decision", "start": "2026-11-20", "end": "2026-12-05"},
        )
    ) == [("start", "Une suspension du PASS IAE couvre déjà la période du 01/11/2026 au 30/11/2026.")]
    too_long = api.post(
        f"/approvals/{approval['id']}/prolongations",
        {"reason": "particular_difficulties", "end": "2029-03-01", "decided_by": "France Travail"},
    )
    assert _error(too_long)[0][0] == "end"
    prolonged = api.post(
        f"/approvals/{approval['id']}/prolongations",
        {"reason": "particular_difficulties", "end": "2028-12-31", "decided_by": "France Travail"},
    ).json()
    assert prolonged["effective_end"] == "2028-12-31"
    assert [p["start"] for p in prolonged["prolongations"]] == ["2028-02-04"]
    overlap = api.post("/approvals", {"person_id": person.pk, "number": "999992612346", "start": "2027-01-05"})
    assert _error(overlap)[0][0] == "start"

    listed = api_as(Role.SUPERVISOR, structure).get("/approvals", person_id=person.pk).json()
    assert [a["number"] for a in listed["items"]] == ["999992612345"]
    assert (
        api_as(Role.SUPERVISOR, structure)
        .post("/approvals", {"person_id": person.pk, "number": "999992612347", "start": "2030-01-01"})
        .status_code
        == 404
    )


def test_the_sync_of_pass_iae_sees_a_new_suspension(api_as, structure):
    from tremplin.eligibility.tests.factories import ApprovalFactory

    with time_machine.travel(date(2026, 6, 1), tick=False):
        approval = ApprovalFactory(person__structure=structure, start=date(2026, 1, 5))
        ApprovalFactory(person__structure=structure, start=date(2026, 1, 5))
    api = api_as(Role.COUNSELLOR, structure)
    since = {"updated_since": "2026-11-01T00:00:00+01:00"}
    assert api.get("/approvals", **since).json()["count"] == 0
    api.post(
        f"/approvals/{approval.pk}/suspensions", {"reason": "cta_decision", "start": "2026-11-02", "end": "2026-11-09"}
    )
    assert [a["id"] for a in api.get("/approvals", **since).json()["items"]] == [approval.pk]


def test_the_pass_iae_list_has_a_constant_number_of_queries(api_as, structure, django_assert_max_num_queries):
    from tremplin.eligibility.tests.factories import ApprovalFactory, ApprovalSuspensionFactory

    for _ in range(5):
        ApprovalSuspensionFactory(approval=ApprovalFactory(person__structure=structure))
    api = api_as(Role.COUNSELLOR, structure)
    with django_assert_max_num_queries(12):
        assert api.get("/approvals").json()["count"] == 5
