"""What the sweep test (core/tests/test_sweep.py) needs from the satisfaction app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (the questionnaire through a
one-time link)."""

from datetime import date

from tremplin.satisfaction.models import Testimonial

PUBLIC_URL_NAMES: set[str] = {"satisfaction:answer"}

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    testimonial = Testimonial.objects.create(
        structure=ours["structure"],
        person=ours["person"],
        author_display_name=SENTINEL,
        text=SENTINEL,
        consent_given_on=date(2026, 1, 5),
        published=True,
        created_by=ours["director"],
    )
    names = ["detail", "update", "publish", "unpublish", "revoke", "photo"]
    kwargs = {f"satisfaction:testimonial_{name}": {"pk": testimonial.pk} for name in names}
    kwargs["satisfaction:invite"] = {"pk": ours["person"].pk}
    # A link that names no invitation: the page says it is no longer valid (404), for anyone.
    kwargs["satisfaction:answer"] = {"token": "lien-inconnu-" + "x" * 30}
    return kwargs
