"""What the sweep test (core/tests/test_sweep.py) needs from the imports app: a record of "our"
ACI for each of its parameterised URLs, and its public URL names (none)."""

from django.core.files.base import ContentFile

from tremplin.imports.enums import ImportKind, ImportStatus
from tremplin.imports.models import ImportBatch

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    batch = ImportBatch(
        structure=ours["structure"],
        kind=ImportKind.PEOPLE_REFERRALS,
        original_name=f"{SENTINEL}.csv",
        sha256="0" * 64,
        uploaded_by=ours["director"],
        status=ImportStatus.PREVIEWED,
        total_rows=1,
        rows_done=1,
        created_count=1,
        report=[{"line": 2, "label": SENTINEL, "status": "created", "messages": [], "notes": []}],
    )
    batch.file.save("import.csv", ContentFile(f"Nom;Prénom\n{SENTINEL};Léa\n".encode()), save=False)
    batch.save()
    return {f"imports:{name}": {"pk": batch.pk} for name in ("detail", "apply", "download")}
