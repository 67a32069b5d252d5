"""Skills evaluation grids of an ACI (one per trade), the evaluations of a person on a grid and
their ratings per criterion (domain.md section 4: evaluations with the technical supervisor
about 3 times a year, skills recognised for future employers). Writes go through services.py."""

from django.conf import settings
from django.db import models

from tremplin.organisations.models import Structure
from tremplin.people.models import Person
from tremplin.reference.models import RomeJob

from .enums import CriterionGroup, Level


class SkillGrid(models.Model):
    """The evaluation grid of a trade in an ACI: savoir-être and savoir-faire criteria."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="skill_grids", verbose_name="ACI")
    name = models.CharField("métier", max_length=120, help_text="Par exemple : Espaces verts.")
    rome_job = models.ForeignKey(
        RomeJob, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="métier (ROME)"
    )
    is_active = models.BooleanField("en usage", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "grille d'évaluation"
        verbose_name_plural = "grilles d'évaluation"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["structure", "name"],
                name="skill_grid_name_unique_per_structure",
                violation_error_message="Cet ACI a déjà une grille d'évaluation pour ce métier.",
            )
        ]

    def __str__(self) -> str:
        return f"Grille « {self.name} »"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class SkillCriterion(models.Model):
    """One line of a grid. A criterion already rated is never deleted: it is withdrawn
    (`is_active` false) so that past evaluations keep their lines."""

    grid = models.ForeignKey(SkillGrid, on_delete=models.PROTECT, related_name="criteria", verbose_name="grille")
    group = models.CharField("famille", max_length=10, choices=CriterionGroup)
    label = models.CharField("critère", max_length=200)
    order = models.PositiveSmallIntegerField("ordre", default=0)
    is_active = models.BooleanField("en usage", default=True)

    class Meta:
        verbose_name = "critère d'évaluation"
        verbose_name_plural = "critères d'évaluation"
        ordering = ["grid", "group", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["grid", "group", "label"],
                name="skill_criterion_label_unique_per_group",
                violation_error_message="Ce critère figure déjà dans la grille.",
            )
        ]

    def __str__(self) -> str:
        return self.label

    def get_additional_data(self) -> dict:
        return {"structure_id": self.grid.structure_id}


class SkillEvaluation(models.Model):
    """An evaluation of a person on a grid, on a day, by a member of the team."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="skill_evaluations", verbose_name="personne"
    )
    grid = models.ForeignKey(SkillGrid, on_delete=models.PROTECT, related_name="evaluations", verbose_name="grille")
    evaluated_on = models.DateField("date de l'évaluation")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="évaluateur·rice"
    )
    comment = models.TextField("commentaire", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "évaluation des compétences"
        verbose_name_plural = "évaluations des compétences"
        ordering = ["-evaluated_on", "-pk"]
        indexes = [models.Index(fields=["person", "evaluated_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "grid", "evaluated_on"],
                name="skill_evaluation_once_a_day_per_grid",
                violation_error_message="Une évaluation sur cette grille existe déjà à cette date.",
            )
        ]

    def __str__(self) -> str:
        return f"Évaluation du {self.evaluated_on:%d/%m/%Y} ({self.grid.name})"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.person.structure_id, "person_id": self.person_id}


class SkillRating(models.Model):
    """The level reached on one criterion in an evaluation; no level: not evaluated."""

    evaluation = models.ForeignKey(SkillEvaluation, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(SkillCriterion, on_delete=models.PROTECT, related_name="ratings")
    level = models.PositiveSmallIntegerField("niveau", choices=Level, null=True, blank=True)

    class Meta:
        verbose_name = "niveau évalué"
        verbose_name_plural = "niveaux évalués"
        ordering = ["criterion__group", "criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"],
                name="skill_rating_once_per_criterion",
                violation_error_message="Ce critère est déjà évalué dans cette évaluation.",
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=4),
                name="skill_rating_level_1_4",
                violation_error_message="Le niveau est compris entre 1 (non acquis) et 4 (maîtrisé).",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.label} : {self.get_level_display() or 'non évalué'}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.evaluation.person.structure_id, "person_id": self.evaluation.person_id}
