"""The strength of a password, as CNIL délibération 2022-100 (recommandation relative aux mots de
passe) asks when the password is the only factor: at least 80 bits of entropy, which it states as
12 characters mixing lower case, upper case, digits and special characters, or 14 characters of
lower case, upper case and digits, or a long passphrase. The estimate is the length times log2 of
the alphabet the characters are drawn from (a password of 12 lower-case letters: 56 bits)."""

from __future__ import annotations

import math
import string

from django.core.exceptions import ValidationError

MIN_BITS = 80
TOO_WEAK = (
    "Mot de passe trop faible (environ {bits} bits, il en faut {min_bits} : recommandation CNIL 2022-100). "
    "Par exemple 12 caractères mêlant minuscules, majuscules, chiffres et caractères spéciaux, "
    "14 caractères mêlant minuscules, majuscules et chiffres, ou une phrase de passe de 5 mots ou plus."
)
HELP = (
    "Au moins 80 bits d'entropie (CNIL) : 12 caractères mêlant minuscules, majuscules, chiffres et "
    "caractères spéciaux, 14 avec minuscules, majuscules et chiffres, ou une phrase de passe."
)
SPECIAL_ALPHABET = 37  # "at least 37 special characters possible" (CNIL 2022-100)


def alphabet_size(password: str) -> int:
    size = 0
    if any(c in string.ascii_lowercase for c in password):
        size += 26
    if any(c in string.ascii_uppercase for c in password):
        size += 26
    if any(c in string.digits for c in password):
        size += 10
    if any(not c.isascii() or not c.isalnum() for c in password):
        size += SPECIAL_ALPHABET
    return size


def entropy_bits(password: str) -> float:
    size = alphabet_size(password)
    return len(password) * math.log2(size) if size else 0.0


def passes(password: str) -> bool:
    """80 bits, or one of CNIL's own examples of it (12 characters of the 4 kinds: 12 x log2(99) =
    79,6 bits by this estimate; 14 of the 3 kinds of letters and digits: 83,4)."""
    return entropy_bits(password) >= MIN_BITS or (len(password) >= 12 and alphabet_size(password) >= 99)


class EntropyValidator:
    """A Django password validator (AUTH_PASSWORD_VALIDATORS)."""

    def validate(self, password: str, user=None) -> None:
        if not passes(password):
            raise ValidationError(
                TOO_WEAK.format(bits=round(entropy_bits(password)), min_bits=MIN_BITS), code="password_too_weak"
            )

    def get_help_text(self) -> str:
        return HELP
