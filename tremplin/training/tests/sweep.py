"""What the sweep test (core/tests/test_sweep.py) needs from the training app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

from datetime import date
from decimal import Decimal

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    from tremplin.training.models import Enrolment, ProgrammePhase, QualificationProgramme, TrainingAction

    director = ours["director"]
    person = ours["person"]
    training = TrainingAction.objects.create(
        person=person,
        structure=ours["structure"],
        title=f"CACES {SENTINEL}",
        kind="caces",
        organisation=SENTINEL,
        funder="opco",
        start=date(2026, 2, 2),
        end=date(2026, 2, 4),
        hours=Decimal(21),
        certification=SENTINEL,
        created_by=director,
    )
    programme = QualificationProgramme.objects.create(
        structure=ours["structure"],
        name=f"AQI {SENTINEL}",
        certification=SENTINEL,
        start=date(2026, 1, 5),
        end=date(2026, 6, 26),
        created_by=director,
    )
    phase = ProgrammePhase.objects.create(programme=programme, kind="company", weeks=8, description=SENTINEL)
    enrolment = Enrolment.objects.create(
        programme=programme, person=person, enrolled_on=date(2026, 1, 5), job="", created_by=director
    )
    return {
        "training:create": {"pk": person.pk},
        "training:update": {"pk": training.pk},
        "training:programme_detail": {"pk": programme.pk},
        "training:programme_update": {"pk": programme.pk},
        "training:phase_add": {"pk": programme.pk},
        "training:enrol": {"pk": programme.pk},
        "training:phase_delete": {"pk": phase.pk},
        "training:enrolment_update": {"pk": enrolment.pk},
    }
