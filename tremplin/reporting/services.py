"""Writes of the reporting app: a review asked for, then built in the background with its
progress."""

from __future__ import annotations

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.kernel.formats import fr
from tremplin.kernel.pdf import PdfUnavailable, render_pdf
from tremplin.organisations.models import Structure
from tremplin.reference.tables import MissingReference

from . import rules
from .exports import review_xlsx
from .indicators import compute_indicators
from .models import ReportFormat, ReportRequest, ReportStatus
from .report import review_rows, review_title, sections

logger = logging.getLogger(__name__)
FAILED = "Le bilan n'a pas pu être produit à cause d'une erreur inattendue ; l'équipe technique est prévenue."


@transaction.atomic
def report_request(
    *, actor: User, structure: Structure, structures: list[Structure], start: date, end: date, file_format: str
) -> ReportRequest:
    """Record the request and queue its building (after the commit, so that the worker finds it)."""
    from .tasks import build_review

    raise_if("end", rules.check_period(start, end))
    if file_format not in ReportFormat.values:
        raise ValidationError({"file_format": "Choisissez le format du bilan : XLSX ou PDF."})
    report = ReportRequest.objects.create(
        requested_by=actor, structure=structure, start=start, end=end, file_format=file_format
    )
    report.structures.set(structures)
    transaction.on_commit(lambda: build_review.enqueue(report.pk))
    return report


def _progress(report: ReportRequest, progress: int, step: str, **fields) -> None:
    ReportRequest.objects.filter(pk=report.pk).update(progress=progress, step=step, **fields)


def report_build(*, report_id: int) -> None:
    """Compute each ACI's figures (the progress moves on after each), then the whole, and store the
    file. A missing reference figure or a missing PDF library ends in "failed" with its French
    message; anything else too, with a generic message (and the error in the log)."""
    report = ReportRequest.objects.get(pk=report_id)
    structures = list(report.structures.order_by("name"))
    title = review_title(structures)
    period = f"Période du {fr(report.start)} au {fr(report.end)}"
    _progress(report, 0, "Démarrage", status=ReportStatus.RUNNING)
    try:
        columns = []
        for index, structure in enumerate(structures):
            _progress(report, 80 * index // len(structures), f"Calcul des indicateurs de {structure.name}")
            columns.append((structure.name, review_rows(compute_indicators([structure], report.start, report.end))))
        _progress(report, 85, "Consolidation")
        rows = review_rows(compute_indicators(structures, report.start, report.end))
        _progress(report, 90, "Mise en forme du fichier")
        if report.file_format == ReportFormat.XLSX:
            content = review_xlsx(rows, title=title, period=period, columns=columns if len(structures) > 1 else None)
        else:
            context = {
                "title": title,
                "period_text": period,
                "structures": structures,
                "sections": sections(rows),
                "today": timezone.localdate(),
            }
            content = render_pdf("reporting/review.pdf.html", context)
    except (MissingReference, PdfUnavailable, ValueError) as error:
        _progress(report, 100, "", status=ReportStatus.FAILED, error=str(error)[:500], finished_at=timezone.now())
        return
    except Exception:
        logger.exception("Échec du bilan %s", report.pk)
        _progress(report, 100, "", status=ReportStatus.FAILED, error=FAILED, finished_at=timezone.now())
        raise
    filename = f"{slugify(title)}-{report.start:%Y%m%d}-{report.end:%Y%m%d}.{report.file_format}"
    report.file.save(filename, ContentFile(content), save=False)
    ReportRequest.objects.filter(pk=report.pk).update(
        file=report.file.name,
        filename=filename,
        progress=100,
        step="",
        status=ReportStatus.DONE,
        finished_at=timezone.now(),
    )
