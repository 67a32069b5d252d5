"""Large files analysed and imported in the background (django.tasks; `make worker` runs them),
their progress polled by the import's page."""

from django.tasks import task

from . import services


@task
def analyse_import(batch_id: int) -> None:
    services.batch_run(batch_id=batch_id, write=False)


@task
def apply_import(batch_id: int) -> None:
    services.batch_run(batch_id=batch_id, write=True)
