"""The template of the people file, to download and fill (French CSV: `;`, UTF-8 with BOM so
that Excel reads the accents)."""

from tremplin.kernel.spreadsheets import csv_bytes

from .importers.people import COLUMNS

EXAMPLE = {
    "last_name": "Martin",
    "first_name": "Léa",
    "birth_date": "15/03/1990",
    "sex": "F",
    "email": "lea.martin@example.org",
    "phone": "06 12 34 56 78",
    "postal_code": "34000",
    "city": "Montpellier",
    "referred_on": "02/02/2026",
    "partner": "France Travail Montpellier",
    "referent_name": "Claire Dubois",
    "reason": "Projet dans les espaces verts.",
}


def people_template_csv() -> bytes:
    return csv_bytes(
        [
            [column.label for column in COLUMNS if column.key != "nir"],
            [EXAMPLE.get(column.key, "") for column in COLUMNS if column.key != "nir"],
        ]
    )
