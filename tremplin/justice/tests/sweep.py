"""What the sweep test (core/tests/test_sweep.py) needs from the justice app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

from tremplin.justice.enums import Presence
from tremplin.justice.models import OrientationAttendance

from .factories import JusticeAttendanceFactory, JusticeMeasureFactory, OrientationSessionFactory

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    measure = JusticeMeasureFactory(person=ours["person"], notes=SENTINEL, referent_name=SENTINEL)
    attendance = JusticeAttendanceFactory(measure=measure, recorded_by=ours["director"])
    session = OrientationSessionFactory(structure=ours["structure"], title=SENTINEL, created_by=ours["director"])
    OrientationAttendance.objects.create(
        session=session, measure=measure, presence=Presence.PRESENT, attendance=attendance, recorded_by=ours["director"]
    )
    by_measure = ["justice:detail", "justice:update", "justice:attendance_create"]
    return {
        "justice:create": {"pk": ours["person"].pk},
        **{name: {"pk": measure.pk} for name in by_measure},
        "justice:session_detail": {"pk": session.pk},
    }
