"""What the sweep test (core/tests/test_sweep.py) needs from the committees app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    return {}
