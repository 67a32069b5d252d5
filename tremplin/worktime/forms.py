from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin

from .enums import EntryKind


class EntryForm(StyledFormMixin, forms.Form):
    contract = forms.IntegerField(widget=forms.HiddenInput())
    day = forms.DateField(widget=forms.HiddenInput())
    kind = forms.ChoiceField(label="Type", choices=EntryKind.choices)
    hours = forms.DecimalField(label="Heures", min_value=0, max_value=24, max_digits=4, decimal_places=2)


class CorrectionForm(StyledFormMixin, forms.Form):
    contract = forms.ModelChoiceField(label="Salarié·e", queryset=None)
    day = forms.DateField(label="Jour", widget=DateInput())
    kind = forms.ChoiceField(label="Type", choices=EntryKind.choices)
    new_hours = forms.DecimalField(label="Nouvelles heures", min_value=0, max_value=24, max_digits=4, decimal_places=2)
    reason = forms.CharField(label="Motif de la correction", max_length=500)

    def __init__(self, *args, contracts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts
        self.fields["contract"].label_from_instance = lambda c: f"{c.person} (contrat du {c.start:%d/%m/%Y})"
