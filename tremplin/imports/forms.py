from django import forms

from tremplin.kernel.forms import StyledFormMixin

from .enums import ImportKind


class ImportUploadForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Type de fichier")
    file = forms.FileField(
        label="Fichier",
        help_text="CSV (séparateur « ; », UTF-8 ou Windows-1252) ou classeur XLSX, 10 Mo au plus.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.value, ImportKind(kind).label) for kind in kinds]


class ImportApplyForm(StyledFormMixin, forms.Form):
    valid_rows_only = forms.BooleanField(label="Importer seulement les lignes valides", required=False)
