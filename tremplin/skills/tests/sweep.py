"""What the sweep test (core/tests/test_sweep.py) needs from the skills app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

from datetime import date

PUBLIC_URL_NAMES: set[str] = set()


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    from tremplin.skills.models import SkillCriterion, SkillEvaluation, SkillGrid, SkillRating

    sentinel = "SENTINELLE-VAL-VERT"
    grid = SkillGrid.objects.create(structure=ours["structure"], name=f"Grille {sentinel}", created_by=ours["director"])
    criterion = SkillCriterion.objects.create(grid=grid, group="trade", label=sentinel, order=1)
    evaluation = SkillEvaluation.objects.create(
        person=ours["person"],
        grid=grid,
        evaluated_on=date(2026, 3, 2),
        evaluator=ours["director"],
        comment=sentinel,
        created_by=ours["director"],
    )
    SkillRating.objects.create(evaluation=evaluation, criterion=criterion, level=3)
    person = {"pk": ours["person"].pk}
    return {
        "skills:grid_update": {"pk": grid.pk},
        "skills:evaluation_detail": {"pk": evaluation.pk},
        "skills:evaluation_update": {"pk": evaluation.pk},
        "skills:evaluation_create": person,
        "skills:certificate": person,
    }
