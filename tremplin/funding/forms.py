from django import forms

from tremplin.kernel.forms import DateInput, FrenchDecimalField, StyledFormMixin

from .enums import GrantFunder

EUR = {"max_digits": 12, "decimal_places": 2, "min_value": 0}


class ConventionForm(StyledFormMixin, forms.Form):
    reference = forms.CharField(label="Référence de la convention", max_length=40)
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(label="Fin", widget=DateInput(), help_text="Une convention dure de 1 à 3 ans.")
    signed_on = forms.DateField(label="Signée le", widget=DateInput(), required=False)


class AnnexForm(StyledFormMixin, forms.Form):
    number = forms.CharField(label="Numéro d'annexe", max_length=12, help_text="Par exemple ACI034150012.")
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(label="Fin", widget=DateInput())
    etp_conventioned = FrenchDecimalField(label="ETP conventionnés", max_digits=7, decimal_places=2, min_value=0)
    modulated_part = FrenchDecimalField(
        label="Part modulée (%)", max_digits=4, decimal_places=2, min_value=0, max_value=10, initial=0
    )
    dynamic_exit_target = FrenchDecimalField(
        label="Objectif de sorties dynamiques (%)", max_digits=5, decimal_places=2, min_value=0, max_value=100
    )
    amount = FrenchDecimalField(label="Montant de l'annexe (EUR)", required=False, **EUR)


class AmendmentForm(StyledFormMixin, forms.Form):
    effective_from = forms.DateField(label="En vigueur à partir du", widget=DateInput())
    signed_on = forms.DateField(label="Signé le", widget=DateInput(), required=False)
    etp_conventioned = FrenchDecimalField(
        label="Nouveaux ETP conventionnés", max_digits=7, decimal_places=2, min_value=0, required=False
    )
    modulated_part = FrenchDecimalField(
        label="Nouvelle part modulée (%)", max_digits=4, decimal_places=2, min_value=0, max_value=10, required=False
    )
    amount = FrenchDecimalField(label="Nouveau montant (EUR)", required=False, **EUR)
    reason = forms.CharField(label="Motif", max_length=300)


class GrantForm(StyledFormMixin, forms.Form):
    funder = forms.ChoiceField(label="Financeur", choices=GrantFunder.choices)
    funder_name = forms.CharField(label="Nom du financeur", max_length=200)
    amount = FrenchDecimalField(label="Montant (EUR)", **EUR)
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(label="Fin", widget=DateInput())
    purpose = forms.CharField(label="Objet", max_length=300)
