"""Development profile (`make run`): DEBUG on, a fixed local secret, SQLite by default.
The second factor may be switched off here so that the demo logins work at once
(TREMPLIN_MFA_REQUIRED=0, the default of this profile); a banner says so on every page."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "django-insecure-tremplin-development-only"  # noqa: F405
TREMPLIN_MFA_REQUIRED = env_bool("TREMPLIN_MFA_REQUIRED", False)
TREMPLIN_ENVIRONMENT = "development"
