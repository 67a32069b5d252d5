"""The "done when" of the issue: a script using only HTTP and a token creates a person, hires them,
logs a week of hours and reads the indicators; the same calls by a user of another ACI get 404."""

from datetime import date

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.organisations.tests.factories import StructureFactory

pytestmark = pytest.mark.django_db

MONDAY = date(2026, 3, 2)


def _journey_calls(person_id, contract_id):
    """Every call of the journey that names a record of the ACI, with its body."""
    return [
        ("get", f"/people/{person_id}", None),
        ("patch", f"/people/{person_id}", {"phone": "0601020304"}),
        (
            "post",
            "/eligibility-diagnoses",
            {"person_id": person_id, "author_kind": "employer", "made_on": "2026-02-20", "criteria": ["rsa"]},
        ),
        (
            "post",
            "/contracts",
            {
                "person_id": person_id,
                "start": "2026-03-02",
                "end": "2026-09-01",
                "weekly_hours": "26",
                "hourly_pay": "12.02",
                "job_label": "Agent·e d'entretien des espaces verts",
            },
        ),
        ("get", f"/contracts/{contract_id}", None),
        ("post", "/timesheet-entries", {"contract_id": contract_id, "day": "2026-03-02", "hours": "7"}),
    ]


@time_machine.travel("2026-03-09 10:00 +01:00", tick=False)
def test_a_script_hires_logs_a_week_and_reads_the_indicators(structure, api_as):
    api = api_as(Role.DIRECTOR, structure)

    response = api.post(
        "/people",
        {"first_name": "Samia", "last_name": "Benali", "birth_date": "1988-05-14", "sex": "F", "rsa": True},
    )
    assert response.status_code == 201, response.json()
    person_id = response.json()["id"]
    assert response.json()["stage"] == "Candidat·e"

    response = api.post(
        "/eligibility-diagnoses",
        {"person_id": person_id, "author_kind": "employer", "made_on": "2026-02-20", "criteria": ["rsa"]},
    )
    assert response.status_code == 201, response.json()

    response = api.post(
        "/contracts",
        {
            "person_id": person_id,
            "start": MONDAY.isoformat(),
            "end": "2026-09-01",
            "weekly_hours": "26",
            "hourly_pay": "12.02",
            "job_label": "Agent·e d'entretien des espaces verts",
        },
    )
    assert response.status_code == 201, response.json()
    contract = response.json()
    assert contract["person_id"] == person_id and contract["trial_period_end"]

    for offset in range(5):
        day = date(2026, 3, 2 + offset)
        response = api.post(
            "/timesheet-entries", {"contract_id": contract["id"], "day": day.isoformat(), "hours": "5.2"}
        )
        assert response.status_code == 201, response.json()

    response = api.get("/timesheet-entries", contract_id=contract["id"])
    assert response.json()["count"] == 5

    response = api.get("/indicators", start="2026-03-01", end="2026-03-31")
    assert response.status_code == 200, response.json()
    figures = response.json()
    assert figures["headcount"] == 1
    assert figures["new_hires"] == 1
    assert float(figures["hours_paid"]) == 26.0
    assert figures["criteria_counts"]["rsa"] == 1
    assert figures["structure_ids"] == [structure.pk]

    # The same calls by each role of another ACI: 404, and nothing was written.
    elsewhere = StructureFactory(name="ACI voisin")
    for role in Role:
        stranger = api_as(role, elsewhere)
        for method, path, data in _journey_calls(person_id, contract["id"]):
            response = getattr(stranger, method)(path, data) if data is not None else stranger.get(path)
            assert response.status_code == 404, (role, method, path, response.content)
            assert response.json() == {"detail": [{"field": None, "message": "Ressource introuvable."}]}
    assert api.get("/eligibility-diagnoses", person_id=person_id).json()["count"] == 1
    assert api.get("/contracts", person_id=person_id).json()["count"] == 1
    assert api.get("/timesheet-entries", contract_id=contract["id"]).json()["count"] == 5
