from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin

from .models import ProductionSupport, Structure
from .selectors import supervisors_of


class ProductionSupportForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ProductionSupport
        fields = ["kind", "name", "sector", "client", "site_address", "planned_start", "planned_end", "supervisor"]
        widgets = {"planned_start": DateInput(), "planned_end": DateInput()}
        help_texts = {"client": "Commune, bailleur social, entreprise… pour un chantier."}

    def __init__(self, *args, structure: Structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.structure = structure
        self.fields["supervisor"].queryset = supervisors_of(structure)


class StructureForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Structure
        fields = ["name", "address", "postal_code", "city", "convention_reference"]
