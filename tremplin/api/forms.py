from django import forms

from tremplin.kernel.forms import DateInput, StyledFormMixin


class TokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label="Nom du jeton", max_length=100, help_text="À quoi il sert, pour le reconnaître.")
    context = forms.ChoiceField(
        label="Rôle et ACI", help_text="Le jeton a les droits de ce rôle, dans cet ACI seulement."
    )
    expires_on = forms.DateField(
        label="Valable jusqu'au",
        required=False,
        widget=DateInput(),
        help_text="Un an au plus ; vide : sans expiration.",
    )

    def __init__(self, *args, contexts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["context"].choices = [(c.key, c.label) for c in contexts]
