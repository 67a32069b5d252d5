"""Writes on organisations, ACI and production supports."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from tremplin.accounts.models import User

from .models import Organisation, ProductionSupport, Structure
from .selectors import supervisors_of

SUPERVISOR_NOT_IN_STRUCTURE = (
    "{user} n'est pas encadrant·e technique de {structure} : choisissez un encadrant de cet ACI."
)
SUPPORT_DATES = "La fin prévue ({end}) doit être postérieure ou égale au début prévu ({start})."


@transaction.atomic
def organisation_create(*, name: str, siren: str, rna: str = "") -> Organisation:
    organisation = Organisation(name=name, siren=siren, rna=rna)
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def structure_create(
    *,
    organisation: Organisation,
    name: str,
    siret: str,
    department: str,
    address: str = "",
    postal_code: str = "",
    city: str = "",
    convention_reference: str = "",
) -> Structure:
    structure = Structure(
        organisation=organisation,
        name=name,
        siret=siret,
        department=department,
        address=address,
        postal_code=postal_code,
        city=city,
        convention_reference=convention_reference,
    )
    structure.full_clean()
    if siret[:9] != organisation.siren:
        raise ValidationError(
            {"siret": f"Le SIRET {siret} n'appartient pas au SIREN {organisation.siren} de la structure porteuse."}
        )
    structure.save()
    return structure


@transaction.atomic
def structure_update(*, structure: Structure, **fields) -> Structure:
    """Update the descriptive fields of an ACI (its SIRET and organisation do not change here)."""
    for name in ("organisation", "organisation_id", "siret"):
        if name in fields:
            raise ValidationError({name: "Le SIRET et la structure porteuse d'un ACI ne se modifient pas ici."})
    for name, value in fields.items():
        setattr(structure, name, value)
    structure.full_clean()
    structure.save()
    return structure


def _check_support(*, structure: Structure, supervisor: User | None, start: date | None, end: date | None):
    errors = {}
    if supervisor is not None and not supervisors_of(structure).filter(pk=supervisor.pk).exists():
        errors["supervisor"] = SUPERVISOR_NOT_IN_STRUCTURE.format(user=supervisor, structure=structure)
    if start and end and end < start:
        errors["planned_end"] = SUPPORT_DATES.format(end=end.strftime("%d/%m/%Y"), start=start.strftime("%d/%m/%Y"))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def production_support_create(*, structure: Structure, **fields) -> ProductionSupport:
    _check_support(
        structure=structure,
        supervisor=fields.get("supervisor"),
        start=fields.get("planned_start"),
        end=fields.get("planned_end"),
    )
    support = ProductionSupport(structure=structure, **fields)
    support.full_clean()
    support.save()
    return support


@transaction.atomic
def production_support_update(*, support: ProductionSupport, **fields) -> ProductionSupport:
    for name, value in fields.items():
        setattr(support, name, value)
    _check_support(
        structure=support.structure,
        supervisor=support.supervisor,
        start=support.planned_start,
        end=support.planned_end,
    )
    support.full_clean()
    support.save()
    return support
