"""The NIR (social security number): validated with python-stdnum, stored encrypted, shown
masked except to the roles that need it (CNIL: payroll and ASP declarations only), never in
URLs or logs."""

import base64
import hashlib
import hmac
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import nir as stdnum_nir

NIR_INVALID = "Le NIR saisi n'est pas valide : 15 chiffres (13 + clé de contrôle), sans espace obligatoire."
NIR_UNREADABLE = (
    "Un NIR enregistré ne peut pas être déchiffré avec les clés configurées (TREMPLIN_FIELD_ENCRYPTION_KEY) : "
    "rétablissez la clé avec laquelle il a été chiffré, en seconde position pendant une rotation."
)


class NirKeyError(RuntimeError):
    """A stored NIR does not decrypt with any configured key: never shown as an empty NIR."""


def encryption_keys() -> tuple[str, ...]:
    """The keys, the current one first then the former ones (comma-separated in
    TREMPLIN_FIELD_ENCRYPTION_KEY, for a rotation); outside production, derived from SECRET_KEY
    when none is set (the production profile refuses to start without one)."""
    keys = tuple(key.strip() for key in settings.TREMPLIN_FIELD_ENCRYPTION_KEY.split(",") if key.strip())
    return keys or (settings.SECRET_KEY,)


def _derived(purpose: str, secret: str) -> bytes:
    return hashlib.sha256(f"{purpose}:{secret}".encode()).digest()


@cache
def _fernet_of(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(base64.urlsafe_b64encode(_derived("tremplin-nir", key))) for key in keys])


def _fernet() -> MultiFernet:
    return _fernet_of(encryption_keys())


def clean_nir(value: str) -> str:
    compact = stdnum_nir.compact(value or "")
    try:
        return stdnum_nir.validate(compact)
    except StdnumError as error:
        raise ValidationError(NIR_INVALID, code="invalid_nir") from error


def encrypt_nir(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt_nir(token: str) -> str:
    """The NIR in clear; raises NirKeyError when no configured key opens it."""
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise NirKeyError(NIR_UNREADABLE) from error


def reencrypt_nir(token: str) -> str:
    """The same NIR encrypted with the current key (the first one), for a key rotation."""
    return _fernet().rotate(token.encode()).decode() if token else ""


def nir_digest(value: str) -> str:
    """A keyed digest of the NIR (HMAC-SHA256 under the current key), to find a NIR already
    recorded without decrypting every row; recomputed by `manage.py rotate_nir_key`."""
    if not value:
        return ""
    return hmac.new(_derived("tremplin-nir-digest", encryption_keys()[0]), value.encode(), hashlib.sha256).hexdigest()


def mask_nir(value: str) -> str:
    """Only the sex digit and the key stay readable: « 1 •• •• •• ••• ••• 46 »."""
    if len(value) != 15:
        return ""
    return f"{value[0]} •• •• •• ••• ••• {value[13:]}"


def format_nir(value: str) -> str:
    if len(value) != 15:
        return value
    return stdnum_nir.format(value)
