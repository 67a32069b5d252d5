"""manage.py indicators: JSON on the standard output, French errors."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tremplin.contracts.enums import ExitReason
from tremplin.funding.tests.factories import FinancialAnnexFactory

from .helpers import contract, leave, line


def run(*args) -> dict:
    out = StringIO()
    call_command("indicators", *args, stdout=out)
    return json.loads(out.getvalue())


def test_json_of_a_structure(structure):
    FinancialAnnexFactory(convention__structure=structure, etp_conventioned=Decimal(2), dynamic_exit_target=Decimal(60))
    worker = contract(structure, date(2025, 1, 1), date(2025, 6, 30))
    line(worker, date(2025, 1, 6), 7)
    leave(worker, date(2025, 6, 30), ExitReason.CDI)

    output = run("--structure", structure.siret, "--from", "2025-01-01", "--to", "2025-12-31")
    assert output["start"] == "2025-01-01"
    assert output["end"] == "2025-12-31"
    assert output["structures"] == [structure.siret]
    indicators = output["indicators"]
    assert indicators["headcount"] == 1
    assert indicators["hours_paid"] == "7"
    assert indicators["etp_conventioned"] == "2"
    assert Decimal(indicators["etp_realised"]) == Decimal(7) / Decimal(1820)
    assert indicators["dynamic_exit_rate"] == "100"  # 1 durable / 1 counted (181 days, 7 h in 2025)
    assert indicators["dynamic_exit_target"] == "60"
    assert indicators["exits_by_category"]["durable"] == 1


def test_json_of_an_organisation_sums_its_structures(structure):
    from tremplin.organisations.tests.factories import StructureFactory

    sibling = StructureFactory(organisation=structure.organisation)
    contract(structure, date(2025, 1, 1), date(2025, 6, 30))
    contract(sibling, date(2025, 1, 1), date(2025, 6, 30))
    output = run("--organisation", structure.organisation.siren, "--from", "2025-01-01", "--to", "2025-01-31")
    assert output["indicators"]["headcount"] == 2
    assert sorted(output["structures"]) == sorted([structure.siret, sibling.siret])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-01-01", "--to", "2025-12-31"], "Indiquez soit --structure"),
        (["--structure", "X", "--organisation", "Y", "--from", "2025-01-01", "--to", "2025-12-31"], "soit --structure"),
        (["--structure", "00000000000000", "--from", "2025-01-01", "--to", "2025-12-31"], "Aucun ACI"),
        (["--organisation", "000000000", "--from", "2025-01-01", "--to", "2025-12-31"], "Aucune structure porteuse"),
        (["--structure", "S", "--from", "2025-01-01"], "Indiquez la période"),
        (["--structure", "S", "--from", "01/01/2025", "--to", "2025-12-31"], "Date invalide pour --from"),
        (["--structure", "S", "--from", "2025-12-31", "--to", "2025-01-01"], "précède son début"),
    ],
)
def test_errors_in_french(structure, args, message):
    args = [structure.siret if a == "S" else a for a in args]
    with pytest.raises(CommandError, match=message):
        call_command("indicators", *args, stdout=StringIO())
