from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin

from . import rules
from .enums import CriterionGroup, Level

LEVEL_CHOICES = [("", "Non évalué"), *((level.value, f"{level.value} – {level.label}") for level in Level)]
CRITERIA_HELP = "Un critère par ligne, dans l'ordre de la grille."


class GridForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Métier", max_length=120, help_text="Par exemple : Espaces verts.")
    rome_code = forms.CharField(
        label="Code ROME", max_length=5, required=False, help_text="Facultatif, par exemple A1203."
    )
    soft_criteria = forms.CharField(
        label="Savoir-être", widget=forms.Textarea(attrs={"rows": 8}), required=False, help_text=CRITERIA_HELP
    )
    trade_criteria = forms.CharField(
        label="Savoir-faire du métier",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=CRITERIA_HELP,
    )

    def clean_soft_criteria(self):
        return rules.parse_criteria(self.cleaned_data["soft_criteria"])

    def clean_trade_criteria(self):
        return rules.parse_criteria(self.cleaned_data["trade_criteria"])

    @staticmethod
    def initial_for(grid) -> dict:
        criteria = [c for c in grid.criteria.all() if c.is_active]
        return {
            "name": grid.name,
            "rome_code": grid.rome_job.code if grid.rome_job else "",
            "soft_criteria": "\n".join(c.label for c in criteria if c.group == CriterionGroup.SOFT),
            "trade_criteria": "\n".join(c.label for c in criteria if c.group == CriterionGroup.TRADE),
            "is_active": grid.is_active,
        }


class GridUpdateForm(GridForm):
    is_active = forms.BooleanField(
        label="Grille en usage",
        required=False,
        help_text="Une grille retirée n'est plus proposée pour les évaluations.",
    )


class EvaluationForm(StyledFormMixin, forms.Form):
    """The date, the evaluator, a level per criterion (`level_<criterion id>`) and a comment."""

    evaluated_on = forms.DateField(label="Date de l'évaluation", widget=DateInput())
    evaluator = forms.ModelChoiceField(label="Évaluateur·rice", queryset=None)
    comment = forms.CharField(
        label="Commentaire",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Pour l'équipe : il ne figure pas sur l'attestation de compétences.",
    )

    def __init__(self, *args, criteria, evaluators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluator"].queryset = evaluators
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"level_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.label,
                choices=LEVEL_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def level_rows(self):
        """(family label, [bound field...]) for the template's table."""
        rows = []
        for group in CriterionGroup:
            fields = [self[f"level_{c.pk}"] for c in self.criteria if c.group == group]
            if fields:
                rows.append((group.label, fields))
        return rows

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in ("evaluated_on", "evaluator", "comment")}
        data["levels"] = {c.pk: self.cleaned_data.get(f"level_{c.pk}") for c in self.criteria}
        return data
