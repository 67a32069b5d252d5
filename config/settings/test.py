"""Test profile: the development defaults, with the production rules that tests must see
(MFA required), a fast password hasher, and tasks run at once."""

from .development import *  # noqa: F403

TREMPLIN_MFA_REQUIRED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
TREMPLIN_ENVIRONMENT = "test"
