from auditlog.middleware import AuditlogMiddleware

from tremplin.accounts.throttling import client_ip


class AuditMiddleware(AuditlogMiddleware):
    """auditlog's middleware (actor of each change), with the client address read the same way
    as for login throttling: a client cannot write the address of its choice into the trail."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request) or None

    @staticmethod
    def _get_remote_port(request):
        return None
