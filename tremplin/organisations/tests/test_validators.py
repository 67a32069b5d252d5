import pytest
from django.core.exceptions import ValidationError

from tremplin.organisations.validators import validate_department, validate_rna, validate_siren, validate_siret


@pytest.mark.parametrize("value", ["77567227200017", "775 672 272 00017"])
def test_valid_siret(value):
    validate_siret(value.replace(" ", ""))


@pytest.mark.parametrize("value", ["77567227200018", "1234", "ABCDEFGHIJKLMN", ""])
def test_invalid_siret_names_the_rule(value):
    with pytest.raises(ValidationError) as error:
        validate_siret(value)
    assert "n'est pas valide : 14 chiffres" in error.value.messages[0]


def test_siren_luhn():
    validate_siren("775672272")
    with pytest.raises(ValidationError, match="clé de contrôle"):
        validate_siren("775672273")


def test_rna():
    validate_rna("W343001234")
    with pytest.raises(ValidationError, match="lettre W"):
        validate_rna("343001234")


@pytest.mark.parametrize("value", ["01", "2A", "2B", "34", "95", "974", "976"])
def test_valid_departments(value):
    validate_department(value)


@pytest.mark.parametrize("value", ["20", "00", "96", "975", "3"])
def test_invalid_departments(value):
    with pytest.raises(ValidationError, match="n'existe pas"):
        validate_department(value)
