"""Background tasks of the audit (django.tasks)."""

from django.tasks import task

from .services import sensitive_reads_purge


@task
def purge_sensitive_reads() -> int:
    """Delete the reads of sensitive data older than a year (CNIL 2021-122)."""
    return sensitive_reads_purge()
