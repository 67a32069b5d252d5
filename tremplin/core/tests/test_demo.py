from datetime import date

import pytest
import time_machine
from django.core.management import call_command

from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership, User
from tremplin.core.demo import DEMO_LOGINS, DEMO_PASSWORD, seed_demo
from tremplin.core.tests.snapshot import seed_demo_once
from tremplin.organisations.models import Organisation, ProductionSupport, Structure

# One worker of pytest-xdist (--dist loadgroup) seeds the demo of a date once for all of them.
pytestmark = pytest.mark.xdist_group("demo")


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 11, 23),
        # A new year and a leap day: the demo is dated from today (slow: the whole demo, twice, each).
        pytest.param(date(2027, 1, 31), marks=pytest.mark.slow),
        pytest.param(date(2028, 2, 29), marks=pytest.mark.slow),
    ],
)
def test_seed_is_deterministic_and_idempotent(db, today):
    with time_machine.travel(today, tick=False):
        check_seed_twice()


SUPPORT_MODELS = [
    "support.Diagnosis",
    "support.Objective",
    "support.Appointment",
    "support.PartnerReferral",
    "skills.SkillEvaluation",
    "reviews.Review",
    "immersions.Immersion",
    "training.TrainingAction",
    "training.Enrolment",
    "justice.JusticeMeasure",
    "committees.Committee",
    "satisfaction.SatisfactionResponse",
    "satisfaction.Testimonial",
]


def support_counts() -> dict:
    from django.apps import apps

    return {label: apps.get_model(label).objects.count() for label in SUPPORT_MODELS}


def check_seed_twice():
    first = seed_demo_once()  # a real seed_demo() at this date, once per test process
    snapshot = sorted(Membership.objects.values_list("user__email", "role", "structure__siret", "organisation__siren"))
    counts = support_counts()
    second = seed_demo()
    assert first == second
    assert support_counts() == counts and all(counts.values()), counts
    assert first == {
        "organisations": 1,
        "structures": 2,
        "production_supports": 3,
        "users": 8,
        "partners": 12,  # 6 prescribers and bodies, 6 support partners (housing, health, debts...)
        "people": 40,
    }
    assert snapshot == sorted(
        Membership.objects.values_list("user__email", "role", "structure__siret", "organisation__siren")
    )
    assert Organisation.objects.count() == 1
    assert Structure.objects.count() == 2
    assert ProductionSupport.objects.count() == 3


def test_one_demo_login_per_role_with_the_printed_password(db):
    with time_machine.travel(date(2026, 11, 23), tick=False):
        seed_demo_once()
    assert {login.role for login in DEMO_LOGINS} == set(Role)
    for login in DEMO_LOGINS:
        assert User.objects.get(email=login.email).check_password(DEMO_PASSWORD)


def test_demo_logins_command_prints_them(db, capsys):
    call_command("demo_logins")
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for login in DEMO_LOGINS:
        assert login.email in out


def test_the_demo_covers_every_stage_of_the_pathway(db):
    from tremplin.contracts.enums import AmendmentKind, ExitReason
    from tremplin.contracts.models import Amendment, Derogation, Exit, FollowUp
    from tremplin.eligibility.models import Approval, EligibilityDiagnosis
    from tremplin.recruitment.enums import ReferralState
    from tremplin.recruitment.models import Referral

    with time_machine.travel(date(2026, 11, 23), tick=False):
        seed_demo_once()
    assert Derogation.objects.exists()
    assert Amendment.objects.filter(kind=AmendmentKind.RENEWAL).exists()
    assert Exit.objects.filter(reason=ExitReason.CDI, contract__ended_on__isnull=False).exists()
    assert FollowUp.objects.filter(done_on__isnull=True, due_date__gte=date(2026, 11, 16)).exists()
    assert FollowUp.objects.filter(done_on__isnull=False).exists()
    states = set(Referral.objects.values_list("state", flat=True))
    assert states >= {ReferralState.RECEIVED, ReferralState.INTERVIEW, ReferralState.REFUSED, ReferralState.HIRED}
    assert Approval.objects.exists() and EligibilityDiagnosis.objects.exists()
