"""The counsellor's journey through the pages: hire, renew, refused past 24 months, derogation,
renew again, exit in the right DGEFP category."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.contracts.enums import ExitCategory
from tremplin.contracts.models import Contract
from tremplin.eligibility.tests.factories import ApprovalFactory
from tremplin.people.tests.factories import PersonFactory


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


@pytest.fixture
def counsellor_client(client, make_member, structure):
    client.force_login(make_member(Role.COUNSELLOR, structure))
    return client


def test_counsellor_journey(counsellor_client, structure):
    person = PersonFactory(structure=structure, rqth=True, first_name="Patrick", last_name="Roussel")
    ApprovalFactory(person=person, start=date(2025, 1, 2))
    response = counsellor_client.post(
        reverse("contracts:hire", args=[person.pk]),
        {
            "kind": "cddi",
            "start": "2025-01-06",
            "end": "2025-07-05",
            "weekly_hours": "26",
            "hourly_pay": "11.88",
            "job_label": "Agent d'entretien des espaces verts",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    contract = Contract.objects.get()
    renew = reverse("contracts:renew", args=[contract.pk])
    assert counsellor_client.post(renew, {"until": "2026-12-31"}).status_code == 302
    response = counsellor_client.post(renew, {"until": "2027-06-30"})
    assert response.status_code == 200
    assert "dépasserait 24 mois" in response.text
    assert "enregistrez d&#x27;abord une dérogation" in response.text
    response = counsellor_client.post(
        reverse("contracts:derogation_create", args=[person.pk]),
        {
            "kind": "senior_or_rqth",
            "reason": "RQTH, difficultés particulières",
            "decision_date": "2026-11-20",
            "decided_by": "DDETS de l'Hérault",
            "start": "2027-01-06",
            "end": "2028-01-05",
        },
    )
    assert response.status_code == 302
    assert counsellor_client.post(renew, {"until": "2027-06-30"}).status_code == 302
    contract.refresh_from_db()
    assert contract.end == date(2027, 6, 30)
    response = counsellor_client.post(
        reverse("contracts:end_early", args=[contract.pk]), {"on": "2026-12-15", "reason": "hired_elsewhere"}
    )
    assert response.status_code == 302
    response = counsellor_client.post(
        reverse("contracts:exit", args=[contract.pk]), {"reason": "cdi", "next_employer": "Jardins du Midi"}
    )
    assert response.status_code == 302
    assert contract.exit.category == ExitCategory.DURABLE
    page = counsellor_client.get(reverse("people:detail", args=[person.pk])).text
    assert "Sortie : CDI (Emploi durable)" in page
    assert "Dérogation : Au-delà de 24 mois" in page
    assert "Suivi à 3 mois prévu" in page


def test_hire_refused_keeps_the_form(counsellor_client, structure):
    person = PersonFactory(structure=structure)
    ApprovalFactory(person=person, start=date(2026, 11, 2))
    response = counsellor_client.post(
        reverse("contracts:hire", args=[person.pk]),
        {
            "kind": "cddi",
            "start": "2026-12-01",
            "end": "2027-02-28",
            "weekly_hours": "26",
            "hourly_pay": "12.02",
            "job_label": "Commis",
        },
    )
    assert response.status_code == 200
    assert "Un CDDI dure au moins 4 mois" in response.text
    assert 'value="Commis"' in response.text


def test_alerts_page_and_home(counsellor_client, structure):
    person = PersonFactory(structure=structure, last_name="Bientotfini")
    Contract.objects.create(
        person=person,
        structure=structure,
        job_label="Agent",
        start=date(2026, 6, 1),
        initial_end=date(2026, 12, 10),
        end=date(2026, 12, 10),
        initial_weekly_hours=26,
        weekly_hours=26,
        hourly_pay="12.02",
        trial_period_end=date(2026, 6, 14),
        created_by=person.structure.memberships.first().user,
    )
    text = counsellor_client.get(reverse("core:alerts")).text
    assert "Le contrat se termine le 10/12/2026" in text
    assert "Le contrat se termine le 10/12/2026" in counsellor_client.get(reverse("core:home")).text


def test_change_of_job_keeps_the_history(counsellor_client, structure):
    person = PersonFactory(structure=structure)
    ApprovalFactory(person=person, start=date(2026, 11, 2))
    counsellor_client.post(
        reverse("contracts:hire", args=[person.pk]),
        {
            "kind": "cddi",
            "start": "2026-11-23",
            "end": "2027-05-22",
            "weekly_hours": "26",
            "hourly_pay": "12.02",
            "job_label": "Commis",
        },
    )
    contract = Contract.objects.get()
    response = counsellor_client.post(
        reverse("contracts:change_job", args=[contract.pk]), {"effective_date": "2027-01-04", "job_label": "Cuisinier"}
    )
    assert response.status_code == 302
    contract.refresh_from_db()
    amendment = contract.amendments.get()
    assert (contract.job_label, amendment.previous_job_label, amendment.new_job_label) == (
        "Cuisinier",
        "Commis",
        "Cuisinier",
    )


def test_hire_with_a_malformed_referral_id_is_a_404(counsellor_client, structure):
    person = PersonFactory(structure=structure)
    url = reverse("contracts:hire", args=[person.pk])
    assert counsellor_client.get(url, {"orientation": "abc"}).status_code == 404
