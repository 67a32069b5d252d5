"""The rules of personal API tokens, as pure functions with their French messages."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, timedelta

TOKEN_PREFIX = "trp"
MAX_VALIDITY = timedelta(days=366)

EXPIRY_PAST = "La date d'expiration ({day}) doit être postérieure à aujourd'hui."
EXPIRY_TOO_FAR = "Un jeton d'API vaut au plus un an : choisissez une date d'expiration avant le {day}."
NAME_REQUIRED = "Donnez un nom au jeton (à quoi il sert)."
CONTEXT_UNKNOWN = "Choisissez un de vos rôles actifs : le jeton agit dans ce rôle et cet ACI seulement."
SECOND_FACTOR_REQUIRED = (
    "Un jeton de direction ou d'administratif/RH ne se crée qu'après la double authentification "
    "dans cette session : déconnectez-vous puis reconnectez-vous avec votre code."
)
ALREADY_REVOKED = "Ce jeton est déjà révoqué."


def new_secret() -> tuple[str, str]:
    """A new token: (prefix, full token). The prefix identifies the token (shown in lists), the
    whole string is the secret."""
    prefix = secrets.token_hex(4)
    return prefix, f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"


def prefix_of(token: str) -> str | None:
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or len(parts[1]) != 8:
        return None
    return parts[1]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_expiry(expires_on: date | None, *, today: date) -> str | None:
    if expires_on is None:
        return None
    if expires_on <= today:
        return EXPIRY_PAST.format(day=f"{expires_on:%d/%m/%Y}")
    if expires_on > today + MAX_VALIDITY:
        return EXPIRY_TOO_FAR.format(day=f"{today + MAX_VALIDITY:%d/%m/%Y}")
    return None
