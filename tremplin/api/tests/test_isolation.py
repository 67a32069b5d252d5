"""Every operation of the OpenAPI schema, with a token of every role of another ACI: a record of our
ACI answers 404 (named in the path or in the body), and no answer shows our data. New operations are
covered as soon as they are in the schema: an operation without a sample body here fails the test."""

from datetime import date

import pytest

from tremplin.accounts.enums import Role
from tremplin.api.api import api
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility.tests.factories import ApprovalFactory, EligibilityDiagnosisFactory
from tremplin.immersions.tests.factories import HostCompanyFactory, ImmersionFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory, StructureFactory
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.tests.factories import ReferralFactory
from tremplin.support.enums import Confidentiality, SensitiveTopic
from tremplin.support.tests.factories import AppointmentFactory
from tremplin.training.tests.factories import TrainingActionFactory
from tremplin.worktime.models import TimesheetEntry

pytestmark = pytest.mark.django_db

SENTINEL = "SENTINELLE-VAL-VERT"

# A schema-valid body for each write, naming our records (filled in by `ours`).
BODIES = {
    ("patch", "/api/v1/structures/{id}"): {"city": "Ailleurs"},
    ("post", "/api/v1/production-supports"): {"kind": "worksite", "name": "Berges", "sector": "green_spaces"},
    ("patch", "/api/v1/production-supports/{id}"): {"client": "Autre"},
    ("post", "/api/v1/partners"): {"name": "Mission locale", "kind": "mission_locale"},
    ("post", "/api/v1/people"): {"first_name": "A", "last_name": "B", "birth_date": "1990-01-01", "sex": "F"},
    ("patch", "/api/v1/people/{id}"): {"phone": "0600000000"},
    ("post", "/api/v1/contracts"): {
        "person_id": "person",
        "start": "2026-03-02",
        "end": "2026-09-01",
        "weekly_hours": "26",
        "hourly_pay": "12.02",
        "job_label": "Agent",
    },
    ("post", "/api/v1/contracts/{id}/early-end"): {"on": "2026-03-10", "reason": "mutual_agreement"},
    ("post", "/api/v1/contracts/{id}/amendments"): {"kind": "renewal", "until": "2027-01-31"},
    ("post", "/api/v1/contracts/{id}/suspensions"): {"kind": "other", "start": "2026-03-10", "end": "2026-03-12"},
    ("post", "/api/v1/contracts/{id}/exit"): {"reason": "cdi"},
    ("post", "/api/v1/derogations"): {
        "person_id": "person",
        "kind": "low_hours_individual",
        "reason": "Santé",
        "decision_date": "2026-01-05",
        "decided_by": "DDETS",
        "start": "2026-01-05",
        "end": "2026-06-30",
    },
    ("post", "/api/v1/eligibility-diagnoses"): {
        "person_id": "person",
        "author_kind": "employer",
        "made_on": "2026-01-05",
        "criteria": ["rsa"],
    },
    ("patch", "/api/v1/eligibility-diagnoses/{id}"): {"proofs": [{"criterion": "rsa", "note": "Attestation CAF"}]},
    ("post", "/api/v1/approvals"): {"person_id": "person", "number": "999992612345", "start": "2026-03-02"},
    ("post", "/api/v1/approvals/{id}/prolongations"): {
        "reason": "particular_difficulties",
        "end": "2028-12-31",
        "decided_by": "Prescripteur",
    },
    ("post", "/api/v1/approvals/{id}/suspensions"): {
        "reason": "cta_decision",
        "start": "2026-04-01",
        "end": "2026-04-30",
    },
    ("post", "/api/v1/referrals"): {"person_id": "person", "referred_on": "2026-01-05", "reason": "Orientation"},
    ("post", "/api/v1/referrals/{id}/transitions"): {"to_state": "interview"},
    ("patch", "/api/v1/referrals/{id}"): {"reason": "Corrigé"},
    ("post", "/api/v1/prescriber/referrals"): {
        "first_name": "A",
        "last_name": "B",
        "birth_date": "1990-01-01",
        "sex": "F",
        "referred_on": "2026-01-05",
        "reason": "Orientation",
    },
    ("post", "/api/v1/timesheet-entries"): {"contract_id": "contract", "day": "2026-03-03", "hours": "7"},
    ("patch", "/api/v1/timesheet-entries/{id}"): {"hours": "6"},
    ("post", "/api/v1/appointments"): {
        "person_id": "person",
        "held_on": "2026-01-05",
        "kind": "individual",
        "duration_minutes": 30,
    },
    ("post", "/api/v1/immersions"): {
        "person_id": "person",
        "host_id": "host",
        "contract_id": "contract",
        "tutor_name": "A",
        "tutor_function": "Chef",
        "objective": "discover",
        "rome_code": "A1203",
        "place": "Ici",
        "start": "2026-04-06",
        "end": "2026-04-10",
        "weekly_schedule": "8 h - 12 h",
        "total_hours": "20",
    },
    ("patch", "/api/v1/immersions/{id}"): {"place": "Ailleurs"},
    ("patch", "/api/v1/partners/{id}"): {"phone": "0467000000"},
    ("patch", "/api/v1/appointments/{id}"): {"duration_minutes": 20},
    ("post", "/api/v1/trainings"): {
        "person_id": "person",
        "title": "SST",
        "kind": "safety",
        "organisation": "Organisme",
        "funder": "opco",
        "start": "2026-03-02",
        "end": "2026-03-03",
        "hours": "14",
    },
    ("patch", "/api/v1/trainings/{id}"): {"hours": "10"},
}
# Writes that create a record of the caller's own ACI (no record of ours in them).
OWN_ACI_WRITES = {
    ("post", "/api/v1/production-supports"),
    ("post", "/api/v1/partners"),
    ("post", "/api/v1/people"),
    ("post", "/api/v1/prescriber/referrals"),
}
# The record of ours that each path names.
PATH_RECORDS = {
    "/api/v1/structures/": "structure",
    "/api/v1/production-supports/": "support",
    "/api/v1/partners/": "partner",
    "/api/v1/people/": "person",
    "/api/v1/contracts/": "contract",
    "/api/v1/eligibility-diagnoses/": "diagnosis",
    "/api/v1/referrals/": "referral",
    "/api/v1/timesheet-entries/": "entry",
    "/api/v1/appointments/": "appointment",
    "/api/v1/host-companies/": "host",
    "/api/v1/immersions/": "immersion",
    "/api/v1/trainings/": "training",
    "/api/v1/approvals/": "approval",
}


@pytest.fixture
def ours(db):
    structure = StructureFactory(name=f"ACI {SENTINEL}", city=SENTINEL)
    person = PersonFactory(structure=structure, last_name=SENTINEL)
    contract = ContractFactory(person=person, job_label=SENTINEL, start=date(2026, 3, 2), end=date(2026, 12, 31))
    entry = TimesheetEntry.objects.create(
        contract=contract,
        person=person,
        structure=structure,
        day=date(2026, 3, 2),
        hours=7,
        comment=SENTINEL,
        created_by=contract.created_by,
    )
    host = HostCompanyFactory(structure=structure, name=SENTINEL)
    return {
        "structure": structure,
        "support": ProductionSupportFactory(structure=structure, name=SENTINEL),
        "partner": PartnerFactory(organisation=structure.organisation, name=SENTINEL),
        "person": person,
        "contract": contract,
        "diagnosis": EligibilityDiagnosisFactory(person=person, author_name=SENTINEL),
        "referral": ReferralFactory(structure=structure, person=person, reason=SENTINEL),
        "entry": entry,
        # A sensitive note: its text must never reach another ACI.
        "appointment": AppointmentFactory(
            person=person,
            notes=SENTINEL,
            confidentiality=Confidentiality.SENSITIVE,
            topic=SensitiveTopic.HEALTH,
        ),
        "host": host,
        "immersion": ImmersionFactory(person=person, host=host, contract=contract, tutor_name=SENTINEL),
        "training": TrainingActionFactory(person=person, title=SENTINEL),
        "approval": ApprovalFactory(person=person, start=date(2026, 1, 5)),
    }


def operations():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    for path, methods in schema["paths"].items():
        for method in methods:
            yield method, path


def _fill(body, ours):
    return {key: ours[value].pk if key.endswith("_id") else value for key, value in body.items()}


def test_every_write_has_a_sample_body():
    writes = {(method, path) for method, path in operations() if method in {"post", "patch", "put"}}
    assert writes == set(BODIES), "Ajoutez à BODIES un corps valide pour chaque nouvelle écriture de l'API."


@pytest.mark.parametrize("role", list(Role))
def test_every_operation_as_each_role_of_another_aci(client, ours, make_token, role):
    _, secret = make_token(role, StructureFactory(name="ACI voisin"))
    headers = {"Authorization": f"Bearer {secret}"}
    for method, path in operations():
        record = next((ours[r] for prefix, r in PATH_RECORDS.items() if path.startswith(prefix)), None)
        url = path.replace("{id}", str(record.pk)) if "{id}" in path else path
        body = _fill(BODIES.get((method, path), {}), ours)
        if method == "get":
            response = client.get(url, headers=headers)
        else:
            response = getattr(client, method)(url, body, content_type="application/json", headers=headers)
        content = response.content.decode()
        assert response.status_code < 500, (method, url, content)
        assert SENTINEL not in content, f"{method.upper()} {url} montre des données de l'autre ACI au rôle {role}"
        names_ours = "{id}" in path or any(key.endswith("_id") for key in body)
        if names_ours:
            assert response.status_code == 404, (role, method, url, response.status_code, content)
        elif (method, path) not in OWN_ACI_WRITES:
            assert response.status_code in (200, 404), (role, method, url, response.status_code, content)
