"""What the sweep test (core/tests/test_sweep.py) needs from the funding app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

from datetime import date

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    from tremplin.funding.models import Grant
    from tremplin.funding.tests.factories import ConventionFactory, FinancialAnnexFactory

    convention = ConventionFactory(structure=ours["structure"], reference=SENTINEL)
    annex = FinancialAnnexFactory(convention=convention, number="ACI034269999")
    grant = Grant.objects.create(
        structure=ours["structure"],
        funder="region",
        funder_name=SENTINEL,
        amount=1000,
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        purpose=SENTINEL,
        created_by=ours["director"],
    )
    ours["convention"] = convention
    return {
        "funding:annex_create": {"pk": convention.pk},
        "funding:annex_detail": {"pk": annex.pk},
        "funding:annex_amend": {"pk": annex.pk},
        "funding:grant_delete": {"pk": grant.pk},
    }
