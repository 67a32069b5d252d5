"""The one way services refuse a write: a ValidationError carrying the French message of the rule
broken, on the form field it concerns when there is one."""

from django.core.exceptions import ValidationError


def raise_if(field: str | None, message: str | None) -> None:
    """Raise the rule's `message` (on `field`, or on the whole form) when there is one; rules
    return None when they pass, so `raise_if("end", rules.check_x(...))` reads as the rule."""
    if message:
        raise ValidationError({field: message} if field else message)


def check_known_fields(fields, allowed) -> None:
    """A service called with a field it does not write is a programming error, not a user's."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Champs inconnus : {', '.join(sorted(unknown))}")
