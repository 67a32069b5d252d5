"""What the sweep test (core/tests/test_sweep.py) needs from the people app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

from django.core.files.base import ContentFile

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    from tremplin.people.models import PersonDocument

    person = {"pk": ours["person"].pk}
    document = PersonDocument.objects.create(
        person=ours["person"],
        kind="cv",
        file=ContentFile(b"%PDF-1.4", name="cv.pdf"),
        original_name=f"{SENTINEL}.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=ours["director"],
    )
    return {
        "people:detail": person,
        "people:update": person,
        "people:document_upload": person,
        "people:document_download": {"pk": document.pk},
    }
