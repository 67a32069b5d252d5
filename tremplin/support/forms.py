from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin
from tremplin.partners.enums import PartnerKind

from .enums import (
    AppointmentKind,
    Confidentiality,
    ObjectiveStatus,
    ObstacleCategory,
    ObstacleLevel,
    ReferralNeed,
    ReferralOutcome,
    SensitiveTopic,
    Treatment,
)

NO_OBSTACLE = "— pas de frein"
LEVEL_MISSING = "Indiquez le niveau du frein, ou videz la ligne."
TREATMENT_MISSING = "Indiquez si le frein est traité en interne, en externe ou les deux."


class DiagnosisForm(StyledFormMixin, forms.Form):
    assessed_on = forms.DateField(label="Date de l'évaluation", widget=DateInput())


class ObstacleLineForm(StyledFormMixin, forms.Form):
    """One category of the grid; a line without level is no obstacle."""

    category = forms.ChoiceField(choices=ObstacleCategory.choices, widget=forms.HiddenInput())
    level = forms.ChoiceField(label="Niveau", choices=[("", NO_OBSTACLE), *ObstacleLevel.choices], required=False)
    treatment = forms.ChoiceField(label="Traitement", choices=[("", "—"), *Treatment.choices], required=False)
    partner = forms.ModelChoiceField(label="Partenaire", queryset=None, required=False, empty_label="—")
    actions = forms.CharField(label="Actions", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    lifted_on = forms.DateField(label="Levé le", required=False, widget=DateInput())

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners

    @property
    def category_label(self) -> str:
        value = self.initial.get("category") or self.data.get(self.add_prefix("category"))
        return ObstacleCategory(value).label if value in ObstacleCategory.values else ""

    def clean(self):
        data = super().clean()
        if not data.get("level"):
            if data.get("treatment") or data.get("partner") or data.get("actions") or data.get("lifted_on"):
                self.add_error("level", LEVEL_MISSING)
        elif not data.get("treatment"):
            self.add_error("treatment", TREATMENT_MISSING)
        return data

    def as_line(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("level"):
            return None
        return {key: data[key] for key in ("category", "level", "treatment", "partner", "actions", "lifted_on")}


ObstacleFormSet = forms.formset_factory(ObstacleLineForm, extra=0)


class ObjectiveForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label="Objectif", max_length=200)
    due_on = forms.DateField(label="Échéance", widget=DateInput())
    owner = forms.ModelChoiceField(label="Suivi par", queryset=None)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class ObjectiveCloseForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="Nouvel état", choices=[(ObjectiveStatus.DONE, "Atteint"), (ObjectiveStatus.ABANDONED, "Abandonné")]
    )
    done_on = forms.DateField(label="Atteint le", required=False, widget=DateInput())


class AppointmentForm(StyledFormMixin, forms.Form):
    held_on = forms.DateField(label="Date", widget=DateInput())
    kind = forms.ChoiceField(label="Type", choices=AppointmentKind.choices)
    duration_minutes = forms.IntegerField(label="Durée (minutes)", min_value=1, max_value=480, initial=45)
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    confidentiality = forms.ChoiceField(
        label="Confidentialité",
        choices=Confidentiality.choices,
        initial=Confidentiality.ORDINARY,
        help_text="Une note confidentielle n'est lue que par la direction et les CIP ; chaque lecture est tracée.",
    )
    topic = forms.ChoiceField(label="Thème confidentiel", choices=[("", "—"), *SensitiveTopic.choices], required=False)


class PartnerReferralForm(StyledFormMixin, forms.Form):
    partner = forms.ModelChoiceField(label="Partenaire", queryset=None)
    need = forms.ChoiceField(label="Besoin", choices=ReferralNeed.choices)
    referred_on = forms.DateField(label="Orientée le", widget=DateInput())
    outcome = forms.ChoiceField(label="Suite donnée", choices=ReferralOutcome.choices, initial=ReferralOutcome.PENDING)
    outcome_on = forms.DateField(label="Suite connue le", required=False, widget=DateInput())
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class ReferralOutcomeForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(label="Suite donnée", choices=ReferralOutcome.choices)
    outcome_on = forms.DateField(label="Suite connue le", required=False, widget=DateInput())
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PartnerForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Nom", max_length=200)
    kind = forms.ChoiceField(label="Type", choices=PartnerKind.choices)
    siret = forms.CharField(label="SIRET", max_length=14, required=False)
    email = forms.EmailField(label="E-mail", required=False)
    phone = forms.CharField(label="Téléphone", max_length=20, required=False)


class PartnerUpdateForm(PartnerForm):
    is_active = forms.BooleanField(
        label="Actif",
        required=False,
        help_text="Un partenaire inactif n'est plus proposé pour les nouvelles orientations ; "
        "les orientations passées le gardent.",
    )
