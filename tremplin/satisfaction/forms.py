from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin
from tremplin.people.models import Person
from tremplin.people.selectors import people_of

from .enums import Level, Question


class QuestionnaireForm(forms.Form):
    """The questionnaire: one optional 4-level choice per question, and a free comment. Rendered
    by hand (large buttons for a tablet), hence no StyledFormMixin."""

    comment = forms.CharField(
        label="Un commentaire, une idée, une remarque ?",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in Question:
            self.fields[question.value] = forms.TypedChoiceField(
                label=question.label,
                choices=Level.choices,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
            )

    def question_fields(self):
        return [self[question.value] for question in Question]

    def answers(self) -> dict:
        return {question.value: self.cleaned_data.get(question.value) for question in Question}


class PeriodForm(StyledFormMixin, forms.Form):
    du = forms.DateField(label="Du", widget=DateInput())
    au = forms.DateField(label="Au", widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("du") and data.get("au") and data["au"] < data["du"]:
            raise forms.ValidationError("La fin de la période précède son début.")
        return data


class TestimonialForm(StyledFormMixin, forms.Form):
    person = forms.ModelChoiceField(
        label="Salarié·e concerné·e", queryset=Person.objects.none(), required=False, empty_label="Non renseigné"
    )
    author_display_name = forms.CharField(
        label="Nom affiché", max_length=100, help_text="Tel qu'il sera publié : le prénom seul, par exemple."
    )
    text = forms.CharField(label="Témoignage", widget=forms.Textarea(attrs={"rows": 6}))
    photo = forms.FileField(
        label="Photo",
        required=False,
        help_text="JPEG ou PNG, 2 Mo au plus.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    consent_given_on = forms.DateField(
        label="Consentement écrit à la publication donné le",
        widget=DateInput(),
        required=False,
        help_text="Sans cette date, le témoignage ne peut pas être publié.",
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people_of(structure)


class RevokeForm(StyledFormMixin, forms.Form):
    revoked_on = forms.DateField(label="Consentement retiré le", widget=DateInput())
