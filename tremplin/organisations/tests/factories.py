import factory
from factory.django import DjangoModelFactory
from stdnum import luhn

from tremplin.organisations.enums import ActivitySector, SupportKind
from tremplin.organisations.models import Organisation, ProductionSupport, Structure


def _siren(n: int) -> str:
    base = f"{30000000 + n:08d}"
    return base + luhn.calc_check_digit(base)


def _siret(siren: str, n: int) -> str:
    base = f"{siren}{n:04d}"
    return base + luhn.calc_check_digit(base)


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Faker("company", locale="fr_FR")
    siren = factory.Sequence(_siren)


class StructureFactory(DjangoModelFactory):
    class Meta:
        model = Structure

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"ACI n°{n}")
    siret = factory.LazyAttributeSequence(lambda o, n: _siret(o.organisation.siren, n + 1))
    department = "34"
    city = factory.Faker("city", locale="fr_FR")


class ProductionSupportFactory(DjangoModelFactory):
    class Meta:
        model = ProductionSupport

    structure = factory.SubFactory(StructureFactory)
    kind = SupportKind.WORKSITE
    name = factory.Sequence(lambda n: f"Chantier {n}")
    sector = ActivitySector.GREEN_SPACES
