"""What the sweep test needs from the portability app: its tables are named by a slug, not a
record; the sweep checks that another ACI's download never holds our sentinel."""

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    return {"portability:table_csv": {"name": "personnes"}, "portability:table_xlsx": {"name": "contrats"}}
