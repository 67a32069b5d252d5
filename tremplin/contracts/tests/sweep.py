"""What the sweep test (core/tests/test_sweep.py) needs from the contracts app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    from tremplin.contracts.models import Exit, FollowUp
    from tremplin.contracts.tests.factories import ContractFactory

    person, director = ours["person"], ours["director"]
    contract = ContractFactory(person=person, job_label=SENTINEL)
    exit_ = Exit.objects.create(
        contract=contract, person=person, exit_date=contract.end, reason="cdi", created_by=director
    )
    follow_up = FollowUp.objects.create(exit=exit_, months_after=3, due_date=contract.end, comment=SENTINEL)
    ours["contract"] = contract
    by_contract = ("renew", "change_hours", "change_job", "suspend", "end_early", "exit")
    return {f"contracts:{name}": {"pk": contract.pk} for name in by_contract} | {
        "contracts:hire": {"pk": person.pk},
        "contracts:derogation_create": {"pk": person.pk},
        "contracts:follow_up": {"pk": follow_up.pk},
    }
