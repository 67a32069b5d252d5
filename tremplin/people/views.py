from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles, require_staff
from tremplin.kernel.forms import add_service_errors
from tremplin.kernel.uploads import file_download
from tremplin.organisations.selectors import production_support_list

from . import services
from .access import EDITOR_ROLES, can_edit_people, can_see_nir, get_document_or_404, get_person_or_404
from .forms import DocumentForm, PeopleFilterForm, PersonForm
from .sections import person_sections
from .selectors import CRITERIA_FILTERS, PeopleFilters, Stage, counsellors_of, nir_shown, people_list, stage_of
from .timeline import person_timeline

PAGE_SIZE = 25


@require_staff
def person_list(request):
    scope = request.scope
    form = PeopleFilterForm(
        request.GET or None,
        stages=Stage.CHOICES,
        supports=production_support_list(scope),
        counsellors=counsellors_of(scope.structure),
        criteria=[(key, label) for key, (label, _) in CRITERIA_FILTERS.items()],
    )
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filters = PeopleFilters(
        search=data.get("q") or "",
        stage=data.get("stage") or "",
        production_support=data.get("support"),
        counsellor=data.get("counsellor"),
        ending_within_days=data.get("ending"),
        criterion=data.get("criterion") or "",
    )
    page = Paginator(people_list(scope, filters, today=timezone.localdate()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(person, stage_of(person)) for person in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/person_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "can_edit": can_edit_people(scope),
        },
    )


@require_roles(*EDITOR_ROLES)
def person_create(request):
    scope = request.scope
    form = PersonForm(
        request.POST or None,
        counsellors=counsellors_of(scope.structure),
        show_nir=can_see_nir(scope),
        creating=True,
    )
    duplicate = False
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "confirm_not_duplicate"}
        try:
            person = services.person_create(
                structure=scope.structure,
                confirm_not_duplicate=form.cleaned_data["confirm_not_duplicate"],
                **fields,
            )
        except ValidationError as error:
            duplicate = any(e.code == "duplicate" for e in getattr(error, "error_list", []))
            add_service_errors(form, error)
        else:
            messages.success(request, f"La fiche de {person} a été créée.")
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "person": None, "duplicate": duplicate})


@require_roles(*EDITOR_ROLES)
def person_update(request, pk):
    scope = request.scope
    person = get_person_or_404(scope, pk)
    form = PersonForm(
        request.POST or None,
        instance=person,
        counsellors=counsellors_of(person.structure),
        show_nir=can_see_nir(scope),
        creating=False,
    )
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        if not fields.get("nir"):
            fields.pop("nir", None)  # an empty NIR field keeps the stored one
        try:
            services.person_update(person=person, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"La fiche de {person} a été enregistrée.")
            return redirect("people:detail", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "person": person, "duplicate": False})


@require_staff
def person_detail(request, pk):
    scope = request.scope
    person = get_person_or_404(scope, pk)
    return render(
        request,
        "people/person_detail.html",
        {
            "person": person,
            "nir": nir_shown(scope, person),
            "timeline": person_timeline(person, scope),
            "sections": person_sections(person, scope),
            "documents": person.documents.select_related("uploaded_by"),
            "document_form": DocumentForm(),
            "can_edit": can_edit_people(scope),
        },
    )


@require_POST
@require_roles(*EDITOR_ROLES)
def document_upload(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_add(
                actor=request.user, person=person, kind=form.cleaned_data["kind"], upload=form.cleaned_data["upload"]
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "La pièce a été ajoutée.")
    else:
        messages.error(request, "Choisissez le type de pièce et un fichier.")
    return redirect("people:detail", pk=person.pk)


@require_roles(*EDITOR_ROLES)
def document_download(request, pk):
    document = get_document_or_404(request.scope, pk)
    return file_download(document.file, filename=document.original_name, content_type=document.content_type)
