"""The dialogue de gestion file: the review's figures on the four axes, plus what the ACI produced
for its territory, as a page, an XLSX and a PDF; the funder reads it without any name."""

import io
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.funding.models import Grant
from tremplin.funding.tests.factories import FinancialAnnexFactory
from tremplin.organisations.enums import SupportKind
from tremplin.organisations.tests.factories import ProductionSupportFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.reporting.report import AXES
from tremplin.reporting.selectors import territorial_activity
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.tests.factories import TimesheetEntryFactory

from .test_views import text

PERIOD = {"du": "2025-01-01", "au": "2025-01-31"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2025, 6, 15), tick=False):
        yield


@pytest.fixture
def activity(structure, director):
    """January 2025: 3 days of 7 h on a chantier for the Métropole, 1 day of 7 h in an atelier of
    the same client written differently, 1 day of leave; an annex of 10 ETP (amount 200 000 EUR),
    a grant of the Région over the year and one in 2024 (not counted)."""
    FinancialAnnexFactory(
        convention__structure=structure, start=date(2025, 1, 1), end=date(2025, 12, 31), amount=Decimal(200000)
    )
    worksite = ProductionSupportFactory(structure=structure, kind=SupportKind.WORKSITE, client="Métropole")
    workshop = ProductionSupportFactory(structure=structure, kind=SupportKind.WORKSHOP, client=" métropole ")
    ProductionSupportFactory(structure=structure, kind=SupportKind.WORKSITE, client="Sans heures")
    person = PersonFactory(structure=structure, last_name="Nomsecret")
    contract = ContractFactory(person=person, start=date(2024, 10, 1), initial_end=date(2025, 9, 30))
    for day in (6, 7, 8):
        TimesheetEntryFactory(contract=contract, day=date(2025, 1, day), hours=Decimal(7), production_support=worksite)
    TimesheetEntryFactory(contract=contract, day=date(2025, 1, 9), hours=Decimal(7), production_support=workshop)
    TimesheetEntryFactory(contract=contract, day=date(2025, 1, 10), hours=Decimal(7), kind=EntryKind.PAID_LEAVE)
    for start, end, amount in [
        (date(2025, 1, 1), date(2025, 12, 31), 15000),
        (date(2024, 1, 1), date(2024, 12, 31), 9),
    ]:
        Grant.objects.create(
            structure=structure, funder="region", funder_name="Région", amount=amount, start=start, end=end,
            purpose="Formation", created_by=director,
        )  # fmt: skip
    return structure


def test_territorial_activity_against_a_hand_count(activity):
    result = territorial_activity([activity], date(2025, 1, 1), date(2025, 1, 31))
    assert (result.worksites, result.workshops, result.clients) == (1, 1, 1)
    assert result.worked_hours == Decimal("28.00")  # 4 days of 7 h on a support; the leave is not production
    assert result.annex_amount == Decimal(200000)
    assert (result.grants, result.grants_amount) == (1, Decimal(15000))


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.FUNDER, Role.ADMIN_STAFF])
def test_the_file_has_four_axes_and_no_name(client, make_member, activity, role):
    client.force_login(make_member(role, activity))
    page = text(client.get(reverse("reporting:dialogue"), PERIOD))
    for axis in AXES:
        assert axis in page
    assert "Heures de production sur les ateliers et chantiers" in page and "28,00 h" in page
    assert "200 000,00 EUR" in page and "15 000,00 EUR" in page
    assert "Nomsecret" not in page


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.PRESCRIBER])
def test_other_roles_get_404(client, make_member, activity, role):
    client.force_login(make_member(role, activity))
    for name in ("reporting:dialogue", "reporting:dialogue_xlsx", "reporting:dialogue_pdf"):
        assert client.get(reverse(name), PERIOD).status_code == 404


def test_the_xlsx_and_the_pdf_hold_the_same_figures(director_client, activity):
    sheet = load_workbook(io.BytesIO(director_client.get(reverse("reporting:dialogue_xlsx"), PERIOD).content)).active
    values = {row[4]: (row[0], row[2]) for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert values["activity.worked_hours"] == (AXES[3], pytest.approx(28.0))
    assert values["hours_paid"] == (AXES[3], pytest.approx(35.0))
    assert values["headcount"] == (AXES[0], 1)
    assert values["obstacles_by_category.housing.identified"][0] == AXES[1]
    assert values["certifications_passed"] == (AXES[2], 0)
    response = director_client.get(reverse("reporting:dialogue_pdf"), PERIOD)
    content = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    content = content.replace("\u202f", " ").replace("\xa0", " ")
    assert "Dialogue de gestion" in content and AXES[3] in content
    assert "Heures de production sur les ateliers et chantiers 28,00 h" in content
    assert "Nomsecret" not in content
