from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tremplin.imports.parsing import (
    DATE_INVALID,
    FILE_EMPTY,
    FILE_XLS,
    HOURS_INVALID,
    REQUIRED,
    Column,
    RowReader,
    match_columns,
    normalise,
    parse_date,
    parse_hours,
    read_table,
)

from .files import csv_bytes, xlsx_bytes

ROWS = [["Nom", "Prénom", "Date de naissance"], ["Lefèvre", "Hélène", "05/03/1990"]]


def test_csv_utf8_with_bom_and_semicolons():
    table = read_table(csv_bytes(ROWS, bom=True))
    assert table.headers == ["Nom", "Prénom", "Date de naissance"]
    assert table.rows == [(2, ["Lefèvre", "Hélène", "05/03/1990"])]


def test_csv_utf8_without_bom():
    assert read_table(csv_bytes(ROWS)).rows[0][1][1] == "Hélène"


def test_csv_windows_1252_is_the_fallback():
    content = csv_bytes(ROWS, encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        content.decode("utf-8")
    table = read_table(content)
    assert table.headers[1] == "Prénom"
    assert table.rows[0][1][:2] == ["Lefèvre", "Hélène"]


def test_csv_with_commas_when_the_header_uses_them():
    table = read_table(csv_bytes([["Nom", "Heures"], ["Martin", "7,5"]], delimiter=","))
    assert table.headers == ["Nom", "Heures"]
    assert table.rows[0][1] == ["Martin", "7,5"]  # the quoted decimal comma survives


def test_empty_lines_are_skipped_and_rows_keep_their_spreadsheet_number():
    table = read_table(csv_bytes([[], ["Nom"], ["Martin"], [""], ["Roux"]]))
    assert table.headers == ["Nom"]
    assert table.rows == [(3, ["Martin"]), (5, ["Roux"])]


def test_xlsx_first_sheet_with_real_dates():
    table = read_table(xlsx_bytes([["Nom", "Date de naissance"], ["Martin", datetime(1990, 3, 5)]]))
    assert table.headers == ["Nom", "Date de naissance"]
    assert table.rows[0][1][1] == datetime(1990, 3, 5)


def test_old_xls_and_empty_files_are_refused_in_french():
    with pytest.raises(ValidationError) as error:
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")
    assert error.value.messages == [FILE_XLS]
    with pytest.raises(ValidationError) as error:
        read_table(b"\n\n")
    assert error.value.messages == [FILE_EMPTY]


def test_headers_match_whatever_their_case_accents_spaces_and_apostrophes():
    assert normalise("  DATE  de   Naissance ") == normalise("date_de_naissance") == "date de naissance"
    assert normalise("Dates de début d’embauche") == normalise("Dates de debut d'embauche")
    columns = (Column("last", "Nom", required=True), Column("first", "Prénom", ("Prenom usuel",), required=True))
    assert match_columns(["PRENOM USUEL", "nom"], columns) == {"last": 1, "first": 0}


def test_missing_columns_are_named_in_french():
    columns = (
        Column("last", "Nom", required=True),
        Column("birth", "Date de naissance", required=True),
        Column("mail", "E-mail"),
    )
    with pytest.raises(ValidationError) as error:
        match_columns(["Nom", "Ville"], columns)
    assert error.value.messages == [
        "Colonnes manquantes dans la ligne d'en-tête : « Date de naissance ». Colonnes trouvées : « Nom », « Ville »."
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05/03/2026", date(2026, 3, 5)),
        ("5/3/2026", date(2026, 3, 5)),
        ("05-03-2026", date(2026, 3, 5)),
        ("05.03.2026", date(2026, 3, 5)),
        ("2026-03-05", date(2026, 3, 5)),
        ("2026-03-05 00:00:00", date(2026, 3, 5)),
        (datetime(2026, 3, 5, 0, 0), date(2026, 3, 5)),
        (date(2026, 3, 5), date(2026, 3, 5)),
    ],
)
def test_dates_french_or_iso(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2026", "03/05/26", "mars 2026", "2026/03/05"])
def test_a_date_that_is_not_one_says_so_in_french(value):
    with pytest.raises(ValueError) as error:
        parse_date(value)
    assert str(error.value) == DATE_INVALID.format(value=value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7,5", "7.50"), ("7.5", "7.50"), ("7:30", "7.50"), ("7h30", "7.50"), ("7 h 15", "7.25"), ("7h", "7.00"),
     ("7", "7.00"), (7.5, "7.50"), (8, "8.00")],
)  # fmt: skip
def test_hours_as_decimals_or_durations(value, expected):
    assert parse_hours(value) == Decimal(expected)


@pytest.mark.parametrize("value", ["sept", "7:75", "", "7,5,1"])
def test_hours_that_are_not_say_so_in_french(value):
    with pytest.raises(ValueError) as error:
        parse_hours(value)
    assert str(error.value) == HOURS_INVALID.format(value=value)


def test_the_row_reader_files_each_problem_under_its_column():
    row = RowReader(["", "31/02/1990"], {"last": 0, "birth": 1}, {"last": "Nom", "birth": "Date de naissance"})
    assert row.text("last", required=True) == ""
    assert row.date("birth") is None
    assert row.errors == {"Nom": [REQUIRED], "Date de naissance": [DATE_INVALID.format(value="31/02/1990")]}
