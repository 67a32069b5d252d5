"""Validators for the identifiers of French organisations (python-stdnum)."""

from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siren, siret

SIREN_INVALID = "Le SIREN « %(value)s » n'est pas valide : 9 chiffres avec une clé de contrôle (Luhn)."
SIRET_INVALID = "Le SIRET « %(value)s » n'est pas valide : 14 chiffres (SIREN + NIC) avec une clé de contrôle."
RNA_INVALID = "Le numéro RNA « %(value)s » n'est pas valide : la lettre W suivie de 9 chiffres."
DEPARTMENT_INVALID = "Le département « %(value)s » n'existe pas (ex. 34, 2A, 974)."

DEPARTMENTS = {f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"} | {"971", "972", "973", "974", "976"}


def validate_siren(value: str) -> None:
    try:
        siren.validate(value)
    except StdnumError as error:
        raise ValidationError(SIREN_INVALID, code="invalid_siren", params={"value": value}) from error


def validate_siret(value: str) -> None:
    try:
        siret.validate(value)
    except StdnumError as error:
        raise ValidationError(SIRET_INVALID, code="invalid_siret", params={"value": value}) from error


def validate_rna(value: str) -> None:
    if len(value) != 10 or value[0] != "W" or not value[1:].isdigit():
        raise ValidationError(RNA_INVALID, code="invalid_rna", params={"value": value})


def validate_department(value: str) -> None:
    if value not in DEPARTMENTS:
        raise ValidationError(DEPARTMENT_INVALID, code="invalid_department", params={"value": value})
