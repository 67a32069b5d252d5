"""The demo TIG: 140 h ordered, about 80 h done, a SOA session; seeding twice changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tremplin.core.demo import seed_demo
from tremplin.core.tests.snapshot import seed_demo_once
from tremplin.justice.models import JusticeAttendance, JusticeMeasure, OrientationAttendance, OrientationSession
from tremplin.justice.selectors import hours_done

# One worker of pytest-xdist (--dist loadgroup) seeds the demo of a date once for all of them.
pytestmark = pytest.mark.xdist_group("demo")


@pytest.mark.parametrize(
    "today",
    [date(2026, 11, 23), pytest.param(date(2028, 2, 29), marks=pytest.mark.slow, id="leap-day")],
)
def test_demo_tig_is_seeded_once(db, today):
    with time_machine.travel(today, tick=False):
        seed_demo_once()  # a real seed_demo() at this date, once per test process
        seed_demo()
    measure = JusticeMeasure.objects.get()
    assert measure.structure.name.startswith("Val Vert") and measure.spip.name == "SPIP de l'Hérault"
    assert (measure.kind, measure.offence, measure.hours_ordered) == ("tig", "delit", 140)
    assert hours_done(measure) == Decimal(80)
    assert JusticeAttendance.objects.count() == 12
    assert OrientationSession.objects.count() == 1 and OrientationAttendance.objects.get().presence == "present"
    assert measure.person.contracts.exists()
