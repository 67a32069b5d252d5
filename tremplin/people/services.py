"""Writes on people and their documents."""

from __future__ import annotations

import os
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from tremplin.accounts.models import User
from tremplin.kernel.errors import check_known_fields
from tremplin.kernel.uploads import check_upload
from tremplin.organisations.models import Structure

from .models import Person, PersonDocument
from .nir import clean_nir, encrypt_nir, nir_digest

POSSIBLE_DUPLICATE = (
    "Une personne du même nom née le même jour existe déjà : {matches}. Vérifiez qu'il ne s'agit pas "
    "de la même personne, puis cochez « Ce n'est pas la même personne » pour confirmer."
)

PERSON_FIELDS = {
    "first_name", "last_name", "birth_name", "birth_date", "sex", "nationality_group", "email", "phone",
    "address", "postal_code", "city", "commune_insee", "qpv", "zrr", "france_travail_id", "education_level",
    "rsa", "rsa_since", "ass", "ass_since", "aah", "aah_since", "rqth", "rqth_since", "job_seeker_since",
    "resourceless", "emergency_contact_name", "emergency_contact_phone", "counsellor",
}  # fmt: skip
NIR_TAKEN = "Ce NIR est déjà celui de {person} dans cet ACI : une personne n'a qu'une fiche par ACI."


def normalise_name(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value or "")
    return "".join(c for c in decomposed if c.isalnum()).lower()


def possible_duplicates(*, structure: Structure, first_name: str, last_name: str, birth_date, exclude=None):
    """People of the same organisation with the same names (accents, case and hyphens aside) and birth date."""
    candidates = Person.objects.filter(
        structure__organisation_id=structure.organisation_id, birth_date=birth_date
    ).select_related("structure")
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    first, last = normalise_name(first_name), normalise_name(last_name)
    return [
        p
        for p in candidates
        if normalise_name(p.first_name) == first and last in {normalise_name(p.last_name), normalise_name(p.birth_name)}
    ]


def _apply(person: Person, fields: dict) -> None:
    check_known_fields(fields, PERSON_FIELDS | {"nir"})
    for name, value in fields.items():
        if name == "nir":
            nir = clean_nir(value) if value else ""
            digest = nir_digest(nir)
            holder = Person.objects.filter(structure_id=person.structure_id, nir_digest=digest).exclude(pk=person.pk)
            if digest and (other := holder.first()):
                raise ValidationError(NIR_TAKEN.format(person=other))
            person.nir_encrypted, person.nir_digest = encrypt_nir(nir), digest
        else:
            setattr(person, name, value)


@transaction.atomic
def person_create(*, structure: Structure, confirm_not_duplicate: bool = False, **fields) -> Person:
    person = Person(structure=structure)
    try:
        _apply(person, fields)
    except ValidationError as error:
        raise ValidationError({"nir": error.messages}) from error
    person.full_clean()
    duplicates = possible_duplicates(
        structure=structure, first_name=person.first_name, last_name=person.last_name, birth_date=person.birth_date
    )
    if duplicates and not confirm_not_duplicate:
        matches = ", ".join(f"{p} ({p.structure.name})" for p in duplicates)
        raise ValidationError(POSSIBLE_DUPLICATE.format(matches=matches), code="duplicate")
    person.save()
    return person


@transaction.atomic
def person_update(*, person: Person, **fields) -> Person:
    try:
        _apply(person, fields)
    except ValidationError as error:
        raise ValidationError({"nir": error.messages}) from error
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def document_add(*, actor: User, person: Person, kind: str, upload) -> PersonDocument:
    extension = check_upload(upload)
    allowed = settings.TREMPLIN_UPLOAD_TYPES
    document = PersonDocument(
        person=person,
        kind=kind,
        original_name=os.path.basename(upload.name)[:255],
        content_type=allowed[extension],
        size=upload.size,
        uploaded_by=actor,
    )
    document.file.save(f"{kind}{extension}", upload, save=False)
    document.full_clean()
    document.save()
    return document
