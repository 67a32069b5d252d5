"""What the sweep test (core/tests/test_sweep.py) needs from the organisations app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    structure, support = {"pk": ours["structure"].pk}, {"pk": ours["support"].pk}
    return {
        "organisations:structure_detail": structure,
        "organisations:structure_update": structure,
        "organisations:support_update": support,
    }
