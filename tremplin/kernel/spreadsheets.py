"""Every CSV and XLSX file Tremplin writes goes through here, so that no cell becomes a formula.

A name typed by a prescriber such as `=HYPERLINK("http://…")` or `@SUM(…)` would run in the
spreadsheet of the HR assistant who opens the payroll file (OWASP "CSV injection"). Every text
cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
in CSV and XLSX alike, and XLSX text cells are stored as text (never as a formula); numbers and
dates stay numbers and dates.

CSV follows the French conventions of the ecosystem: `;` between cells, UTF-8 with a BOM so that
Excel reads the accents (numbers are formatted by the caller, e.g. with a decimal comma)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """`value` unchanged, unless it is text a spreadsheet would read as a formula: then prefixed
    with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Sequence]) -> bytes:
    """The rows (the header first) as a French CSV file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows:
        writer.writerow(["" if value is None else neutralised(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def new_sheet(title: str) -> tuple[Workbook, Worksheet]:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]  # the longest sheet name Excel accepts
    return workbook, sheet


def append_row(sheet: Worksheet, values: Sequence) -> None:
    """Append one row: text neutralised and stored as text, other values as they are."""
    sheet.append([neutralised(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def xlsx_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
