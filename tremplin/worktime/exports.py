"""The monthly statement (EMI, in the layout of the ASP Extranet IAE 2.0 monthly declaration) and
the payroll export, as CSV (French conventions: `;`, decimal comma, UTF-8 with BOM for Excel)
and XLSX."""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

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
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(statement_header())
    for row in rows:
        writer.writerow([_fr_number(v) if isinstance(v, Decimal) else v for v in statement_values(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def statement_xlsx(rows, *, structure, month) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Relevé mensuel"
    sheet.append([f"{structure.name} · SIRET {structure.siret} · relevé de {month_fr(month)}"])
    sheet.append(statement_header())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in statement_values(row)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def payroll_csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            "Nom",
            "Prénom",
            "Mois",
            "Jours travaillés",
            "Heures rémunérées",
            *[kind.label for kind in EntryKind],
            "Absences",
        ]
    )
    for row in rows:
        absences = " ; ".join(
            f"{EntryKind(p.kind).label} du {p.start:%d/%m/%Y} au {p.end:%d/%m/%Y}" for p in row.absences
        )
        writer.writerow(
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
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
