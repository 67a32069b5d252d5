"""Reading an uploaded table: CSV the French way (`;`, or `,` when the header uses it; UTF-8 with
or without BOM, else Windows-1252) or XLSX (first sheet); headers matched whatever their case,
accents and spaces; dates dd/mm/yyyy (or ISO); hours "7,5", "7.5", "7:30" or "7h30".

Pure functions, no database: every problem is a French message."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

FILE_EMPTY = "Le fichier est vide : il faut une ligne d'en-tête puis une ligne par enregistrement."
FILE_NO_ROWS = "Le fichier n'a que sa ligne d'en-tête : aucune ligne à importer."
FILE_XLS = "Le format XLS (Excel 97-2003) n'est pas lu : enregistrez le fichier au format XLSX ou CSV."
FILE_UNREADABLE = "Le fichier n'est ni un CSV ni un classeur XLSX lisible : {detail}"
FILE_BINARY = "Le fichier n'est ni un CSV ni un classeur XLSX (contenu binaire inconnu)."
MISSING_COLUMNS = "Colonnes manquantes dans la ligne d'en-tête : {columns}. Colonnes trouvées : {found}."
DUPLICATE_COLUMN = "La colonne « {column} » apparaît deux fois dans la ligne d'en-tête."
DATE_INVALID = "« {value} » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 15/03/1990)."
HOURS_INVALID = "« {value} » n'est pas un nombre d'heures : écrivez par exemple 7,5 ou 7:30."
REQUIRED = "Ce champ est obligatoire."

XLSX_SIGNATURE = b"PK\x03\x04"
XLS_SIGNATURE = b"\xd0\xcf\x11\xe0"
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Column:
    """A column an importer reads: its key, its header as written in the template, the other
    headers accepted for it, and whether a file without it is refused."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    help: str = ""


@dataclass
class Table:
    headers: list[str]
    # (line number as a spreadsheet shows it, the cells of the row)
    rows: list[tuple[int, list]] = field(default_factory=list)


def normalise(value) -> str:
    """Case, accents, apostrophes, punctuation and spaces aside: « Date de naissance » and
    « DATE DE NAISSANCE » and « date_de_naissance » are the same header."""
    text = unicodedata.normalize("NFKD", str(value or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


def _decode(content: bytes) -> str:
    if content.startswith(UTF8_BOM):
        return content[len(UTF8_BOM) :].decode("utf-8", errors="replace")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _delimiter(header_line: str) -> str:
    if ";" in header_line:
        return ";"
    if "\t" in header_line:
        return "\t"
    return ","


def _is_empty(cells) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _read_csv(content: bytes) -> list[list]:
    text = _decode(content)
    if "\x00" in text:
        raise ValidationError(FILE_BINARY)
    first_line = text.split("\n", 1)[0]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line)))


def _read_xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise ValidationError(FILE_UNREADABLE.format(detail=type(error).__name__)) from error
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_table(content: bytes) -> Table:
    """The header (first non-empty row) and the non-empty rows after it, numbered as a spreadsheet
    numbers them (the header of a plain file is line 1)."""
    if content.startswith(XLS_SIGNATURE):
        raise ValidationError(FILE_XLS)
    raw = _read_xlsx(content) if content.startswith(XLSX_SIGNATURE) else _read_csv(content)
    table = None
    for number, cells in enumerate(raw, start=1):
        if _is_empty(cells):
            continue
        if table is None:
            table = Table(headers=[str(c).strip() if c is not None else "" for c in cells])
        else:
            table.rows.append((number, cells))
    if table is None:
        raise ValidationError(FILE_EMPTY)
    return table


def match_columns(headers: list[str], columns: tuple[Column, ...]) -> dict[str, int]:
    """Column key -> index in the rows. A missing required column (or a column given twice) is
    refused with a French message naming it."""
    by_name: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = normalise(header)
        if not name:
            continue
        if name in by_name:
            raise ValidationError(DUPLICATE_COLUMN.format(column=header))
        by_name[name] = index
    found: dict[str, int] = {}
    missing = []
    for column in columns:
        for name in (column.label, *column.aliases):
            if normalise(name) in by_name:
                found[column.key] = by_name[normalise(name)]
                break
        else:
            if column.required:
                missing.append(f"« {column.label} »")
    if missing:
        present = ", ".join(f"« {h} »" for h in headers if h) or "aucune"
        raise ValidationError(MISSING_COLUMNS.format(columns=", ".join(missing), found=present))
    return found


def cell_text(value) -> str:
    """A cell as text: numbers without a trailing ".0", dates dd/mm/yyyy, spaces trimmed."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), ("day", "month", "year")),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?$"), ("year", "month", "day")),
)


def parse_date(value) -> date:
    """A date cell: a spreadsheet date, or text dd/mm/yyyy (also dd-mm-yyyy, dd.mm.yyyy) or ISO."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    for pattern, order in DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["year"], parts["month"], parts["day"])
            except ValueError:
                break
    raise ValueError(DATE_INVALID.format(value=text))


HOURS_CLOCK = re.compile(r"^(\d{1,2})\s*[:hH]\s*(\d{2})?$")


def parse_hours(value) -> Decimal:
    """Hours as a decimal (7,5 or 7.5) or a duration (7:30, 7h30, 7h), to the hundredth."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    text = cell_text(value).replace("\u202f", "").replace(" ", "")
    match = HOURS_CLOCK.match(text)
    if match and (match.group(2) is not None or text[-1:] in "hH"):
        minutes = int(match.group(2) or 0)
        if minutes < 60:
            return (Decimal(int(match.group(1))) + Decimal(minutes) / 60).quantize(Decimal("0.01"))
    else:
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite():
            return number.quantize(Decimal("0.01"))
    raise ValueError(HOURS_INVALID.format(value=cell_text(value)))


class RowReader:
    """One row of the table, read column by column; every problem is kept as a French message
    under the column's header, so that the preview says which cell to fix."""

    def __init__(self, cells: list, positions: dict[str, int], labels: dict[str, str]):
        self.cells, self.positions, self.labels = cells, positions, labels
        self.errors: dict[str, list[str]] = {}

    def has(self, key: str) -> bool:
        return key in self.positions

    def raw(self, key: str):
        index = self.positions.get(key)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def error(self, key: str | None, message: str) -> None:
        label = self.labels.get(key, "") if key else ""
        self.errors.setdefault(label, []).append(message)

    def text(self, key: str, *, required: bool = False) -> str:
        value = cell_text(self.raw(key))
        if required and not value:
            self.error(key, REQUIRED)
        return value

    def date(self, key: str, *, required: bool = False) -> date | None:
        if not self.text(key, required=required):
            return None
        try:
            return parse_date(self.raw(key))
        except ValueError as error:
            self.error(key, str(error))
            return None

    def hours(self, key: str, *, required: bool = False) -> Decimal | None:
        if not self.text(key, required=required):
            return None
        try:
            return parse_hours(self.raw(key))
        except ValueError as error:
            self.error(key, str(error))
            return None
