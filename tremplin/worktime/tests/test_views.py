"""The pages of working time: a supervisor's week on a phone, the monthly statement and its exports."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.worktime.models import MonthValidation, TimesheetEntry

MONDAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 4, 8), tick=False):
        yield


@pytest.fixture
def team(structure, make_member):
    supervisor = make_member(Role.SUPERVISOR, structure)
    support = ProductionSupportFactory(structure=structure, supervisor=supervisor)
    contracts = [
        ContractFactory(
            person=PersonFactory(structure=structure, last_name=f"Equipier{i}"),
            production_support=support,
            start=date(2026, 1, 5),
            initial_end=date(2026, 12, 31),
            initial_weekly_hours=Decimal(26),
        )
        for i in range(8)
    ]
    return supervisor, support, contracts


def test_supervisor_confirms_the_week_of_a_team_of_8_in_one_tap(client, team):
    supervisor, support, contracts = team
    client.force_login(supervisor)
    page = client.get(reverse("worktime:week"), {"semaine": "2026-03-04"})
    assert page.status_code == 200
    assert "Semaine du 02/03/2026" in page.text
    assert page.text.count("Equipier") >= 8
    response = client.post(reverse("worktime:confirm"), {"semaine": "2026-03-02", "support": support.pk}, follow=True)
    assert "40 journée(s) enregistrée(s) comme prévu pour la semaine" in response.text
    assert TimesheetEntry.objects.filter(day__range=(MONDAY, date(2026, 3, 6))).count() == 40
    assert all(e.hours == Decimal("5.20") for e in TimesheetEntry.objects.all())
    client.post(reverse("worktime:confirm"), {"semaine": "2026-03-02", "support": support.pk})
    assert TimesheetEntry.objects.count() == 40  # again: nothing changes


def test_record_an_absence_and_a_refusal_names_the_rule(client, team):
    supervisor, support, contracts = team
    client.force_login(supervisor)
    url = reverse("worktime:record")
    data = {
        "semaine": "2026-03-02",
        "contract": contracts[0].pk,
        "day": "2026-03-03",
        "kind": "sick_leave",
        "hours": "5.2",
    }
    client.post(url, data)
    assert TimesheetEntry.objects.get().kind == "sick_leave"
    response = client.post(url, {**data, "kind": "worked", "hours": "10.5"}, follow=True)
    assert "10 heures" in response.text
    assert TimesheetEntry.objects.count() == 1


def test_counsellor_and_external_roles_do_not_reach_timesheets(client, make_member, structure):
    for role in (Role.COUNSELLOR, Role.PRESCRIBER, Role.FUNDER):
        client.force_login(make_member(role, structure))
        assert client.get(reverse("worktime:week")).status_code == 404
        assert client.get(reverse("worktime:month", args=["2026-03"])).status_code == 404


def test_month_statement_adds_up_to_the_timesheets_and_exports(client, make_member, structure, team):
    supervisor, support, contracts = team
    client.force_login(supervisor)
    for monday in ("2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"):
        client.post(reverse("worktime:confirm"), {"semaine": monday, "support": support.pk})
    march = TimesheetEntry.objects.filter(day__month=3)
    total = sum(e.hours for e in march)
    client.force_login(make_member(Role.ADMIN_STAFF, structure))
    page = client.get(reverse("worktime:month", args=["2026-03"]))
    assert page.status_code == 200
    assert f"{total:.2f}".replace(".", ",") in page.text
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("worktime:statement_csv", args=["2026-03"])).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][:5] == ["Nom", "Prénom", "N° PASS IAE", "Heures travaillées", "Heures rémunérées"]
    people = rows[1:-1]
    assert len(people) == 8
    assert sum(Decimal(r[3].replace(",", ".")) for r in people) == total
    assert rows[-1][0] == "TOTAL" and Decimal(rows[-1][3].replace(",", ".")) == total
    workbook = load_workbook(io.BytesIO(client.get(reverse("worktime:statement_xlsx", args=["2026-03"])).content))
    sheet = workbook.active
    assert sheet.cell(row=2, column=1).value == "Nom"
    assert sum(sheet.cell(row=r, column=4).value for r in range(3, 11)) == pytest.approx(float(total))
    payroll = client.get(reverse("worktime:payroll_csv", args=["2026-03"])).content.decode("utf-8-sig")
    assert payroll.count("\n") == 9
    response = client.post(reverse("worktime:month_validate", args=["2026-03"]), follow=True)
    assert "est validé" in response.text
    assert MonthValidation.objects.filter(month=date(2026, 3, 1)).exists()


def test_the_planning_changes_what_confirm_records(client, team):
    supervisor, support, contracts = team
    client.force_login(supervisor)
    page = client.get(reverse("worktime:planning"), {"support": support.pk})
    assert page.status_code == 200 and "Equipier0" in page.text
    data = {
        "contract": contracts[0].pk,
        **{f"jour{d}": "0" for d in range(7)},
        "jour0": "8",
        "jour1": "8",
        "jour2": "10",
    }
    response = client.post(reverse("worktime:planning") + f"?support={support.pk}", data, follow=True)
    assert "Le planning de" in response.text
    client.post(reverse("worktime:confirm"), {"semaine": "2026-03-02", "support": support.pk})
    hours = dict(TimesheetEntry.objects.filter(contract=contracts[0]).values_list("day", "hours"))
    assert hours == {date(2026, 3, 2): Decimal(8), date(2026, 3, 3): Decimal(8), date(2026, 3, 4): Decimal(10)}
    too_much = {**data, "jour2": "10.5"}
    response = client.post(reverse("worktime:planning"), too_much, follow=True)
    assert "10 h" in response.text or "10 heures" in response.text


def test_the_planning_puts_a_weekday_on_another_atelier(client, team, structure):
    supervisor, support, contracts = team
    workshop = ProductionSupportFactory(structure=structure, name="Atelier mécanique")
    client.force_login(supervisor)
    page = client.get(reverse("worktime:planning"), {"support": support.pk})
    assert "Atelier mécanique" in page.text and 'name="atelier2"' in page.text
    data = {
        "contract": contracts[0].pk,
        **{f"jour{d}": "0" for d in range(7)},
        "jour0": "7",
        "jour2": "7",
        "atelier0": support.pk,
        "atelier2": workshop.pk,
    }
    client.post(reverse("worktime:planning") + f"?support={support.pk}", data)
    client.post(reverse("worktime:confirm"), {"semaine": "2026-03-02", "support": support.pk})
    where = dict(TimesheetEntry.objects.filter(contract=contracts[0]).values_list("day", "production_support"))
    assert where == {date(2026, 3, 2): support.pk, date(2026, 3, 4): workshop.pk}


def test_a_validated_month_changes_only_through_a_recorded_correction(client, make_member, structure, team):
    supervisor, support, contracts = team
    client.force_login(supervisor)
    client.post(reverse("worktime:confirm"), {"semaine": "2026-03-02", "support": support.pk})
    client.force_login(make_member(Role.ADMIN_STAFF, structure))
    client.post(reverse("worktime:month_validate", args=["2026-03"]))
    data = {"semaine": "2026-03-02", "contract": contracts[0].pk, "day": "2026-03-03", "kind": "worked", "hours": "3"}
    response = client.post(reverse("worktime:record"), data, follow=True)
    assert "correction" in response.text.lower()
    correction = {
        "contract": contracts[0].pk,
        "day": "2026-03-03",
        "kind": "worked",
        "new_hours": "3",
        "reason": "Départ à midi oublié",
    }
    response = client.post(reverse("worktime:month", args=["2026-03"]), correction, follow=True)
    assert "La correction est enregistrée" in response.text
    assert "5,20 h → 3,00 h (Départ à midi oublié)" in response.text
    assert TimesheetEntry.objects.get(contract=contracts[0], day=date(2026, 3, 3)).hours == Decimal(3)


def test_a_malformed_id_is_a_404_not_an_error(client, team):
    supervisor, support, contracts = team
    client.force_login(supervisor)
    assert client.post(reverse("worktime:planning"), {"contract": "abc"}).status_code == 404
    assert client.get(reverse("worktime:month", args=["2026-13"])).status_code == 404
