"""Tables of the ACI as CSV (French conventions: `;`, dates dd/mm/yyyy, decimal comma, UTF-8 with
a BOM so that Excel reads the accents) and XLSX (numbers and dates as such): the people and the
contracts. The monthly hours are the statement of tremplin.worktime, the indicators the review
of tremplin.reporting."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font


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
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(table.header)
    writer.writerows([_fr(value) for value in row] for row in table.rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _cell(value):
    if isinstance(value, bool):
        return "oui" if value else "non"
    return float(value) if isinstance(value, Decimal) else value


def table_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.title[:31]
    sheet.append(table.header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(
            [
                ("oui" if v else "non") if isinstance(v, bool) else (float(v) if isinstance(v, Decimal) else v)
                for v in row
            ]
        )
        for column, value in enumerate(row, start=1):
            if isinstance(value, date):
                sheet.cell(sheet.max_row, column).number_format = "DD/MM/YYYY"
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = max(12, min(40, len(str(column[0].value)) + 4))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
