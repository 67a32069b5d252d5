from django import forms

from tremplin.kernel.forms import DateInput, FrenchDecimalField, StyledFormMixin
from tremplin.partners.enums import PartnerKind
from tremplin.partners.models import Partner
from tremplin.partners.selectors import active_partners

from .enums import Activity, MeasureKind, MeasureStatus, Offence, Presence, SessionKind


class MeasureForm(StyledFormMixin, forms.Form):
    """A measure's terms. Without `kind` when updating (the kind never changes), with `status`."""

    kind = forms.ChoiceField(label="Mesure", choices=MeasureKind.choices)
    offence = forms.ChoiceField(label="Infraction", choices=Offence.choices, initial=Offence.DELIT)
    ordered_on = forms.DateField(label="Date de la décision", widget=DateInput())
    hours_ordered = forms.IntegerField(
        label="Heures ordonnées (TIG)",
        required=False,
        help_text="De 20 à 400 h pour un délit, 120 h au plus pour une contravention.",
    )
    deadline = forms.DateField(
        label="À exécuter avant le (TIG)",
        widget=DateInput(),
        required=False,
        help_text="Vide : 18 mois après la décision. Le juge peut fixer une date plus proche.",
    )
    start = forms.DateField(label="Début (placement, aménagement)", widget=DateInput(), required=False)
    end = forms.DateField(label="Fin (placement, aménagement)", widget=DateInput(), required=False)
    spip = forms.ModelChoiceField(label="SPIP", queryset=Partner.objects.none())
    referent_name = forms.CharField(label="Conseiller·e pénitentiaire référent·e", max_length=200, required=False)
    referent_phone = forms.CharField(label="Téléphone du ou de la référent·e", max_length=20, required=False)
    referent_email = forms.EmailField(label="E-mail du ou de la référent·e", required=False)
    status = forms.ChoiceField(label="État", choices=MeasureStatus.choices)
    notes = forms.CharField(
        label="Notes (CIP et direction seulement)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, organisation, update: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spip"].queryset = active_partners(organisation.pk).filter(kind=PartnerKind.SPIP)
        if update:
            del self.fields["kind"]
        else:
            del self.fields["status"]


class AttendanceForm(StyledFormMixin, forms.Form):
    day = forms.DateField(label="Jour", widget=DateInput())
    hours = FrenchDecimalField(label="Heures effectuées", max_digits=4, decimal_places=2)
    activity = forms.ChoiceField(label="Activité", choices=Activity.choices, initial=Activity.TIG_WORK)


class SessionForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Type de session", choices=SessionKind.choices)
    day = forms.DateField(label="Jour", widget=DateInput())
    title = forms.CharField(label="Intitulé", max_length=200)
    place = forms.CharField(label="Lieu", max_length=300)
    facilitator = forms.CharField(label="Animée par", max_length=200)
    hours = FrenchDecimalField(label="Durée (heures)", max_digits=4, decimal_places=2)


class PresenceForm(StyledFormMixin, forms.Form):
    measure = forms.ModelChoiceField(label="Personne (TIG en cours)", queryset=None)
    presence = forms.ChoiceField(label="Présence", choices=Presence.choices)

    def __init__(self, *args, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures
        self.fields["measure"].label_from_instance = lambda m: f"{m.person} · {m.get_kind_display()}"
