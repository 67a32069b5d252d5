from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin
from tremplin.people.enums import Sex

from .enums import HIRING_ONLY_STATES, TRANSITIONS, ReferralState, RefusalReason


class IdentityFields(forms.Form):
    first_name = forms.CharField(label="Prénom", max_length=100)
    last_name = forms.CharField(label="Nom", max_length=100)
    birth_date = forms.DateField(label="Date de naissance", widget=DateInput())
    sex = forms.ChoiceField(label="Sexe", choices=Sex.choices)
    phone = forms.CharField(label="Téléphone", max_length=20, required=False)
    email = forms.EmailField(label="E-mail", required=False)

    IDENTITY = ("first_name", "last_name", "birth_date", "sex", "phone", "email")

    def identity(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.IDENTITY}


class ReferralForm(StyledFormMixin, IdentityFields):
    partner = forms.ModelChoiceField(
        label="Prescripteur", queryset=None, required=False, empty_label="Candidature spontanée"
    )
    referent_name = forms.CharField(label="Référent·e chez le prescripteur", max_length=200, required=False)
    referent_email = forms.EmailField(label="E-mail du référent·e", required=False)
    referred_on = forms.DateField(label="Date de l'orientation", widget=DateInput())
    reason = forms.CharField(label="Motif de l'orientation", widget=forms.Textarea(attrs={"rows": 3}))
    confirm_not_duplicate = forms.BooleanField(label="Ce n'est pas la même personne", required=False)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class ReferralUpdateForm(StyledFormMixin, forms.Form):
    partner = forms.ModelChoiceField(
        label="Prescripteur", queryset=None, required=False, empty_label="Candidature spontanée"
    )
    referent_name = forms.CharField(label="Référent·e chez le prescripteur", max_length=200, required=False)
    referent_email = forms.EmailField(label="E-mail du référent·e", required=False)
    referent_phone = forms.CharField(label="Téléphone du référent·e", max_length=20, required=False)
    referred_on = forms.DateField(label="Date de l'orientation", widget=DateInput())
    reason = forms.CharField(label="Motif de l'orientation", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners


class PrescriberReferralForm(StyledFormMixin, IdentityFields):
    referred_on = forms.DateField(label="Date de l'orientation", widget=DateInput())
    reason = forms.CharField(
        label="Motif de l'orientation",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Le projet de la personne et ce qui motive l'orientation. N'indiquez pas d'information de santé.",
    )


class TransitionForm(StyledFormMixin, forms.Form):
    to_state = forms.ChoiceField(label="Nouvelle étape")
    refusal_reason = forms.ChoiceField(
        label="Motif de refus", required=False, choices=[("", "—")] + RefusalReason.choices
    )
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [s for s in ReferralState if s in TRANSITIONS[ReferralState(state)] and s not in HIRING_ONLY_STATES]
        self.fields["to_state"].choices = [(s.value, s.label) for s in allowed]


class InformationSessionForm(StyledFormMixin, forms.Form):
    starts_at = forms.DateTimeField(
        label="Date et heure", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    place = forms.CharField(label="Lieu", max_length=200)
    capacity = forms.IntegerField(label="Nombre de places", min_value=1, initial=12)
    comment = forms.CharField(label="Commentaire", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class InviteForm(StyledFormMixin, forms.Form):
    referral = forms.ModelChoiceField(label="Inviter", queryset=None)

    def __init__(self, *args, referrals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = referrals
        self.fields["referral"].label_from_instance = lambda r: f"{r.person} (orientée le {r.referred_on:%d/%m/%Y})"
