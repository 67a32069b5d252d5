"""Tables of the ACI as CSV (French conventions: `;`, dates dd/mm/yyyy, decimal comma, UTF-8 with
a BOM so that Excel reads the accents) and XLSX (numbers and dates as such): the people and the
contracts. The monthly hours are the statement of tremplin.worktime, the indicators the review
of tremplin.reporting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl.styles import Font

from tremplin.kernel.spreadsheets import append_row, csv_bytes, new_sheet, xlsx_bytes


@dataclass(frozen=True)
class Table:
    title: str
    header: list[str]
    rows: list[list]


def _fr(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def table_csv(table: Table) -> bytes:
    return csv_bytes([table.header, *([_fr(value) for value in row] for row in table.rows)])


def _cell(value):
    if isinstance(value, bool):
        return "oui" if value else "non"
    return float(value) if isinstance(value, Decimal) else value


def table_xlsx(table: Table) -> bytes:
    workbook, sheet = new_sheet(table.title)
    append_row(sheet, table.header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        append_row(sheet, [_cell(value) for value in row])
        for column, value in enumerate(row, start=1):
            if isinstance(value, date):
                sheet.cell(sheet.max_row, column).number_format = "DD/MM/YYYY"
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = max(12, min(40, len(str(column[0].value)) + 4))
    return xlsx_bytes(workbook)
