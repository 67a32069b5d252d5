from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import add_service_errors
from tremplin.kernel.uploads import bytes_download, file_download

from . import selectors, services
from .access import IMPORT_ROLES, get_batch_or_404, import_kinds, may_import_nir
from .enums import BUSY_STATUSES, ImportKind, ImportStatus
from .exports import people_template_csv
from .forms import ImportApplyForm, ImportUploadForm
from .importers import IMPORTERS
from .rules import BACKGROUND_ROWS

PAGE_SIZE = 50


@require_roles(*IMPORT_ROLES)
def import_list(request):
    page = Paginator(selectors.import_history(request.scope), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "imports/import_list.html", {"page": page, "query": ""})


def _formats(kinds):
    return [(kind, ImportKind(kind).label, IMPORTERS[kind].columns) for kind in kinds]


@require_roles(*IMPORT_ROLES)
def import_create(request):
    kinds = import_kinds(request.scope)
    form = ImportUploadForm(request.POST or None, request.FILES or None, kinds=kinds)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.batch_upload(
                actor=request.user,
                structure=request.scope.structure,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                may_import_nir=may_import_nir(request.scope),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("imports:detail", pk=batch.pk)
    context = {
        "form": form,
        "formats": _formats(kinds),
        "background_rows": BACKGROUND_ROWS,
        "may_import_nir": may_import_nir(request.scope),
    }
    return render(request, "imports/import_form.html", context)


@require_roles(*IMPORT_ROLES)
def people_template(request):
    return bytes_download(people_template_csv(), filename="modele-personnes-tremplin.csv", content_type="text/csv")


@require_roles(*IMPORT_ROLES)
def import_detail(request, pk):
    batch = get_batch_or_404(request.scope, pk)
    context = {"batch": batch, "busy": batch.status in BUSY_STATUSES}
    if request.htmx and context["busy"]:
        return render(request, "imports/_progress.html", context)
    if request.htmx:  # finished while polled: reload the whole page to show the report
        response = render(request, "imports/_progress.html", context)
        response["HX-Refresh"] = "true"
        return response
    context.update(
        rows=selectors.preview_rows(batch),
        errors=selectors.error_rows(batch),
        earlier=list(selectors.earlier_imports_of_same_file(batch)[:3]),
        form=ImportApplyForm(),
        can_apply=batch.status == ImportStatus.PREVIEWED and batch.error_count < batch.total_rows,
    )
    return render(request, "imports/import_detail.html", context)


@require_roles(*IMPORT_ROLES)
@require_POST
def import_apply(request, pk):
    batch = get_batch_or_404(request.scope, pk)
    form = ImportApplyForm(request.POST)
    form.is_valid()
    try:
        batch = services.batch_apply(
            actor=request.user, batch=batch, valid_rows_only=form.cleaned_data.get("valid_rows_only", False)
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("imports:detail", pk=batch.pk)
    if batch.status == ImportStatus.APPLIED:
        messages.success(
            request,
            f"Import terminé : {batch.created_count} création(s), {batch.updated_count} mise(s) à jour, "
            f"{batch.unchanged_count} ligne(s) inchangée(s).",
        )
    return redirect("imports:detail", pk=batch.pk)


@require_roles(*IMPORT_ROLES)
def import_download(request, pk):
    batch = get_batch_or_404(request.scope, pk)
    return file_download(batch.file, filename=batch.original_name)
