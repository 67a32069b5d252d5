from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin


class AuditFilterForm(StyledFormMixin, forms.Form):
    search = forms.CharField(label="Personne ou objet", required=False, max_length=100)
    actor = forms.ModelChoiceField(label="Auteur", queryset=None, required=False, empty_label="Tous")
    date_from = forms.DateField(label="Du", required=False, widget=DateInput())
    date_to = forms.DateField(label="Au", required=False, widget=DateInput())
    personne = forms.IntegerField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, actors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "La date de fin doit être postérieure ou égale à la date de début.")
        return cleaned


class SensitiveReadFilterForm(StyledFormMixin, forms.Form):
    reader = forms.ModelChoiceField(label="Lecteur", queryset=None, required=False, empty_label="Tous")
    personne = forms.IntegerField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, readers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reader"].queryset = readers
