from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles
from tremplin.kernel.formats import fr
from tremplin.kernel.pdf import PdfUnavailable, pdf_response, render_pdf
from tremplin.kernel.query import parse_date
from tremplin.kernel.uploads import bytes_download
from tremplin.reference.tables import MissingReference
from tremplin.worktime.figures import paid_etp

from . import rules, selectors, services
from .access import NAMED_LIST_ROLES, READ_ROLES, get_report_or_404
from .exports import review_csv, review_xlsx, rsa_xlsx
from .indicators import compute_indicators
from .report import TREATMENTS, dialogue_rows, review_rows, review_title, sections
from .report import obstacle_rows as obstacle_rows_of

BAD_DATE = "La date « {value} » n'est pas une date valide : choisissez-la dans le calendrier (jj/mm/aaaa)."
REVERSED = "La fin de la période ({end}) précède son début ({start}) : la période par défaut est affichée."
TOO_LONG = rules.PERIOD_TOO_LONG.removesuffix(".") + " : la période par défaut est affichée."
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request) -> tuple[date, date, list[str]]:
    """The period asked for (?du=&au=, ISO dates from the date inputs), else the 1st of January to
    today; the French messages of what was refused."""
    today = timezone.localdate()
    start, end, errors = date(today.year, 1, 1), today, []
    asked = {}
    for name in ("du", "au"):
        value = request.GET.get(name, "").strip()
        if value:
            if (day := parse_date(value)) is None:
                errors.append(BAD_DATE.format(value=value[:40]))
            else:
                asked[name] = day
    asked_start, asked_end = asked.get("du", start), asked.get("au", end)
    if asked_end < asked_start:
        errors.append(REVERSED.format(start=fr(asked_start), end=fr(asked_end)))
    elif rules.check_period_length(asked_start, asked_end):
        errors.append(TOO_LONG)
    else:
        start, end = asked_start, asked_end
    return start, end, errors


def _selection(request) -> dict:
    """The period and the ACI asked for (?du=&au=&perimetre=), as every page of the app reads them."""
    start, end, errors = _period(request)
    structures = selectors.structures_of(request.scope, request.GET.get("perimetre", selectors.ACI))
    perimeter = selectors.ORGANISATION if len(structures) > 1 else selectors.ACI
    return {
        "start": start,
        "end": end,
        "errors": errors,
        "perimeter": perimeter,
        "perimeters": selectors.perimeters(request.scope),
        "structures": structures,
        "title": review_title(structures),
        "period_text": f"Période du {fr(start)} au {fr(end)}",
        "query": f"du={start.isoformat()}&au={end.isoformat()}&perimetre={perimeter}",
    }


def _review(request) -> dict:
    context = _selection(request)
    start, end, structures, errors = context["start"], context["end"], context["structures"], context["errors"]
    try:
        etp = paid_etp([s.pk for s in structures], start, end)
        indicators = compute_indicators(structures, start, end, etp=etp)
        context["months"] = selectors.monthly_etp(structures, etp)
    except MissingReference as error:
        context["errors"] = [*errors, str(error)]
        return context
    rows = review_rows(indicators)
    context.update(indicators=indicators, rows=rows, sections=sections(rows), by_name={r.name: r for r in rows})
    return context


def _charts(context: dict) -> dict:
    months, rows = context["months"], context["by_name"]
    exit_rows = [r for r in context["rows"] if r.name.startswith("exits_by_category.")]
    criteria_rows = [r for r in context["rows"] if r.name.startswith("criteria_counts.")]
    obstacle_rows = [r for r in obstacle_rows_of(context["indicators"], "") if r.name.endswith(".identified")]
    return {
        "etp_chart": {
            "unit": "ETP",
            "labels": [f"{m.month:%m/%Y}" for m in months],
            "series": [
                {
                    "label": "ETP réalisés",
                    "kind": "bar",
                    "color": "#1d5c4d",
                    "values": [float(round(m.etp_realised, 2)) for m in months],
                },
                {
                    "label": "ETP conventionnés",
                    "kind": "line",
                    "color": "#1e3a8a",
                    "dashed": True,
                    "values": [float(round(m.etp_conventioned, 2)) for m in months],
                },
            ],
        },
        "exits_chart": {
            "unit": "sorties",
            "integer": True,
            "labels": [r.label for r in exit_rows],
            "series": [
                {
                    "label": "Sorties prises en compte",
                    "kind": "bar",
                    "color": "#c2410c",
                    "values": [r.value for r in exit_rows],
                }
            ],
        },
        "criteria_chart": {
            "unit": "personnes",
            "integer": True,
            "labels": [r.label for r in criteria_rows],
            "series": [
                {
                    "label": "Salarié·es en parcours",
                    "kind": "bar",
                    "color": "#1d5c4d",
                    "values": [r.value for r in criteria_rows],
                }
            ],
        },
        "obstacles_chart": {
            "unit": "freins",
            "integer": True,
            "labels": [row.label for row in obstacle_rows],
            "series": [
                {
                    "label": label.capitalize(),
                    "kind": "bar",
                    "color": color,
                    "stack": "traitement",
                    "values": [
                        context["indicators"]["obstacles_by_category"][row.name.split(".")[1]][key]
                        for row in obstacle_rows
                    ],
                }
                for key, label, color in (
                    ("internal", TREATMENTS["internal"], "#1d5c4d"),
                    ("external", TREATMENTS["external"], "#1e3a8a"),
                    ("both", TREATMENTS["both"], "#c2410c"),
                )
            ],
        },
        "obstacle_table": [
            (row.label, context["indicators"]["obstacles_by_category"][row.name.split(".")[1]]) for row in obstacle_rows
        ],
        "exits_rows": exit_rows,
        "criteria_rows": criteria_rows,
        "headline": [
            rows["headcount"],
            rows["etp_realised"],
            rows["etp_conventioned"],
            rows["dynamic_exit_rate"],
            rows["dynamic_exit_target"],
        ],
    }


@require_roles(*READ_ROLES)
def dashboard(request):
    context = _review(request)
    if "rows" in context:
        context.update(_charts(context))
    return render(request, "reporting/dashboard.html", context)


def _filename(context: dict, extension: str) -> str:
    return f"{slugify(context['title'])}-{context['start']:%Y%m%d}-{context['end']:%Y%m%d}.{extension}"


@require_roles(*READ_ROLES)
def review_download_xlsx(request):
    context = _review(request)
    if "rows" not in context:
        return render(request, "reporting/dashboard.html", context, status=409)
    content = review_xlsx(context["rows"], title=context["title"], period=context["period_text"])
    return bytes_download(content, filename=_filename(context, "xlsx"), content_type=XLSX)


@require_roles(*READ_ROLES)
def review_download_csv(request):
    context = _review(request)
    if "rows" not in context:
        return render(request, "reporting/dashboard.html", context, status=409)
    content = review_csv(context["rows"], title=context["title"])
    return bytes_download(content, filename=_filename(context, "csv"), content_type="text/csv; charset=utf-8")


@require_roles(*READ_ROLES)
def review_download_pdf(request):
    context = _review(request)
    if "rows" not in context:
        return render(request, "reporting/dashboard.html", context, status=409)
    context["today"] = timezone.localdate()
    try:
        pdf = render_pdf("reporting/review.pdf.html", context, request=request)
    except PdfUnavailable as error:
        context["errors"] = [str(error)]
        return render(request, "reporting/dashboard.html", context, status=503)
    return pdf_response(pdf, _filename(context, "pdf"))


DIALOGUE = "Dialogue de gestion"


def _dialogue(request) -> dict:
    """The dialogue de gestion file: the indicators of the review on the four axes."""
    context = _selection(request)
    start, end, structures = context["start"], context["end"], context["structures"]
    try:
        indicators = compute_indicators(structures, start, end)
    except MissingReference as error:
        context["errors"] = [*context["errors"], str(error)]
        return context
    rows = dialogue_rows(indicators, selectors.territorial_activity(structures, start, end))
    context.update(rows=rows, sections=sections(rows), title=f"{DIALOGUE} – {context['title']}")
    return context


@require_roles(*READ_ROLES)
def dialogue(request):
    return render(request, "reporting/dialogue.html", _dialogue(request))


@require_roles(*READ_ROLES)
def dialogue_xlsx(request):
    context = _dialogue(request)
    if "rows" not in context:
        return render(request, "reporting/dialogue.html", context, status=409)
    content = review_xlsx(context["rows"], title=context["title"], period=context["period_text"])
    return bytes_download(content, filename=_filename(context, "xlsx"), content_type=XLSX)


@require_roles(*READ_ROLES)
def dialogue_pdf(request):
    context = _dialogue(request)
    if "rows" not in context:
        return render(request, "reporting/dialogue.html", context, status=409)
    context["today"] = timezone.localdate()
    try:
        pdf = render_pdf("reporting/review.pdf.html", context, request=request)
    except PdfUnavailable as error:
        context["errors"] = [str(error)]
        return render(request, "reporting/dialogue.html", context, status=503)
    return pdf_response(pdf, _filename(context, "pdf"))


def _rsa(request) -> dict:
    context = _selection(request)
    try:
        context["report"] = selectors.rsa_report(context["structures"], context["start"], context["end"])
    except MissingReference as error:
        context["errors"] = [*context["errors"], str(error)]
    return context


@require_roles(*NAMED_LIST_ROLES)
def rsa_list(request):
    return render(request, "reporting/rsa.html", _rsa(request))


@require_roles(*NAMED_LIST_ROLES)
def rsa_list_xlsx(request):
    context = _rsa(request)
    if "report" not in context:
        return render(request, "reporting/rsa.html", context, status=409)
    title = f"Co-financement RSA – {', '.join(s.name for s in context['structures'])}"
    content = rsa_xlsx(context["report"], title=title, period=context["period_text"])
    filename = f"cofinancement-rsa-{context['start']:%Y%m%d}-{context['end']:%Y%m%d}.xlsx"
    return bytes_download(content, filename=filename, content_type=XLSX)


@require_roles(*READ_ROLES)
@require_POST
def report_create(request):
    """Queue the review of the period and perimeter asked for; its page shows the progress."""
    selection = _selection(request)
    if selection["errors"]:
        for error in selection["errors"]:
            messages.error(request, error)
        return redirect("reporting:dashboard")
    try:
        report = services.report_request(
            actor=request.user,
            structure=request.scope.structure,
            structures=selection["structures"],
            start=selection["start"],
            end=selection["end"],
            file_format=request.POST.get("format", ""),
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("reporting:dashboard")
    return redirect("reporting:report_detail", pk=report.pk)


@require_roles(*READ_ROLES)
def report_detail(request, pk):
    report = get_report_or_404(request.scope, pk)
    template = "reporting/_report_status.html" if request.htmx else "reporting/report.html"
    return render(request, template, {"report": report})


@require_roles(*READ_ROLES)
def report_download(request, pk):
    from django.http import Http404

    from tremplin.kernel.uploads import file_download

    report = get_report_or_404(request.scope, pk)
    if report.status != "done":
        raise Http404("Le bilan n'est pas prêt.")
    content_type = XLSX if report.file_format == "xlsx" else "application/pdf"
    return file_download(report.file, filename=report.filename, content_type=content_type)
