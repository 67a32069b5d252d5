from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin
from tremplin.reference.models import RomeJob

from .enums import ContractKind, DerogationKind, EarlyEndReason, ExitReason, FollowUpSituation, SuspensionKind


class HireForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Type de contrat", choices=ContractKind.choices, initial=ContractKind.CDDI)
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(
        label="Fin prévue", widget=DateInput(), required=False, help_text="Vide pour un CDI inclusion."
    )
    weekly_hours = forms.DecimalField(label="Durée hebdomadaire (heures)", max_digits=4, decimal_places=2, initial=26)
    hourly_pay = forms.DecimalField(label="Salaire horaire brut (EUR)", max_digits=6, decimal_places=2)
    rome_job = forms.ModelChoiceField(
        label="Métier (code ROME)", queryset=RomeJob.objects.all(), required=False, empty_label="—"
    )
    job_label = forms.CharField(label="Intitulé du poste", max_length=200)
    production_support = forms.ModelChoiceField(label="Atelier ou chantier", queryset=None, required=False)
    sentence_adjustment = forms.BooleanField(label="Aménagement de peine (autorise moins de 4 mois)", required=False)

    def __init__(self, *args, supports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["production_support"].queryset = supports


class RenewForm(StyledFormMixin, forms.Form):
    until = forms.DateField(label="Nouvelle fin prévue", widget=DateInput())
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class HoursForm(StyledFormMixin, forms.Form):
    effective_date = forms.DateField(label="À partir du", widget=DateInput())
    weekly_hours = forms.DecimalField(label="Nouvelle durée hebdomadaire (heures)", max_digits=4, decimal_places=2)
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class JobForm(StyledFormMixin, forms.Form):
    effective_date = forms.DateField(label="À partir du", widget=DateInput())
    rome_job = forms.ModelChoiceField(
        label="Métier (code ROME)", queryset=RomeJob.objects.all(), required=False, empty_label="—"
    )
    job_label = forms.CharField(label="Nouvel intitulé du poste", max_length=200)
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SuspensionForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Motif", choices=SuspensionKind.choices)
    start = forms.DateField(label="Du", widget=DateInput())
    end = forms.DateField(label="Au", widget=DateInput())
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class EarlyEndForm(StyledFormMixin, forms.Form):
    on = forms.DateField(label="Dernier jour du contrat", widget=DateInput())
    reason = forms.ChoiceField(label="Motif", choices=EarlyEndReason.choices)


class ExitForm(StyledFormMixin, forms.Form):
    reason = forms.ChoiceField(label="Motif de sortie", choices=ExitReason.choices)
    next_employer = forms.CharField(label="Employeur suivant (si connu)", required=False, max_length=200)
    next_contract_type = forms.CharField(label="Type de contrat suivant (si connu)", required=False, max_length=100)
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DerogationForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Type de dérogation", choices=DerogationKind.choices)
    reason = forms.CharField(label="Motif", widget=forms.Textarea(attrs={"rows": 3}))
    decision_date = forms.DateField(label="Date de la décision", widget=DateInput())
    decided_by = forms.CharField(label="Décidée par", max_length=200, help_text="Ex. : Préfet, DDETS de l'Hérault.")
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(label="Fin", widget=DateInput())
    document = forms.FileField(label="Décision (PDF)", required=False)


class FollowUpForm(StyledFormMixin, forms.Form):
    done_on = forms.DateField(label="Fait le", widget=DateInput())
    situation = forms.ChoiceField(label="Situation à cette date", choices=FollowUpSituation.choices)
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))
