"""The monthly statement (EMI, in the layout of the ASP Extranet IAE 2.0 monthly declaration) and
the payroll export, as CSV (French conventions: `;`, decimal comma, UTF-8 with BOM for Excel)
and XLSX."""

from decimal import Decimal

from openpyxl.styles import Font

from tremplin.kernel.spreadsheets import append_row, csv_bytes, new_sheet, xlsx_bytes

from .enums import ABSENCE_KINDS, EntryKind
from .rules import month_fr


def _fr_number(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def statement_header() -> list[str]:
    return [
        "Nom",
        "Prénom",
        "N° PASS IAE",
        "Heures travaillées",
        "Heures rémunérées",
        *[EntryKind(kind).label for kind in ABSENCE_KINDS],
        "Date de sortie",
        "Motif de sortie",
        "Catégorie de sortie",
    ]


def statement_values(row) -> list:
    if row.is_total:
        names = ["TOTAL", "", ""]
    else:
        names = [row.person.last_name.upper(), row.person.first_name, row.pass_number]
    return [
        *names,
        row.hours_worked,
        row.hours_paid,
        *[row.absences[kind] for kind in ABSENCE_KINDS],
        row.exit_date.strftime("%d/%m/%Y") if row.exit_date else "",
        row.exit_reason,
        row.exit_category,
    ]


def statement_csv(rows) -> bytes:
    lines = [[_fr_number(v) if isinstance(v, Decimal) else v for v in statement_values(row)] for row in rows]
    return csv_bytes([statement_header(), *lines])


def statement_xlsx(rows, *, structure, month) -> bytes:
    workbook, sheet = new_sheet("Relevé mensuel")
    append_row(sheet, [f"{structure.name} · SIRET {structure.siret} · relevé de {month_fr(month)}"])
    append_row(sheet, statement_header())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, [float(v) if isinstance(v, Decimal) else v for v in statement_values(row)])
    return xlsx_bytes(workbook)


def payroll_csv(rows) -> bytes:
    lines = [
        [
            "Nom",
            "Prénom",
            "Mois",
            "Jours travaillés",
            "Heures rémunérées",
            *[kind.label for kind in EntryKind],
            "Absences",
        ]
    ]
    for row in rows:
        absences = " ; ".join(
            f"{EntryKind(p.kind).label} du {p.start:%d/%m/%Y} au {p.end:%d/%m/%Y}" for p in row.absences
        )
        lines.append(
            [
                row.person.last_name.upper(),
                row.person.first_name,
                row.month.strftime("%m/%Y"),
                row.days_worked,
                _fr_number(row.hours_paid),
                *[_fr_number(row.hours_by_kind[kind]) for kind in EntryKind],
                absences,
            ]
        )
    return csv_bytes(lines)
