"""Property: whatever sequence of hires and renewals the services accept, no person goes past
24 months of CDDI in the ACI without a derogation covering the excess, nor past 60 months
without a training derogation, and no two contracts overlap."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tremplin.accounts.tests.factories import UserFactory
from tremplin.contracts import rules, services
from tremplin.contracts.enums import EXTENSION_KINDS, DerogationKind
from tremplin.contracts.models import Derogation
from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory
from tremplin.kernel.dates import Period
from tremplin.people.tests.factories import PersonFactory

BASE = date(2023, 1, 2)

operation = st.one_of(
    st.tuples(st.just("hire"), st.integers(0, 200), st.integers(30, 800)),
    st.tuples(st.just("renew"), st.integers(1, 400)),
    st.tuples(
        st.just("derogation"), st.sampled_from(sorted(EXTENSION_KINDS)), st.integers(0, 1500), st.integers(30, 400)
    ),
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, min_size=1, max_size=8))
def test_no_accepted_sequence_exceeds_a_cap_without_derogation(ops):
    with time_machine.travel(date(2030, 1, 1), tick=False):
        actor = UserFactory()
        person = PersonFactory(birth_date=date(1970, 1, 1), rqth=True)
        cursor = BASE
        for op in ops:
            try:
                if op[0] == "hire":
                    start = cursor + timedelta(days=op[1])
                    EligibilityDiagnosisFactory(person=person, made_on=start)
                    services.contract_create(
                        actor=actor,
                        person=person,
                        start=start,
                        end=start + timedelta(days=op[2]),
                        weekly_hours=Decimal(26),
                        hourly_pay=Decimal("12.02"),
                        job_label="Agent",
                    )
                elif op[0] == "renew":
                    last = person.contracts.order_by("-start").first()
                    if last is None:
                        continue
                    services.contract_renew(actor=actor, contract=last, until=last.end + timedelta(days=op[1]))
                else:
                    start = BASE + timedelta(days=op[2])
                    services.derogation_record(
                        actor=actor,
                        structure=person.structure,
                        person=person,
                        kind=op[1],
                        reason="test",
                        decision_date=date(2029, 1, 1),
                        decided_by="DDETS",
                        start=start,
                        end=start + timedelta(days=op[3]),
                    )
            except ValidationError:
                continue
            last = person.contracts.order_by("-start").first()
            if last is not None:
                cursor = last.end + timedelta(days=1)
        check_invariants(person)


def check_invariants(person):
    contracts = list(person.contracts.order_by("start"))
    periods = [Period(c.start, c.end) for c in contracts]
    for a, b in zip(periods, periods[1:], strict=False):
        assert not a.overlaps(b)
    if not periods:
        return
    first = periods[0].start
    derogations = list(Derogation.objects.filter(person=person))
    extension = [Period(d.start, d.end) for d in derogations if d.kind in EXTENSION_KINDS]
    training = [Period(d.start, d.end) for d in derogations if d.kind == DerogationKind.TRAINING]
    # Walk the covered days in order: every day past the 24-month count is under an extension,
    # every day past the 60-month count is under a training derogation.
    count = 0
    cap = rules.cap_in_days(first, rules.CAP_MONTHS)
    ceiling = rules.cap_in_days(first, rules.EXTENDED_CAP_MONTHS)
    for period in periods:
        day = period.start
        while day <= period.end:
            count += 1
            if count > cap:
                assert any(p.start <= day <= p.end for p in extension), f"{day} au-delà de 24 mois sans dérogation"
            if count > ceiling:
                assert any(p.start <= day <= p.end for p in training), f"{day} au-delà de 60 mois"
            day += timedelta(days=1)
