from django import forms

from tremplin.core.forms import StyledFormMixin

from .enums import EntryKind


class EntryForm(StyledFormMixin, forms.Form):
    contract = forms.IntegerField(widget=forms.HiddenInput())
    day = forms.DateField(widget=forms.HiddenInput())
    kind = forms.ChoiceField(label="Type", choices=EntryKind.choices)
    hours = forms.DecimalField(label="Heures", min_value=0, max_value=24, max_digits=4, decimal_places=2)
