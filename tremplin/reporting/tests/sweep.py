"""What the sweep test (core/tests/test_sweep.py) needs from the reporting app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

from datetime import date

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    from tremplin.reporting.models import ReportRequest

    report = ReportRequest.objects.create(
        requested_by=ours["director"],
        structure=ours["structure"],
        start=date(2026, 1, 1),
        end=date(2026, 1, 31),
        file_format="xlsx",
    )
    return {"reporting:report_detail": {"pk": report.pk}, "reporting:report_download": {"pk": report.pk}}
