"""What every resource module of the API shares: the role check that answers 404 like
`require_roles`, the choice of a related record inside the scope, and the answer codes."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date
from typing import Annotated

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from pydantic import Field

from tremplin.accounts.access import NOT_FOUND

from ..errors import ERRORS

UNKNOWN_RECORD = "{label} introuvable (identifiant {pk})."
UNKNOWN_ROME = "Code ROME inconnu : « {code} »."


def rome_job(code: str | None):
    """The ROME job of a `rome_code` field (reference data, not case data), None when not given;
    an unknown code is a 422 on that field."""
    from tremplin.reference.models import RomeJob

    if not code:
        return None
    job = RomeJob.objects.filter(code=code).first()
    if job is None:
        raise ValidationError({"rome_code": UNKNOWN_ROME.format(code=code)})
    return job


def deny_unless(allowed: bool) -> None:
    """A role that may not do this answers 404, exactly like the pages (`require_roles`)."""
    if not allowed:
        raise Http404(NOT_FOUND)


def pick(queryset: QuerySet, pk: int | None, *, field: str, label: str):
    """The record `pk` among those the caller may choose (None stays None); a 422 on `field`
    otherwise, that does not say whether the record exists elsewhere."""
    if pk is None:
        return None
    record = queryset.filter(pk=pk).first()
    if record is None:
        raise ValidationError({field: UNKNOWN_RECORD.format(label=label, pk=pk)})
    return record


def answers(ok: int, schema) -> dict:
    return {ok: schema, **ERRORS}


# Dates of the inputs of the support resources: far enough apart for any real record, and bounded
# so that the date arithmetic of the rules (a month later, 12 months around) cannot overflow.
Day = Annotated[date, Field(ge=date(1900, 1, 1), le=date(2199, 12, 31))]


@contextmanager
def fields_renamed(names: dict[str, str]):
    """The service's errors on a model field (`host`) named as the API's input field (`host_id`)."""
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {names.get(field, field): messages for field, messages in error.message_dict.items()}
        ) from error
