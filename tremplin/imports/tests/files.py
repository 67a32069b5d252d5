"""Files as users have them, built for the tests: French CSV (`;`, UTF-8 with BOM or Windows-1252)
and XLSX."""

import csv
import io
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

PEOPLE_HEADER = ["Nom", "Prénom", "Date de naissance", "Sexe", "E-mail", "Date d'orientation", "Prescripteur"]

LES_EMPLOIS_HEADER = [
    "Civilité candidat", "Nom candidat", "Prénom candidat", "Email candidat", "Téléphone candidat",
    "Date de naissance candidat", "Ville candidat", "Département candidat", "Nom structure employeur",
    "Type employeur", "Métiers", "Source de la candidature", "Nom organisation prescripteur",
    "Nom utilisateur prescripteur", "Date de la candidature", "Statut de la candidature",
    "Dates de début d’embauche", "Dates de fin d’embauche", "Motifs de refus", "Éligibilité IAE validée",
    "Eligible au contrôle", "Numéro PASS IAE", "Début PASS IAE", "Fin PASS IAE", "Statut PASS IAE",
]  # fmt: skip


def csv_bytes(rows, *, delimiter=";", encoding="utf-8", bom=False) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode(encoding)


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "import.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


FIRST_NAMES = ["Léa", "Karim", "Inès", "Jean-Luc", "Fatou", "Éric", "Chloé", "Mamadou", "Zoé", "Hélène"]
LAST_NAMES = ["Martin", "Bernard", "Ndiaye", "Lefèvre", "Garcia", "Dubois", "Benali", "Moreau", "Roux", "Fontaine"]
PARTNERS = ["France Travail Montpellier", "Mission locale Garrigues", "CCAS de Lunel", "PLIE Est Hérault"]


def people_rows(count: int) -> list[list[str]]:
    """`count` different people (their birth dates differ), each with a referral."""
    rows = [PEOPLE_HEADER]
    for i in range(count):
        born = date(1960, 1, 1) + timedelta(days=i)
        rows.append(
            [
                LAST_NAMES[i % 10],
                FIRST_NAMES[(i // 10) % 10],
                f"{born:%d/%m/%Y}",
                "F" if i % 2 else "M",
                f"personne{i}@example.org",
                "02/02/2026",
                PARTNERS[i % 4] if i % 5 else "",
            ]
        )
    return rows


def les_emplois_row(**values) -> list:
    row = dict.fromkeys(LES_EMPLOIS_HEADER, "")
    row.update(
        {
            "Civilité candidat": "MME",
            "Nom candidat": "Martin",
            "Prénom candidat": "Léa",
            "Email candidat": "lea.martin@example.org",
            "Téléphone candidat": "0612345678",
            "Date de naissance candidat": date(1990, 3, 15),
            "Ville candidat": "Montpellier",
            "Département candidat": "34000",
            "Nom structure employeur": "Val Vert",
            "Type employeur": "ACI",
            "Métiers": "Jardinier paysagiste",
            "Source de la candidature": "Prescripteur habilité",
            "Nom organisation prescripteur": "France Travail Montpellier",
            "Nom utilisateur prescripteur": "Claire Dubois",
            "Date de la candidature": date(2026, 1, 12),
            "Statut de la candidature": "Nouvelle candidature",
        }
    )
    row.update(values)
    return [row[column] for column in LES_EMPLOIS_HEADER]
