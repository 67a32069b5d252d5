"""What the sweep test (core/tests/test_sweep.py) needs from the immersions app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    from .factories import HostCompanyFactory, ImmersionFactory

    sentinel = "SENTINELLE-VAL-VERT"
    host = HostCompanyFactory(structure=ours["structure"], name=f"Hôte {sentinel}", created_by=ours["director"])
    immersion = ImmersionFactory(
        person=ours["person"],
        contract=ours["contract"],
        host=host,
        tutor_name=sentinel,
        place=sentinel,
        start=ours["contract"].start,
        end=ours["contract"].start,
        created_by=ours["director"],
    )
    return {
        "immersions:host_update": {"pk": host.pk},
        "immersions:create": {"pk": ours["person"].pk},
        "immersions:detail": {"pk": immersion.pk},
        "immersions:update": {"pk": immersion.pk},
        "immersions:evaluate": {"pk": immersion.pk},
        "immersions:outcome": {"pk": immersion.pk},
        "immersions:convention_pdf": {"pk": immersion.pk},
    }
