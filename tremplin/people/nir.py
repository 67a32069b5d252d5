"""The NIR (social security number): validated with python-stdnum, stored encrypted, shown
masked except to the roles that need it (CNIL: payroll and ASP declarations only), never in
URLs or logs."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ValidationError
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import nir as stdnum_nir

NIR_INVALID = "Le NIR saisi n'est pas valide : 15 chiffres (13 + clé de contrôle), sans espace obligatoire."


def _fernet() -> Fernet:
    secret = settings.TREMPLIN_FIELD_ENCRYPTION_KEY or settings.SECRET_KEY
    key = base64.urlsafe_b64encode(hashlib.sha256(f"tremplin-nir:{secret}".encode()).digest())
    return Fernet(key)


def clean_nir(value: str) -> str:
    compact = stdnum_nir.compact(value or "")
    try:
        return stdnum_nir.validate(compact)
    except StdnumError as error:
        raise ValidationError(NIR_INVALID, code="invalid_nir") from error


def encrypt_nir(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode() if value else ""


def decrypt_nir(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


def mask_nir(value: str) -> str:
    """Only the sex digit and the key stay readable: « 1 •• •• •• ••• ••• 46 »."""
    if len(value) != 15:
        return ""
    return f"{value[0]} •• •• •• ••• ••• {value[13:]}"


def format_nir(value: str) -> str:
    if len(value) != 15:
        return value
    return stdnum_nir.format(value)
