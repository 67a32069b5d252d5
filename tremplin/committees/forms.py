from django import forms

from tremplin.funding.models import Convention
from tremplin.funding.selectors import conventions_of
from tremplin.kernel.forms import DateInput, StyledFormMixin
from tremplin.partners.models import Partner
from tremplin.partners.selectors import active_partners

from .enums import CommitteeKind, CommitteeMoment


class CommitteeForm(StyledFormMixin, forms.Form):
    convention = forms.ModelChoiceField(
        label="Convention", queryset=Convention.objects.none(), required=False, empty_label="Aucune (action seule)"
    )
    action_label = forms.CharField(
        label="Action suivie",
        max_length=200,
        required=False,
        help_text="Obligatoire sans convention. Ex. : chantier des berges du Lez.",
    )
    kind = forms.ChoiceField(label="Type de comité", choices=CommitteeKind.choices)
    moment = forms.ChoiceField(label="Moment", choices=CommitteeMoment.choices, initial=CommitteeMoment.OTHER)
    planned_on = forms.DateField(label="Prévu le", widget=DateInput())
    held_on = forms.DateField(label="Tenu le", widget=DateInput(), required=False)
    place = forms.CharField(label="Lieu", max_length=200, required=False)
    participants = forms.ModelMultipleChoiceField(
        label="Partenaires participants",
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    other_participants = forms.CharField(
        label="Autres participant·es",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Nom et fonction, un par ligne.",
    )
    minutes = forms.CharField(
        label="Compte rendu",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Une fois le comité tenu.",
    )

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["convention"].queryset = conventions_of(structure)
        self.fields["participants"].queryset = active_partners(structure.organisation_id)


class PlanForm(StyledFormMixin, forms.Form):
    convention = forms.ModelChoiceField(label="Convention", queryset=Convention.objects.none(), empty_label=None)
    kind = forms.ChoiceField(label="Type de comité", choices=CommitteeKind.choices, initial=CommitteeKind.STEERING)

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["convention"].queryset = conventions_of(structure)


class DecisionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(label="Décision", widget=forms.Textarea(attrs={"rows": 2}))
    owner = forms.CharField(label="Porteur", max_length=200, help_text="Qui la met en œuvre.")
    due_on = forms.DateField(label="Échéance", widget=DateInput(), required=False)
