from django.core.paginator import Paginator
from django.shortcuts import render

from tremplin.accounts.access import require_roles
from tremplin.accounts.enums import Role

from .forms import AuditFilterForm
from .selectors import audit_actors, audit_entry_list

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
