"""The number of a financial annex: kind + 3-digit département + 2-digit year + order, e.g.
ACI034150012 (domain.md section 10)."""

import re

from django.core.exceptions import ValidationError

ANNEX_NUMBER = re.compile(r"^(?P<kind>ACI|AI|EI|ETTI|EITI)(?P<department>\d{2}[0-9AB])(?P<year>\d{2})(?P<order>\d{4})$")
ANNEX_NUMBER_INVALID = (
    "Le numéro d'annexe « %(value)s » n'est pas au format attendu : type de structure (ACI), "
    "département sur 3 caractères, année sur 2 chiffres et numéro d'ordre sur 4 chiffres, "
    "par exemple ACI034150012."
)


def validate_annex_number(value: str) -> None:
    if not ANNEX_NUMBER.match(value or ""):
        raise ValidationError(ANNEX_NUMBER_INVALID, code="invalid_annex_number", params={"value": value})


def annex_department(number: str) -> str:
    """The département written in an annex number, as Tremplin stores départements ("034" -> "34",
    "02A" -> "2A", "974" -> "974")."""
    code = ANNEX_NUMBER.match(number)["department"]
    return code[1:] if code[0] == "0" else code
