"""What the sweep test (core/tests/test_sweep.py) needs from the worktime app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

from datetime import date

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    """An hour line of our ACI (shown on the month pages, which take a month of the acting user's
    own ACI), and the pages of our worksite."""
    from tremplin.worktime.models import TimesheetEntry

    contract = ours["contract"]
    TimesheetEntry.objects.create(
        contract=contract,
        person=contract.person,
        structure=ours["structure"],
        day=date(2026, 2, 2),
        kind="worked",
        hours=7,
        created_by=ours["director"],
    )
    support = {"pk": ours["support"].pk}
    return {"worktime:support_detail": support, "worktime:support_summary_pdf": support}
