"""The chantier summary for its client: a real PDF (WeasyPrint), read back with pypdf."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.selectors import support_summary
from tremplin.worktime.tests.factories import TimesheetEntryFactory


@pytest.fixture
def worksite(support):
    support.client = "Métropole SENTINELLE-CLIENT"
    support.save()
    for i, (day, hours) in enumerate([(date(2026, 3, 2), "7"), (date(2026, 3, 3), "6.5"), (date(2026, 4, 1), "7")]):
        person = PersonFactory(structure=support.structure, last_name=f"Nomcache{i}")
        contract = ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 12, 31))
        TimesheetEntryFactory(contract=contract, production_support=support, day=day, hours=Decimal(hours))
        TimesheetEntryFactory(
            contract=contract, production_support=support, day=date(2026, 4, 2), kind=EntryKind.SICK_LEAVE
        )
    return support


def test_summary_adds_up_the_hours_worked(worksite):
    summary = support_summary(worksite)
    assert summary.hours_worked == Decimal("20.5")  # 7 + 6.5 + 7; sick leave is not work
    assert summary.people == 3
    assert [(m.month, m.hours_worked, m.people) for m in summary.months] == [
        (date(2026, 3, 1), Decimal("13.5"), 2),
        (date(2026, 4, 1), Decimal("7"), 1),
    ]
    assert (summary.first_day, summary.last_day) == (date(2026, 3, 2), date(2026, 4, 1))


def test_the_pdf_holds_the_figures_and_no_name(client, make_member, worksite):
    client.force_login(make_member(Role.SUPERVISOR, worksite.structure))
    response = client.get(reverse("worktime:support_summary_pdf", args=[worksite.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and ".pdf" in response["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    assert "Métropole SENTINELLE-CLIENT" in text
    assert "20,50 h" in text
    assert "mars 2026" in text and "13,50" in text
    assert "du 02/03/2026 au 01/04/2026" in text
    assert "Nomcache" not in text


def test_another_structure_gets_no_pdf(client, make_member, worksite, other_structure):
    client.force_login(make_member(Role.DIRECTOR, other_structure))
    assert client.get(reverse("worktime:support_summary_pdf", args=[worksite.pk])).status_code == 404
