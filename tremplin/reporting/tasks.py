"""The review of several ACI built in the background (django.tasks; `make worker` runs them),
one ACI after the other so that the page shows the progress."""

from django.tasks import task

from . import services


@task
def build_review(report_id: int) -> None:
    services.report_build(report_id=report_id)
