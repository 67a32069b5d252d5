"""What the sweep test (core/tests/test_sweep.py) needs from the committees app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

from datetime import date

from tremplin.committees.enums import CommitteeKind
from tremplin.committees.models import Committee, CommitteeDecision

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    committee = Committee.objects.create(
        structure=ours["structure"],
        convention=ours["convention"],
        action_label=SENTINEL,
        kind=CommitteeKind.FOLLOW_UP,
        planned_on=date(2026, 2, 10),
        held_on=date(2026, 2, 10),
        place=SENTINEL,
        minutes=SENTINEL,
        created_by=ours["director"],
    )
    decision = CommitteeDecision.objects.create(
        committee=committee, text=SENTINEL, owner=SENTINEL, created_by=ours["director"]
    )
    by_committee = ["detail", "update", "file", "decision_add"]
    kwargs = {f"committees:{name}": {"pk": committee.pk} for name in by_committee}
    kwargs["committees:decision_delete"] = {"pk": decision.pk}
    return kwargs
