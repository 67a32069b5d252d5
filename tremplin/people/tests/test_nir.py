"""The NIR key (issue 13, defect 9): a stored NIR that no key opens is an error, not an empty NIR;
a key rotation re-encrypts everything; one NIR is one fiche per ACI."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings

from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.models import Person
from tremplin.people.nir import NirKeyError, decrypt_nir, encrypt_nir, nir_digest
from tremplin.people.services import person_create, person_update
from tremplin.people.tests.factories import PersonFactory

NIR = "255081416802538"
WHO = {"sex": "F"}
OLD, NEW = "old-key-of-the-nir-0123456789-abcdefgh", "new-key-of-the-nir-0123456789-abcdefgh"


def test_a_nir_encrypted_with_another_key_fails_loudly():
    with override_settings(TREMPLIN_FIELD_ENCRYPTION_KEY=OLD):
        token = encrypt_nir(NIR)
    with override_settings(TREMPLIN_FIELD_ENCRYPTION_KEY=NEW), pytest.raises(NirKeyError, match="rétablissez la clé"):
        decrypt_nir(token)
    with pytest.raises(NirKeyError):
        decrypt_nir("not-a-token")


def test_a_rotation_reads_the_old_key_then_rewrites_every_nir_with_the_new_one(structure, capsys):
    with override_settings(TREMPLIN_FIELD_ENCRYPTION_KEY=OLD):
        person = person_create(
            structure=structure, last_name="Martin", first_name="Léa", birth_date="1990-03-15", **WHO, nir=NIR
        )
        old_token, old_digest = person.nir_encrypted, person.nir_digest
    with override_settings(TREMPLIN_FIELD_ENCRYPTION_KEY=f"{NEW},{OLD}"):
        assert decrypt_nir(old_token) == NIR  # readable during the rotation
        call_command("rotate_nir_key")
        assert "1 NIR chiffré(s) avec la clé actuelle" in capsys.readouterr().out
    person.refresh_from_db()
    assert person.nir_encrypted != old_token and person.nir_digest != old_digest
    with override_settings(TREMPLIN_FIELD_ENCRYPTION_KEY=NEW):  # the old key removed
        assert decrypt_nir(person.nir_encrypted) == NIR
        assert person.nir_digest == nir_digest(NIR)


def test_a_nir_is_one_fiche_per_aci(structure):
    first = person_create(
        structure=structure, last_name="Martin", first_name="Léa", birth_date="1990-03-15", **WHO, nir=NIR
    )
    with pytest.raises(ValidationError, match="Ce NIR est déjà celui de Léa Martin dans cet ACI") as refused:
        person_create(structure=structure, last_name="Autre", first_name="Nom", birth_date="1980-01-01", **WHO, nir=NIR)
    assert "nir" in refused.value.message_dict
    other = PersonFactory(structure=structure)
    with pytest.raises(ValidationError, match="déjà celui de Léa Martin"):
        person_update(person=other, nir=NIR)
    person_update(person=first, nir=NIR)  # its own NIR again: no conflict
    elsewhere = person_create(
        structure=StructureFactory(), last_name="Martin", first_name="Léa", birth_date="1990-03-15", **WHO, nir=NIR
    )
    assert elsewhere.nir_digest == first.nir_digest  # another ACI: its own fiche
    assert Person.objects.filter(nir_digest=first.nir_digest).count() == 2
