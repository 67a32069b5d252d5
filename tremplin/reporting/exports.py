"""The annual review as XLSX: the rows of report.py, rounded as on the page, numbers as numbers."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from .report import COUNT, PLACES, Row


def review_xlsx(rows: list[Row], *, title: str, period: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Bilan"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([period])
    sheet.append([])
    sheet.append(["Rubrique", "Indicateur", "Valeur", "Unité", "Nom stable"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in rows:
        value = row.rounded
        sheet.append(
            [
                row.section,
                row.label,
                None if value is None else (value if row.kind == COUNT else float(value)),
                row.unit,
                row.name,
            ]
        )
        if value is not None and row.kind != COUNT:
            sheet.cell(sheet.max_row, 3).number_format = "#,##0." + "0" * PLACES[row.kind]
    for column, width in zip("ABCDE", (26, 58, 14, 8, 34), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
