from django.core.paginator import Paginator
from django.shortcuts import render

from tremplin.accounts.access import require_roles
from tremplin.accounts.enums import Role

from .forms import AuditFilterForm, SensitiveReadFilterForm
from .selectors import audit_actors, audit_entry_list, sensitive_read_list

PAGE_SIZE = 50


@require_roles(Role.DIRECTOR)
def audit_log(request):
    form = AuditFilterForm(request.GET or None, actors=audit_actors(request.scope))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    entries = audit_entry_list(
        request.scope,
        actor=filters.get("actor"),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        search=filters.get("search", ""),
        person_id=filters.get("personne"),
    )
    person = None
    if filters.get("personne"):
        from tremplin.people.access import people_in_scope

        person = people_in_scope(request.scope).filter(pk=filters["personne"]).first()
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "audit/_entries.html" if request.htmx else "audit/log.html"
    return render(request, template, {"form": form, "page": page, "query": query.urlencode(), "person": person})


@require_roles(Role.DIRECTOR)
def sensitive_reads(request):
    """Who read which sensitive record of the ACI, and when (CNIL 2021-122)."""
    form = SensitiveReadFilterForm(request.GET or None, readers=audit_actors(request.scope))
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    reads = sensitive_read_list(request.scope, person_id=filters.get("personne"), reader=filters.get("reader"))
    page = Paginator(reads, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/sensitive_reads.html", {"form": form, "page": page, "query": query.urlencode()})
