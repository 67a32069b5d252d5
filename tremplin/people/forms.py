from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin

from .enums import DocumentKind
from .models import Person

IDENTITY = ["first_name", "last_name", "birth_name", "birth_date", "sex", "nationality_group"]
CONTACT = ["email", "phone", "address", "postal_code", "city", "commune_insee", "qpv", "zrr"]
# In pairs, as the form shows them in two columns: each benefit beside its date.
SITUATION = [
    "france_travail_id", "job_seeker_since", "education_level", "resourceless", "rsa", "rsa_since",
    "ass", "ass_since", "aah", "aah_since", "rqth", "rqth_since",
]  # fmt: skip
OTHER = ["emergency_contact_name", "emergency_contact_phone", "counsellor"]


class PersonForm(StyledFormMixin, forms.ModelForm):
    nir = forms.CharField(
        label="NIR (numéro de sécurité sociale)",
        required=False,
        max_length=21,
        help_text="15 chiffres. Conservé chiffré, visible seulement de la direction et de l'administratif/RH.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    confirm_not_duplicate = forms.BooleanField(
        label="Ce n'est pas la même personne", required=False, widget=forms.CheckboxInput()
    )

    class Meta:
        model = Person
        fields = IDENTITY + CONTACT + SITUATION + OTHER
        widgets = {
            name: DateInput()
            for name in ["birth_date", "job_seeker_since", "rsa_since", "ass_since", "aah_since", "rqth_since"]
        }

    def __init__(self, *args, counsellors, show_nir: bool, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellor"].queryset = counsellors
        if not show_nir:
            del self.fields["nir"]
        if not creating:
            del self.fields["confirm_not_duplicate"]

    def groups(self):
        return [
            ("Identité", [self[n] for n in IDENTITY]),
            ("Contact et adresse", [self[n] for n in CONTACT]),
            (
                "Situation à l'entrée",
                [self[n] for n in SITUATION] + ([self["nir"]] if "nir" in self.fields else []),
            ),
            ("Suivi", [self[n] for n in OTHER]),
        ]


class DocumentForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Type de pièce", choices=DocumentKind.choices)
    upload = forms.FileField(label="Fichier (PDF, JPEG ou PNG, 10 Mo au plus)")


class PeopleFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label="Nom", required=False, max_length=100)
    stage = forms.ChoiceField(label="Étape", required=False)
    support = forms.TypedChoiceField(label="Atelier ou chantier", required=False, coerce=int, empty_value=None)
    counsellor = forms.TypedChoiceField(label="CIP référent·e", required=False, coerce=int, empty_value=None)
    ending = forms.TypedChoiceField(
        label="Fin de contrat",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Toutes"), (30, "Dans 30 jours"), (60, "Dans 60 jours"), (90, "Dans 90 jours")],
    )
    criterion = forms.ChoiceField(label="Critère", required=False)

    def __init__(self, *args, stages, supports, counsellors, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", "Toutes")] + stages
        self.fields["support"].choices = [("", "Tous")] + [(s.pk, s.name) for s in supports]
        self.fields["counsellor"].choices = [("", "Tous")] + [(u.pk, str(u)) for u in counsellors]
        self.fields["criterion"].choices = [("", "Tous")] + criteria
