from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from .formats import fr
from .query import DATE_MAX, DATE_MIN


class StyledFormMixin:
    """Gives every widget its Bootstrap class, and marks invalid fields for assistive tech."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs.setdefault("class", css)
            if isinstance(field, forms.DateField):
                bound_dates(field)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = attrs.get("class", "") + " is-invalid"
                attrs["aria-invalid"] = "true"


DATE_TOO_EARLY = f"Une date du {fr(DATE_MIN)} au plus tôt."
DATE_TOO_LATE = f"Une date du {fr(DATE_MAX)} au plus tard."


def bound_dates(field: forms.DateField) -> None:
    """Every date typed in a form lies in DATE_MIN..DATE_MAX (the browser's picker says so too):
    a year 0001 or 9999 would overflow the date arithmetic of the rules."""
    field.validators.extend([MinValueValidator(DATE_MIN, DATE_TOO_EARLY), MaxValueValidator(DATE_MAX, DATE_TOO_LATE)])
    if getattr(field.widget, "input_type", "") == "date":
        field.widget.attrs.setdefault("min", DATE_MIN.isoformat())
        field.widget.attrs.setdefault("max", DATE_MAX.isoformat())


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def add_service_errors(form, error) -> None:
    """Attach a service's ValidationError to the form: per field when the service named one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def run_form(request, form, call, *, success: str, redirect_to: str, template: str, context: dict):
    """The shape of every write page: on a valid POST, call the service; on its refusal, show
    its French message on the form and keep what was typed; on success, redirect."""
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.shortcuts import redirect, render

    if request.method == "POST" and form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(redirect_to)
    return render(request, template, {"form": form, **context})


class FrenchDecimalField(forms.DecimalField):
    """A decimal typed the French way: "12,5", "1 234,56" (spaces, no-break spaces) as well as "12.5".
    A text input with a decimal keypad: a number input would refuse the comma in some browsers."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        for name in ("min", "max", "step"):  # number-input attributes, meaningless on a text input
            attrs.pop(name, None)
        return attrs

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
        return super().to_python(value)
