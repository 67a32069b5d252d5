from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin

from .enums import LEVEL_1, ApprovalSuspensionReason, AuthorKind, Criterion, ProlongationReason


class DiagnosisForm(StyledFormMixin, forms.Form):
    author_kind = forms.ChoiceField(label="Diagnostic réalisé par", choices=AuthorKind.choices)
    author_partner = forms.ModelChoiceField(
        label="Prescripteur (si diagnostic d'un prescripteur)", queryset=None, required=False
    )
    author_name = forms.CharField(label="Nom de la personne qui l'a réalisé", max_length=200, required=False)
    made_on = forms.DateField(label="Date du diagnostic", widget=DateInput())
    criteria = forms.MultipleChoiceField(
        label="Critères remplis",
        choices=[(c.value, f"{'Niveau 1' if c in LEVEL_1 else 'Niveau 2'} · {c.label}") for c in Criterion],
        widget=forms.CheckboxSelectMultiple,
        help_text="1 critère de niveau 1, ou au moins 3 critères de niveau 2.",
    )

    proof_criterion = forms.ChoiceField(
        label="Justificatif : critère concerné",
        required=False,
        choices=[("", "—")] + [(c.value, c.label) for c in Criterion],
    )
    proof = forms.FileField(label="Justificatif (PDF, JPEG ou PNG)", required=False)
    proof_note = forms.CharField(label="Justificatif : précisions", required=False, max_length=500)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_partner"].queryset = partners
        self.fields["criteria"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("proof_criterion")
        if (cleaned.get("proof") or cleaned.get("proof_note")) and not chosen:
            self.add_error("proof_criterion", "Choisissez le critère que ce justificatif établit.")
        elif chosen and chosen not in (cleaned.get("criteria") or []):
            self.add_error("proof_criterion", "Ce critère n'est pas coché parmi les critères remplis.")
        return cleaned

    def criteria_with_proofs(self) -> list:
        from .services import CriterionProof

        data = self.cleaned_data
        return [
            CriterionProof(criterion=c, proof_note=data["proof_note"], proof=data["proof"])
            if c == data["proof_criterion"]
            else c
            for c in data["criteria"]
        ]


class ProofForm(StyledFormMixin, forms.Form):
    criterion = forms.ChoiceField(label="Critère établi")
    proof = forms.FileField(label="Justificatif (PDF, JPEG ou PNG)", required=False)
    proof_note = forms.CharField(
        label="Précisions",
        required=False,
        max_length=500,
        help_text="Par exemple : « Attestation CAF du 02/03/2026 ». Sans document, la précision seule est gardée.",
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].choices = [(c.criterion, c.get_criterion_display()) for c in criteria]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("proof") and not cleaned.get("proof_note"):
            raise forms.ValidationError("Joignez un document ou écrivez une précision.")
        return cleaned


class ApprovalForm(StyledFormMixin, forms.Form):
    number = forms.CharField(label="Numéro de PASS IAE", max_length=20, help_text="12 caractères, sans espace.")
    start = forms.DateField(label="Début du PASS", widget=DateInput())


class ProlongationForm(StyledFormMixin, forms.Form):
    reason = forms.ChoiceField(label="Motif", choices=ProlongationReason.choices)
    end = forms.DateField(label="Nouvelle fin", widget=DateInput())
    decided_by = forms.CharField(label="Décidée par", max_length=200)
    document = forms.FileField(label="Décision (PDF)", required=False)


class ApprovalSuspensionForm(StyledFormMixin, forms.Form):
    reason = forms.ChoiceField(label="Motif", choices=ApprovalSuspensionReason.choices)
    start = forms.DateField(label="Du", widget=DateInput())
    end = forms.DateField(label="Au", widget=DateInput())
