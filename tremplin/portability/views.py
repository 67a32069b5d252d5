from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from tremplin.accounts.access import require_roles
from tremplin.kernel.uploads import bytes_download

from .access import ARCHIVE_ROLES, TABLE_ROLES, can_download_archive
from .archive import export_structure
from .exports import table_csv, table_xlsx
from .selectors import contracts_table, log_archive_read, people_table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TABLES = {"personnes": people_table, "contrats": contracts_table}


@require_roles(*TABLE_ROLES)
def home(request):
    return render(
        request,
        "portability/home.html",
        {"can_download_archive": can_download_archive(request.scope), "today": timezone.localdate()},
    )


def _table_download(request, name: str, extension: str):
    from django.http import Http404

    if name not in TABLES:
        raise Http404("Page introuvable.")
    table = TABLES[name](request.scope)
    filename = f"{name}-{slugify(request.scope.structure.name)}-{timezone.localdate():%Y%m%d}.{extension}"
    if extension == "csv":
        return bytes_download(table_csv(table), filename=filename, content_type="text/csv; charset=utf-8")
    return bytes_download(table_xlsx(table), filename=filename, content_type=XLSX)


@require_roles(*TABLE_ROLES)
def table_download_csv(request, name):
    return _table_download(request, name, "csv")


@require_roles(*TABLE_ROLES)
def table_download_xlsx(request, name):
    return _table_download(request, name, "xlsx")


@require_roles(*ARCHIVE_ROLES)
def archive_download(request):
    structure = request.scope.structure
    filename = f"archive-tremplin-{structure.siret}-{timezone.localdate():%Y%m%d}.zip"
    content = export_structure(structure)
    log_archive_read(request.scope, structure)
    return bytes_download(content, filename=filename, content_type="application/zip")
