"""Field validators of the immersions app (the SIRET is checked by organisations.validators)."""

import re

from django.core.exceptions import ValidationError

NAF_INVALID = "Le code NAF (APE) « %(value)s » n'est pas valide : 4 chiffres et une lettre, ex. 43.22A ou 4322A."
NAF_PATTERN = re.compile(r"^\d{2}\.?\d{2}[A-Z]$")


def validate_naf(value: str) -> None:
    if not NAF_PATTERN.match(value):
        raise ValidationError(NAF_INVALID, code="invalid_naf", params={"value": value})
