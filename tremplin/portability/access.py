"""Who may take the ACI's data out: the tables for direction and HR; the whole archive (every
note, the NIR in clear) for the direction only."""

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import Scope

TABLE_ROLES = (Role.DIRECTOR, Role.ADMIN_STAFF)
ARCHIVE_ROLES = (Role.DIRECTOR,)


def can_download_archive(scope: Scope) -> bool:
    return scope.role in ARCHIVE_ROLES
