"""Input shape of the immersions pages; the rules are in rules.py and services.py."""

from django import forms

from tremplin.kernel.forms import DateInput, FrenchDecimalField, StyledFormMixin
from tremplin.organisations.validators import validate_siret
from tremplin.reference.models import RomeJob

from .enums import EVALUATION_CRITERIA, CddiDuring, EvaluationLevel, ImmersionStatus, Objective, Outcome
from .validators import validate_naf

TEXTAREA = {"rows": 2}


class HostCompanyForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Raison sociale", max_length=200)
    siret = forms.CharField(label="SIRET", max_length=20, help_text="14 chiffres, sur l'avis de situation SIRENE.")
    address = forms.CharField(label="Adresse", max_length=300)
    postal_code = forms.CharField(label="Code postal", max_length=5)
    city = forms.CharField(label="Commune", max_length=120)
    activity = forms.CharField(label="Activité", max_length=200, help_text="Ex. : paysagiste, restauration collective.")
    naf_code = forms.CharField(
        label="Code NAF (APE)", max_length=6, required=False, help_text="Facultatif, ex. 81.30Z."
    )

    def clean_siret(self):
        siret = self.cleaned_data["siret"].replace(" ", "")
        validate_siret(siret)
        return siret

    def clean_naf_code(self):
        naf = self.cleaned_data["naf_code"].strip().upper()
        if naf:
            validate_naf(naf)
        return naf


class ImmersionForm(StyledFormMixin, forms.Form):
    host = forms.ModelChoiceField(label="Structure d'accueil", queryset=None)
    contract = forms.ModelChoiceField(
        label="CDDI pendant lequel elle a lieu", queryset=None, required=False, empty_label="— (hors contrat)"
    )
    objective = forms.ChoiceField(label="Objectif (un seul)", choices=Objective.choices)
    renewal_of = forms.ModelChoiceField(
        label="Renouvellement de", queryset=None, required=False, empty_label="— (première convention)"
    )
    rome_job = forms.ModelChoiceField(label="Métier observé (code ROME)", queryset=RomeJob.objects.all())
    activities = forms.CharField(
        label="Activités confiées ou observées", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    place = forms.CharField(label="Lieu de la période", max_length=300)
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(label="Fin", widget=DateInput(), help_text="Un mois au plus, de date à date.")
    weekly_schedule = forms.CharField(
        label="Horaires de la semaine",
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="Ex. : du lundi au vendredi, 8 h – 12 h et 13 h – 16 h.",
    )
    total_hours = FrenchDecimalField(label="Durée totale (heures)", max_digits=5, decimal_places=2, min_value=0)
    cddi_during = forms.ChoiceField(label="Le CDDI pendant la période", choices=CddiDuring.choices)
    tutor_name = forms.CharField(label="Tuteur ou tutrice", max_length=200)
    tutor_function = forms.CharField(label="Fonction du tuteur", max_length=200)
    tutor_phone = forms.CharField(label="Téléphone du tuteur", max_length=20, required=False)
    tutor_email = forms.EmailField(label="E-mail du tuteur", required=False)
    referent = forms.ModelChoiceField(label="Référent·e de l'ACI", queryset=None, required=False)
    protective_equipment = forms.CharField(
        label="Équipements de protection individuelle", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    risks = forms.CharField(
        label="Risques particuliers du poste", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    follow_up_arrangements = forms.CharField(
        label="Modalités de suivi et d'évaluation", required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    status = forms.ChoiceField(label="Statut", choices=ImmersionStatus.choices)

    def __init__(self, *args, hosts, contracts, renewable, referents, editing: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = hosts
        self.fields["contract"].queryset = contracts
        self.fields["contract"].label_from_instance = lambda c: (
            f"{c.get_kind_display()} du {c.start:%d/%m/%Y} au {c.effective_end:%d/%m/%Y}"
            if c.effective_end
            else f"{c.get_kind_display()} depuis le {c.start:%d/%m/%Y}"
        )
        self.fields["renewal_of"].queryset = renewable
        self.fields["renewal_of"].label_from_instance = lambda i: (
            f"{i.host.name}, du {i.start:%d/%m/%Y} au {i.end:%d/%m/%Y} ({i.get_objective_display().lower()})"
        )
        self.fields["referent"].queryset = referents
        if not editing:
            del self.fields["status"]


def level_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, required=False, choices=[("", "—"), *EvaluationLevel.choices], widget=forms.Select
    )


class EvaluationForm(StyledFormMixin, forms.Form):
    evaluated_on = forms.DateField(label="Évaluée le", widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in EVALUATION_CRITERIA:
            self.fields[name] = level_field(label)
        self.fields["evaluation_text"] = forms.CharField(
            label="Appréciation du tuteur", required=False, widget=forms.Textarea(attrs={"rows": 3})
        )


class OutcomeForm(StyledFormMixin, forms.Form):
    outcome = forms.ChoiceField(label="Suite donnée par l'hôte", choices=[("", "Choisir…"), *Outcome.choices])
    outcome_date = forms.DateField(label="Date", widget=DateInput())


class ImmersionFilterForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label="Statut", required=False, choices=[("", "Tous"), *ImmersionStatus.choices])
    start = forms.DateField(label="Du", required=False, widget=DateInput())
    end = forms.DateField(label="Au", required=False, widget=DateInput())
