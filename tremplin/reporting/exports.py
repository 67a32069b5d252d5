"""The annual review as XLSX: the rows of report.py, rounded as on the page, numbers as numbers."""

from openpyxl.styles import Font

from tremplin.kernel.spreadsheets import append_row, new_sheet, xlsx_bytes

from .report import COUNT, PLACES, Row


def _cell(row: Row):
    value = row.rounded
    return None if value is None else (value if row.kind == COUNT else float(value))


def review_xlsx(
    rows: list[Row], *, title: str, period: str, columns: list[tuple[str, list[Row]]] | None = None
) -> bytes:
    """One line per indicator; with `columns` (an organisation), the figures of each ACI after the
    whole."""
    workbook, sheet = new_sheet("Bilan")
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [period])
    append_row(sheet, [])
    columns = columns or []
    append_row(sheet, ["Rubrique", "Indicateur", "Valeur", "Unité", "Nom stable", *[name for name, _ in columns]])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for index, row in enumerate(rows):
        append_row(
            sheet, [row.section, row.label, _cell(row), row.unit, row.name, *[_cell(rs[index]) for _, rs in columns]]
        )
        for column in [3, *range(6, 6 + len(columns))]:
            if row.kind != COUNT:
                sheet.cell(sheet.max_row, column).number_format = "#,##0." + "0" * PLACES[row.kind]
    for column, width in zip("ABCDE", (26, 58, 14, 8, 34), strict=True):
        sheet.column_dimensions[column].width = width
    return xlsx_bytes(workbook)


def review_csv(rows: list[Row], *, title: str) -> bytes:
    """The same lines as a French CSV (`;`, decimal comma, UTF-8 with BOM), for a spreadsheet or a
    funder's tool."""
    from tremplin.portability.exports import Table, table_csv

    def value(row: Row) -> str:
        rounded = row.rounded
        return "" if rounded is None else str(rounded).replace(".", ",")

    lines = [[row.section, row.label, value(row), row.unit, row.name] for row in rows]
    return table_csv(Table(title=title, header=["Rubrique", "Indicateur", "Valeur", "Unité", "Nom stable"], rows=lines))


def rsa_xlsx(report, *, title: str, period: str) -> bytes:
    """The Département's list: one line per employee, the part of each month co-financed, the total
    of months and the amount (rounded for display: months to 2 decimals, money to the cent)."""
    workbook, sheet = new_sheet("Co-financement RSA")
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(
        sheet, [period, "", "", "88 % du montant forfaitaire du RSA pour une personne seule, par mois sous contrat"]
    )
    append_row(sheet, [])
    append_row(
        sheet, ["Nom", "Prénom", "Date de naissance", *[f"{m:%m/%Y}" for m in report.months], "Mois", "Montant (EUR)"]
    )
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in report.rows:
        append_row(
            sheet,
            [
                row.person.last_name.upper(),
                row.person.first_name,
                row.person.birth_date.strftime("%d/%m/%Y"),
                *[None if share is None else round(float(share), 2) for share in row.shares],
                round(float(row.months), 2),
                round(float(row.amount), 2),
            ],
        )
    append_row(
        sheet,
        [
            "TOTAL",
            "",
            "",
            *[None for _ in report.months],
            round(float(report.total_months), 2),
            round(float(report.total_amount), 2),
        ],
    )
    sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["C"].width = 16
    return xlsx_bytes(workbook)
