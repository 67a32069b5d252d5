from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin

from . import rules
from .enums import ReviewKind

TEXTAREA = {"rows": 5}


class ReviewForm(StyledFormMixin, forms.Form):
    held_on = forms.DateField(label="Date du bilan", widget=DateInput())
    professional_project = forms.CharField(
        label="Projet professionnel",
        widget=forms.Textarea(attrs=TEXTAREA),
        required=False,
        help_text="Le projet construit avec la personne, cohérent avec les compétences repérées. "
        "Obligatoire pour signer le bilan.",
    )
    target_codes = forms.CharField(
        label="Métiers visés (codes ROME)",
        required=False,
        max_length=200,
        help_text="Séparés par des virgules, par exemple A1203, G1602.",
    )
    next_steps = forms.CharField(label="Prochaines étapes", widget=forms.Textarea(attrs=TEXTAREA), required=False)

    def clean_target_codes(self):
        return rules.parse_rome_codes(self.cleaned_data["target_codes"])

    @staticmethod
    def initial_for(review) -> dict:
        return {
            "held_on": review.held_on,
            "professional_project": review.professional_project,
            "target_codes": ", ".join(job.code for job in review.target_jobs.all()),
            "next_steps": review.next_steps,
        }


class ReviewCreateForm(ReviewForm):
    kind = forms.ChoiceField(label="Type de bilan", choices=ReviewKind.choices)
    field_order = ["kind", "held_on"]


class TechnicalForm(StyledFormMixin, forms.Form):
    technical_assessment = forms.CharField(
        label="Partie technique",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Par l'encadrant·e : gestes professionnels, savoir-être au travail, progrès et points à travailler.",
    )
