"""The committee pages: who reads and writes, the planning button, the decisions, and the
committee file (a real PDF read back with pypdf): named for a comité de suivi, anonymised for a
comité de pilotage."""

import html
import io
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from pypdf import PdfReader

from tremplin.accounts.enums import Role
from tremplin.committees.enums import CommitteeKind, CommitteeMoment
from tremplin.committees.models import Committee, CommitteeDecision
from tremplin.contracts.models import Exit
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.funding.tests.factories import ConventionFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.worktime.models import TimesheetEntry

from .factories import CommitteeFactory


def text(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 3, 16), tick=False):
        yield


@pytest.fixture
def convention(structure):
    return ConventionFactory(
        structure=structure, reference="DDETS34-2025", start=date(2025, 1, 1), end=date(2027, 12, 31)
    )


def client_as(client, make_member, role, structure):
    client.force_login(make_member(role, structure))
    return client


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.DIRECTOR, 200),
        (Role.COUNSELLOR, 200),
        (Role.ADMIN_STAFF, 200),
        (Role.SUPERVISOR, 404),
        (Role.PRESCRIBER, 404),
        (Role.FUNDER, 404),
    ],
)
def test_who_reads_the_committees(client, make_member, structure, convention, role, status):
    committee = CommitteeFactory(convention=convention, kind=CommitteeKind.STEERING)
    client_as(client, make_member, role, structure)
    assert client.get(reverse("committees:list")).status_code == status
    assert client.get(reverse("committees:detail", args=[committee.pk])).status_code == status
    assert client.get(reverse("committees:file", args=[committee.pk])).status_code == status


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.ADMIN_STAFF, Role.SUPERVISOR])
def test_only_the_director_writes(client, make_member, structure, convention, role):
    committee = CommitteeFactory(convention=convention)
    client_as(client, make_member, role, structure)
    assert client.get(reverse("committees:create")).status_code == 404
    assert client.get(reverse("committees:update", args=[committee.pk])).status_code == 404
    assert client.post(reverse("committees:plan"), {"convention": convention.pk, "kind": "steering"}).status_code == 404
    response = client.post(reverse("committees:decision_add", args=[committee.pk]), {"text": "x", "owner": "y"})
    assert response.status_code == 404
    assert not CommitteeDecision.objects.exists()


@pytest.mark.parametrize(("role", "status"), [(Role.DIRECTOR, 200), (Role.COUNSELLOR, 200), (Role.ADMIN_STAFF, 404)])
def test_the_named_file_is_for_direction_and_counsellors(client, make_member, structure, convention, role, status):
    committee = CommitteeFactory(convention=convention, kind=CommitteeKind.FOLLOW_UP)
    client_as(client, make_member, role, structure)
    assert client.get(reverse("committees:file", args=[committee.pk])).status_code == status
    page = text(client.get(reverse("committees:detail", args=[committee.pk])))
    assert ("Dossier du comité" in page) == (status == 200)


def test_the_plan_button_plans_the_three_committees(director_client, convention):
    page = text(director_client.get(reverse("committees:list")))
    assert "Prévoir les comités de la convention" in page
    response = director_client.post(
        reverse("committees:plan"), {"convention": convention.pk, "kind": "steering"}, follow=True
    )
    assert "3 comité(s) prévu(s) : 01/01/2025, 02/07/2026, 31/12/2027" in text(response)
    response = director_client.post(
        reverse("committees:plan"), {"convention": convention.pk, "kind": "steering"}, follow=True
    )
    assert "déjà prévus" in text(response)
    assert Committee.objects.count() == 3


def test_the_director_records_a_committee_then_its_minutes_and_decisions(director_client, structure, convention):
    form = {
        "convention": convention.pk,
        "kind": "follow_up",
        "moment": "middle",
        "planned_on": "2026-03-20",
        "held_on": "2026-03-20",
        "place": "Salle du conseil",
    }
    response = director_client.post(reverse("committees:create"), form)
    assert response.status_code == 200
    assert "ne peut pas être déclaré tenu à une date future (20/03/2026)" in text(response)
    form["held_on"] = ""
    form["minutes"] = "Compte rendu anticipé"
    response = director_client.post(reverse("committees:create"), form)
    assert rules_message("MINUTES_BEFORE_HELD") in text(response)
    form["minutes"] = ""
    response = director_client.post(reverse("committees:create"), form, follow=True)
    assert "Le comité est enregistré" in text(response)
    committee = Committee.objects.get()
    page = text(director_client.get(reverse("committees:detail", args=[committee.pk])))
    assert "Les décisions se saisissent une fois le comité tenu" in page
    form.update(planned_on="2026-03-13", held_on="2026-03-13", minutes="Point sur les parcours.")
    response = director_client.post(reverse("committees:update", args=[committee.pk]), form, follow=True)
    assert "Point sur les parcours." in text(response)
    response = director_client.post(
        reverse("committees:decision_add", args=[committee.pk]),
        {"text": "Organiser une information collective", "owner": "CIP", "due_on": "2026-03-01"},
    )
    assert "ne peut pas précéder la tenue du comité (13/03/2026)" in text(response)
    response = director_client.post(
        reverse("committees:decision_add", args=[committee.pk]),
        {"text": "Organiser une information collective", "owner": "CIP", "due_on": "2026-06-01"},
        follow=True,
    )
    assert "Organiser une information collective" in text(response)
    decision = CommitteeDecision.objects.get()
    director_client.post(reverse("committees:decision_delete", args=[decision.pk]))
    assert not CommitteeDecision.objects.exists()


def rules_message(name: str) -> str:
    from tremplin.committees import rules

    return getattr(rules, name)


@pytest.fixture
def beneficiaries(structure, director):
    """Two people under contract in 2026, one of them out on 27/02/2026, and a third hired after the period."""
    alice = PersonFactory(structure=structure, first_name="Alice", last_name="Zébulon", birth_date=date(1988, 4, 3))
    bruno = PersonFactory(structure=structure, first_name="Bruno", last_name="Yvetot", birth_date=date(1971, 9, 21))
    later = PersonFactory(structure=structure, first_name="Chloé", last_name="Xavier")
    first = ContractFactory(person=alice, start=date(2025, 11, 3), initial_end=date(2026, 5, 2), job_label="Jardinière")
    second = ContractFactory(person=bruno, start=date(2026, 1, 5), initial_end=date(2026, 2, 27), job_label="Maçon VRD")
    ContractFactory(person=later, start=date(2026, 4, 1), initial_end=date(2026, 9, 30))
    for day, hours in ((date(2026, 1, 12), "7.00"), (date(2026, 1, 13), "7.50"), (date(2025, 12, 1), "7.00")):
        TimesheetEntry.objects.create(
            contract=first, person=alice, structure=structure, day=day, kind="worked", hours=hours, created_by=director
        )
    TimesheetEntry.objects.create(
        contract=second,
        person=bruno,
        structure=structure,
        day=date(2026, 1, 12),
        kind="sick_leave",
        hours=7,
        created_by=director,
    )
    Exit.objects.create(contract=second, person=bruno, exit_date=date(2026, 2, 27), reason="cdi", created_by=director)
    return alice, bruno


def _committee(convention, kind, **fields):
    previous = CommitteeFactory(
        convention=convention,
        kind=kind,
        moment=CommitteeMoment.START,
        planned_on=date(2025, 12, 31),
        held_on=date(2025, 12, 31),
    )
    committee = CommitteeFactory(
        convention=convention,
        kind=kind,
        moment=CommitteeMoment.OTHER,
        planned_on=date(2026, 3, 13),
        held_on=date(2026, 3, 13),
        place="Salle du conseil",
        **fields,
    )
    return previous, committee


def test_the_steering_committee_file_is_anonymised(client, make_member, structure, convention, beneficiaries):
    _, committee = _committee(convention, CommitteeKind.STEERING)
    client_as(client, make_member, Role.ADMIN_STAFF, structure)
    content = pdf_text(client.get(reverse("committees:file", args=[committee.pk])))
    assert "Période examinée : du 01/01/2026 au 13/03/2026" in content
    assert "Val Vert" in content
    assert "Salarié·e 1" in content and "Salarié·e 2" in content and "Salarié·e 3" not in content
    for word in ("Alice", "Zébulon", "Bruno", "Yvetot", "Chloé", "Xavier", "03/04/1988", "21/09/1971", "1988", "1971"):
        assert word not in content, word
    assert "Jardinière" in content and "03/11/2025" in content and "14,50 h" in content
    assert "27/02/2026" in content  # Bruno's exit, anonymised
    assert "Nouvelles embauches" in content  # the figures of the period, as in the annual review


def test_the_follow_up_committee_file_names_the_beneficiaries(director_client, convention, beneficiaries):
    _, committee = _committee(convention, CommitteeKind.FOLLOW_UP)
    content = pdf_text(director_client.get(reverse("committees:file", args=[committee.pk])))
    assert "Alice Zébulon" in content and "Bruno Yvetot" in content
    assert "Chloé" not in content  # hired after the period
    assert "Salarié·e 1" not in content


def test_the_list_shows_upcoming_and_held_in_a_fixed_number_of_queries(
    director_client, convention, django_assert_max_num_queries
):
    for n in range(6):
        CommitteeFactory(convention=convention, planned_on=date(2026, 4, 1 + n), place=f"Lieu à venir {n}")
        CommitteeFactory(
            convention=convention, planned_on=date(2026, 2, 1 + n), held_on=date(2026, 2, 1 + n), place=f"Lieu {n}"
        )
    with django_assert_max_num_queries(12):
        page = text(director_client.get(reverse("committees:list")))
    assert page.index("À venir") < page.index("01/04/2026") < page.index("Tenus") < page.index("06/02/2026")


def test_a_committee_of_another_aci_is_a_404(director_client, other_structure):
    theirs = CommitteeFactory(convention=ConventionFactory(structure=other_structure))
    assert director_client.get(reverse("committees:detail", args=[theirs.pk])).status_code == 404
    assert director_client.get(reverse("committees:file", args=[theirs.pk])).status_code == 404
