from django import forms

from tremplin.kernel.forms import DateInput, FrenchDecimalField, StyledFormMixin

from .enums import Employment, ExamResult, PhaseKind, TrainingFunder, TrainingKind, TrainingResult


class TrainingForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label="Intitulé", max_length=200, help_text="Ex. : CACES R482 catégorie A, SST, CléA.")
    kind = forms.ChoiceField(label="Type de formation", choices=TrainingKind.choices)
    organisation = forms.CharField(label="Organisme de formation", max_length=200)
    funder = forms.ChoiceField(label="Financeur", choices=TrainingFunder.choices)
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(label="Fin", widget=DateInput(), help_text="Fin prévue tant que la formation est en cours.")
    hours = FrenchDecimalField(label="Durée (heures)", max_digits=7, decimal_places=2)
    certification = forms.CharField(
        label="Certification visée",
        max_length=200,
        required=False,
        help_text="Vide si la formation ne mène pas à une certification.",
    )
    result = forms.ChoiceField(label="Résultat", choices=TrainingResult.choices, initial=TrainingResult.IN_PROGRESS)
    result_on = forms.DateField(label="Date du résultat", widget=DateInput(), required=False)


class TrainingFilterForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Type", choices=[("", "Tous")] + TrainingKind.choices, required=False)
    result = forms.ChoiceField(label="Résultat", choices=[("", "Tous")] + TrainingResult.choices, required=False)
    start = forms.DateField(label="Du", widget=DateInput(), required=False)
    end = forms.DateField(label="Au", widget=DateInput(), required=False)


class ProgrammeForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label="Nom du programme", max_length=200, help_text="Ex. : AQI – agent de restauration collective."
    )
    certification = forms.CharField(
        label="Certification visée", max_length=200, help_text="Ex. : titre professionnel Agent de restauration."
    )
    start = forms.DateField(label="Début", widget=DateInput())
    end = forms.DateField(label="Fin", widget=DateInput())


class PhaseForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Phase", choices=PhaseKind.choices)
    weeks = forms.IntegerField(label="Nombre de semaines", min_value=1, max_value=104)
    description = forms.CharField(label="Précisions", max_length=200, required=False)


class EnrolForm(StyledFormMixin, forms.Form):
    person = forms.ModelChoiceField(label="Personne", queryset=None, empty_label="—")
    enrolled_on = forms.DateField(label="Inscrit·e le", widget=DateInput())

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class EnrolmentForm(StyledFormMixin, forms.Form):
    enrolled_on = forms.DateField(label="Inscrit·e le", widget=DateInput())
    exam_result = forms.ChoiceField(label="Résultat à l'examen", choices=ExamResult.choices)
    left_on = forms.DateField(
        label="Fin de parcours le",
        widget=DateInput(),
        required=False,
        help_text="Le dernier jour de la personne dans le programme (fin du programme ou abandon).",
    )
    left_early = forms.BooleanField(label="Abandon avant la fin du programme", required=False)
    employment = forms.ChoiceField(label="Emploi à l'issue", choices=Employment.choices)
    job = forms.CharField(
        label="Emploi occupé", max_length=200, required=False, help_text="Ex. : CDI agent de restauration, EHPAD."
    )
