"""Property: whatever sequence of suspensions and prolongations the services accept, the end in
force is the initial end plus the days of every suspension and prolongation, suspensions never
overlap, prolongations follow one another without overlap, last 12 months at most, and stay
within the total cap of their reason (suspended days not counted)."""

import itertools
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tremplin.accounts.tests.factories import UserFactory
from tremplin.eligibility import rules, services
from tremplin.eligibility.enums import PROLONGATION_TOTAL_CAP_MONTHS, ApprovalSuspensionReason, ProlongationReason
from tremplin.eligibility.models import Approval
from tremplin.kernel.dates import Period, last_day_within
from tremplin.people.tests.factories import PersonFactory

START = date(2026, 1, 1)
NUMBERS = itertools.count(1)  # the examples share one database: one PASS number each

operation = st.one_of(
    st.tuples(st.just("suspend"), st.integers(0, 1200), st.integers(0, 120)),
    st.tuples(st.just("prolong"), st.sampled_from(sorted(ProlongationReason)), st.integers(200, 380)),
)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, min_size=1, max_size=12))
def test_accepted_operations_keep_the_pass_consistent(ops):
    with time_machine.travel(date(2026, 1, 1), tick=False):
        actor = UserFactory()
        person = PersonFactory(birth_date=date(1965, 1, 1), rqth=True)
        approval = services.approval_record(
            actor=actor, person=person, number=f"XXXXX26{next(NUMBERS):05d}", start=START
        )
        for op in ops:
            try:
                if op[0] == "suspend":
                    start = START + timedelta(days=op[1])
                    services.approval_suspend(
                        actor=actor,
                        approval=approval,
                        reason=ApprovalSuspensionReason.CONTRACT_SUSPENDED_15_DAYS,
                        start=start,
                        end=start + timedelta(days=op[2]),
                    )
                else:
                    end = Approval.objects.get(pk=approval.pk).effective_end + timedelta(days=op[2])
                    services.approval_prolong(actor=actor, approval=approval, reason=op[1], end=end, decided_by="DDETS")
            except ValidationError:
                continue
        check_invariants(Approval.objects.get(pk=approval.pk))


def check_invariants(approval: Approval) -> None:
    suspensions = [Period(s.start, s.end) for s in approval.suspensions.all()]
    prolongations = list(approval.prolongations.order_by("start"))
    days = sum(p.days for p in suspensions) + sum(Period(p.start, p.end).days for p in prolongations)
    assert approval.end == rules.approval_initial_end(approval.start)
    assert approval.effective_end == approval.end + timedelta(days=days)
    for i, a in enumerate(suspensions):
        for b in suspensions[i + 1 :]:
            assert not a.overlaps(b)
    suspended = sum(p.days for p in suspensions)
    for previous, prolongation in zip(prolongations, prolongations[1:], strict=False):
        assert prolongation.start > previous.end
    for prolongation in prolongations:
        assert prolongation.end <= last_day_within(prolongation.start, 12)
        months = PROLONGATION_TOTAL_CAP_MONTHS[prolongation.reason]
        if months is not None:
            assert prolongation.end <= last_day_within(approval.start, months) + timedelta(days=suspended)
