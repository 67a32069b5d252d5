"""Production profile: everything from the environment, secure cookies, HSTS, MFA on.
`DJANGO_SETTINGS_MODULE=config.settings.production manage.py check --deploy` gives no warning."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY doit être défini (50 caractères ou plus) en production.")
TREMPLIN_MFA_REQUIRED = True
# The NIR key: its own secret (not derived from SECRET_KEY, which may be rotated at will), at
# least 32 characters each; several, comma-separated, during a rotation (the current one first).
_NIR_KEYS = [key.strip() for key in os.environ.get("TREMPLIN_FIELD_ENCRYPTION_KEY", "").split(",") if key.strip()]
if not _NIR_KEYS or any(len(key) < 32 or key == SECRET_KEY for key in _NIR_KEYS):
    raise ImproperlyConfigured(
        "TREMPLIN_FIELD_ENCRYPTION_KEY doit être défini en production : la clé de chiffrement des NIR, "
        "32 caractères ou plus, différente de SECRET_KEY (plusieurs clés séparées par des virgules pendant une "
        "rotation, la nouvelle en tête)."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
MFA_TRUST_COOKIE_SECURE = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
TREMPLIN_ENVIRONMENT = "production"

# Outgoing email (password resets): SMTP configured from the environment.
MAILERS = {
    "default": {
        "BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
        },
    },
}
