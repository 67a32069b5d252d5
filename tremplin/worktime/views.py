from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles, require_staff
from tremplin.accounts.enums import Role
from tremplin.contracts.access import get_contract_or_404
from tremplin.contracts.selectors import support_team
from tremplin.kernel.forms import add_service_errors
from tremplin.kernel.pdf import PdfUnavailable, pdf_response, render_pdf
from tremplin.kernel.query import id_or_404, parse_month, query_date, query_id
from tremplin.kernel.uploads import bytes_download
from tremplin.organisations.access import get_production_support_or_404
from tremplin.organisations.selectors import production_support_list

from . import exports, figures, rules, selectors, services
from .access import MONTH_ROLES, TIMESHEET_ROLES
from .enums import EntryKind
from .forms import CorrectionForm, EntryForm


def _monday(request) -> date:
    params = request.GET if "semaine" in request.GET else request.POST
    return rules.week_monday(query_date(params, "semaine", default=timezone.localdate()))


def _support(request):
    supports = production_support_list(request.scope)
    chosen = query_id(request.GET, "support") or query_id(request.POST, "support")
    if chosen:
        return supports, supports.filter(pk=chosen).first()
    if request.scope.role == Role.SUPERVISOR:  # the supervisor's own team first
        return supports, supports.filter(supervisor=request.user).first()
    return supports, None


def _week_url(monday: date, support) -> str:
    url = f"{reverse('worktime:week')}?semaine={monday.isoformat()}"
    return url + (f"&support={support.pk}" if support else "")


@require_roles(*TIMESHEET_ROLES)
def week(request):
    """The week of a team, day by day, made for a phone on the worksite: one tap confirms a day
    (or the whole week) as planned; a person's day opens to record an absence or other hours."""
    monday = _monday(request)
    supports, support = _support(request)
    contracts = selectors.contracts_of_week(request.scope.structure, monday, production_support=support)
    rows = selectors.week_sheet(contracts, monday)
    days = []
    for index, day in enumerate(rules.week_days(monday)):
        people = [(row.contract, row.days[index]) for row in rows]
        if index >= 5 and not any(d.planned or d.entries for _, d in people):
            continue  # a weekend with nothing planned nor recorded
        pending = any(
            d.planned and not d.entries and d.in_contract and not d.suspended and not d.locked for _, d in people
        )
        days.append({"day": day, "name": rules.WEEKDAYS_FR[index], "people": people, "pending": pending})
    return render(
        request,
        "worktime/week.html",
        {
            "monday": monday,
            "previous": _week_url(monday - rules.ONE_DAY * 7, support),
            "next": _week_url(monday + rules.ONE_DAY * 7, support),
            "days": days,
            "rows": rows,
            "supports": supports,
            "support": support,
            "kinds": EntryKind.choices,
            "any_pending": any(d["pending"] for d in days),
        },
    )


@require_POST
@require_roles(*TIMESHEET_ROLES)
def confirm(request):
    monday = _monday(request)
    _, support = _support(request)
    contracts = list(selectors.contracts_of_week(request.scope.structure, monday, production_support=support))
    only_day = None
    if request.POST.get("jour"):
        try:
            only_day = date.fromisoformat(request.POST["jour"])
        except ValueError as error:
            raise Http404("Jour inconnu.") from error
    try:
        result = services.timesheet_confirm_week_as_planned(
            actor=request.user, contracts=contracts, week_start=monday, only_day=only_day
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        what = f"le {rules.WEEKDAYS_FR[only_day.weekday()]} {only_day:%d/%m}" if only_day else "la semaine"
        messages.success(request, f"{len(result.created)} journée(s) enregistrée(s) comme prévu pour {what}.")
        for warning in result.warnings:
            messages.warning(request, warning)
    return redirect(_week_url(monday, support))


@require_POST
@require_roles(*TIMESHEET_ROLES)
def record(request):
    form = EntryForm(request.POST)
    monday = _monday(request)
    _, support = _support(request)
    if not form.is_valid():
        messages.error(request, "Indiquez le type et un nombre d'heures entre 0 et 24.")
        return redirect(_week_url(monday, support))
    contract = get_contract_or_404(request.scope, form.cleaned_data["contract"])
    try:
        result = services.timesheet_record(
            actor=request.user,
            contract=contract,
            day=form.cleaned_data["day"],
            kind=form.cleaned_data["kind"],
            hours=form.cleaned_data["hours"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"{contract.person} : {result.entry.get_kind_display()} enregistré.")
        for warning in result.warnings:
            messages.warning(request, warning)
    return redirect(_week_url(monday, support))


def _month(value: str) -> date:
    month = parse_month(value)
    if month is None:
        raise Http404("Mois inconnu.")
    return month


@require_roles(*MONTH_ROLES)
def month(request, month):
    first = _month(month)
    structure = request.scope.structure
    contracts = selectors.contracts_covering(structure, first, rules.month_end(first)).select_related("person")
    correction = CorrectionForm(request.POST or None, contracts=contracts)
    if request.method == "POST" and correction.is_valid():
        try:
            services.timesheet_correct(actor=request.user, **correction.cleaned_data)
        except ValidationError as error:
            add_service_errors(correction, error)
        else:
            messages.success(request, "La correction est enregistrée ; l'ancienne valeur est conservée.")
            return redirect("worktime:month", month=month)
    previous = rules.month_start(first - rules.ONE_DAY)
    following = rules.month_end(first) + rules.ONE_DAY
    return render(
        request,
        "worktime/month.html",
        {
            "month": first,
            "month_label": rules.month_fr(first),
            "rows": selectors.month_statement(structure, first),
            "header": exports.statement_header(),
            "validated": selectors.month_is_validated(structure, first),
            "missing": selectors.missing_days(structure, first),
            "previous": previous.strftime("%Y-%m"),
            "following": following.strftime("%Y-%m"),
            "etp": figures.etp_realised(structure, first, rules.month_end(first)),
            "correction": correction,
            "corrections": selectors.month_corrections(structure, first),
        },
    )


@require_roles(*MONTH_ROLES)
def current_month(request):
    return redirect("worktime:month", month=timezone.localdate().strftime("%Y-%m"))


@require_POST
@require_roles(*MONTH_ROLES)
def month_validate(request, month):
    first = _month(month)
    try:
        services.month_validate(actor=request.user, structure=request.scope.structure, month=first)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, f"Le mois de {rules.month_fr(first)} est validé : il ne change plus que par correction."
        )
    return redirect("worktime:month", month=month)


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    return bytes_download(content, filename=filename, content_type=content_type)


@require_roles(*MONTH_ROLES)
def statement_csv(request, month):
    first = _month(month)
    rows = selectors.month_statement(request.scope.structure, first)
    return _download(exports.statement_csv(rows), f"releve-{month}.csv", "text/csv; charset=utf-8")


@require_roles(*MONTH_ROLES)
def statement_xlsx(request, month):
    first = _month(month)
    structure = request.scope.structure
    rows = selectors.month_statement(structure, first)
    return _download(
        exports.statement_xlsx(rows, structure=structure, month=first),
        f"releve-{month}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@require_roles(*MONTH_ROLES)
def payroll_csv(request, month):
    first = _month(month)
    rows = selectors.payroll_rows(request.scope.structure, first)
    return _download(exports.payroll_csv(rows), f"paie-{month}.csv", "text/csv; charset=utf-8")


@require_roles(*TIMESHEET_ROLES)
def planning(request):
    """The weekly planning of a team: hours per weekday for each person, prefilled from the
    contract (weekly hours / 5, Monday to Friday); timesheets are prefilled from it."""
    monday = rules.week_monday(timezone.localdate())
    supports, support = _support(request)
    contracts = list(selectors.contracts_of_week(request.scope.structure, monday, production_support=support))
    if request.method == "POST":
        contract = get_contract_or_404(request.scope, id_or_404(request.POST.get("contract")))
        by_pk = {item.pk: item for item in supports}
        chosen = {
            weekday: by_pk.get(id_or_404(request.POST[f"atelier{weekday}"]))
            for weekday in range(7)
            if request.POST.get(f"atelier{weekday}")
        }
        try:
            hours = {
                weekday: Decimal(request.POST.get(f"jour{weekday}", "0").replace(",", ".") or "0")
                for weekday in range(7)
            }
        except InvalidOperation:
            messages.error(request, "Indiquez des heures en nombres (ex. 5,5).")
        else:
            try:
                services.planning_set_week(
                    actor=request.user, contract=contract, hours_by_weekday=hours, supports_by_weekday=chosen
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, f"{contract.person} : {message}")
            else:
                messages.success(request, f"Le planning de {contract.person} est enregistré.")
                warning = selectors.planning_warning(contract, today=timezone.localdate())
                if warning:
                    messages.warning(request, warning)
        url = reverse("worktime:planning") + (f"?support={support.pk}" if support else "")
        return redirect(url)
    rows = [
        (contract, [selectors.planned_hours(contract, day) for day in rules.week_days(monday)])
        for contract in contracts
    ]
    return render(
        request,
        "worktime/planning.html",
        {"rows": rows, "supports": list(supports), "support": support, "weekdays": rules.WEEKDAYS_FR},
    )


@require_staff
def support_detail(request, pk):
    """An atelier or chantier: who works there today, and its hours month by month."""
    support = get_production_support_or_404(request.scope, pk)
    today = timezone.localdate()
    return render(
        request,
        "worktime/support_detail.html",
        {
            "support": support,
            "team": support_team(support, today=today),
            "months": selectors.support_months(support, today.year),
            "year": today.year,
        },
    )


@require_staff
def support_summary_pdf(request, pk):
    """The summary of an atelier or chantier for its client (donneur d'ordre), as a PDF."""
    support = get_production_support_or_404(request.scope, pk)
    context = {"support": support, "summary": selectors.support_summary(support), "today": timezone.localdate()}
    try:
        pdf = render_pdf("worktime/support_summary.pdf.html", context, request=request)
    except PdfUnavailable as error:
        messages.error(request, str(error))
        return redirect("worktime:support_detail", pk=support.pk)
    return pdf_response(pdf, f"synthese-{slugify(support.name)}.pdf")
