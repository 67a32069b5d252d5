"""Settings shared by every profile. Values that differ per deployment come from the
environment: DATABASE_URL, SECRET_KEY, DEBUG, ALLOWED_HOSTS (see README, "Configuration")."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "oui"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Third party
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "auditlog",
    "django_tasks_db",
    "ninja",  # the REST API (tremplin.api); listed so that its docs page uses the local swagger-ui
    # Tremplin, one app per business domain (docs/architecture.md)
    "tremplin.core",
    "tremplin.accounts",
    "tremplin.organisations",
    "tremplin.audit",
    "tremplin.reference",
    "tremplin.partners",
    # The pathway's apps in the order a pathway goes (referral, eligibility, contract, hours): the
    # pages that gather every domain (kernel/registry.py) take their contributions in this order.
    "tremplin.people",
    "tremplin.recruitment",
    "tremplin.eligibility",
    "tremplin.contracts",
    "tremplin.worktime",
    "tremplin.funding",
    "tremplin.reporting",
    "tremplin.support",
    "tremplin.skills",
    "tremplin.reviews",
    "tremplin.immersions",
    "tremplin.training",
    "tremplin.justice",
    "tremplin.committees",
    "tremplin.satisfaction",
    "tremplin.portability",
    "tremplin.imports",
    "tremplin.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "tremplin.core.middleware.SessionTimeoutMiddleware",
    "tremplin.core.middleware.NoStoreMiddleware",
    "tremplin.accounts.middleware.CurrentMembershipMiddleware",
    "tremplin.accounts.middleware.MfaRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "tremplin.audit.middleware.AuditMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tremplin" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tremplin.accounts.context_processors.current_membership",
                "tremplin.core.context_processors.environment",
                "tremplin.core.context_processors.navigation",
                "tremplin.kernel.permissions.permissions",
            ],
        },
    },
]

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# The embedded database serves the pages and the background worker at once: write-ahead log
# (readers never wait for the writer), transactions that take the write lock when they start (a
# read that turns into a write cannot fail half-way with "database is locked"), and a wait of up
# to 20 s for the lock instead of an error.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts: users log in with their email address (allauth), passwords hashed with argon2.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# CNIL 2022-100: at least 12 characters, checked against common passwords.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "tremplin.accounts.passwords.EntropyValidator"},  # CNIL 2022-100: 80 bits
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "tremplin.accounts.adapters.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
# allauth limits per IP only: a per-email limit would let anyone lock a staff member out;
# the (email, IP) pair is throttled by django-axes below.
ACCOUNT_RATE_LIMITS = {"login_failed": "30/m/ip"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Tremplin"
# Second factor required for the privileged roles (director, admin_staff). The development
# profile may turn it off (banner shown); production and the test suite keep it on.
TREMPLIN_MFA_REQUIRED = env_bool("TREMPLIN_MFA_REQUIRED", True)

# Progressive throttling of failed logins (django-axes): never a permanent lockout,
# and keyed on the pair (email, IP) so that an attacker cannot lock a staff member out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = "tremplin.accounts.throttling.cooloff_time"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "tremplin.accounts.throttling.attempted_email"
AXES_RESET_ON_SUCCESS = True
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# An attempt made while locked out is refused but does not lengthen the wait.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "tremplin.accounts.throttling.client_ip"
# Number of reverse proxies in front of the app that append to X-Forwarded-For (0: none).
TREMPLIN_TRUSTED_PROXIES = int(os.environ.get("TREMPLIN_TRUSTED_PROXIES", "0"))
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False

# Sessions: idle timeout 30 minutes, absolute 12 hours (tremplin.core.middleware).
SESSION_COOKIE_AGE = int(timedelta(hours=12).total_seconds())
TREMPLIN_SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
TREMPLIN_SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=12)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content Security Policy (Django's built-in middleware), scripts by nonce only.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Background tasks: django.tasks with the database backend; `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Audit trail (django-auditlog): the actor comes from the request or from set_actor().
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "tremplin" / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

MAILERS = {
    "default": {"BACKEND": os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")},
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Tremplin <ne-pas-repondre@tremplin.invalid>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

TREMPLIN_ENVIRONMENT = "base"

AUDITLOG_MASK_CALLABLE = "tremplin.audit.masking.mask_value"
AUDITLOG_USE_FK_STRING_REPRESENTATION = True
AUDITLOG_STORE_JSON_CHANGES = True

# Key of the encrypted personal fields (NIR): required in production (config/settings/production.py),
# derived from SECRET_KEY elsewhere when unset. "new,old" during a rotation (manage.py rotate_nir_key).
TREMPLIN_FIELD_ENCRYPTION_KEY = os.environ.get("TREMPLIN_FIELD_ENCRYPTION_KEY", "")
# Uploaded documents: at most 10 MB, of these types.
TREMPLIN_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
TREMPLIN_UPLOAD_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
