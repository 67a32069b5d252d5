"""What the sweep test (core/tests/test_sweep.py) needs from the reviews app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

from datetime import date

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    from tremplin.reviews.models import Review

    sentinel = "SENTINELLE-VAL-VERT"
    review = Review.objects.create(
        person=ours["person"],
        kind="intermediate",
        held_on=date(2026, 3, 2),
        professional_project=sentinel,
        next_steps=sentinel,
        technical_assessment=sentinel,
        created_by=ours["director"],
    )
    record = {"pk": review.pk}
    return {
        "reviews:create": {"pk": ours["person"].pk},
        "reviews:detail": record,
        "reviews:update": record,
        "reviews:sign": record,
        "reviews:technical_update": record,
        "reviews:technical_sign": record,
        "reviews:pdf": record,
    }
