from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory
from stdnum import luhn

from tremplin.accounts.tests.factories import UserFactory
from tremplin.immersions.enums import Objective
from tremplin.immersions.models import HostCompany, Immersion
from tremplin.people.tests.factories import PersonFactory
from tremplin.reference.models import RomeJob


def valid_siret(n: int) -> str:
    """A SIRET that passes the checksums: a Luhn-valid SIREN, then a NIC that makes the 14 digits Luhn-valid."""
    siren = f"{500000000 + n * 7:09d}"[:8]
    siren += luhn.calc_check_digit(siren)
    body = f"{siren}{n % 10000:04d}"
    return body + luhn.calc_check_digit(body)


class HostCompanyFactory(DjangoModelFactory):
    class Meta:
        model = HostCompany

    structure = factory.SubFactory("tremplin.organisations.tests.factories.StructureFactory")
    name = factory.Faker("company", locale="fr_FR")
    siret = factory.Sequence(valid_siret)
    address = factory.Faker("street_address", locale="fr_FR")
    postal_code = "34000"
    city = "Montpellier"
    activity = "Entretien d'espaces verts"
    created_by = factory.SubFactory(UserFactory)


class ImmersionFactory(DjangoModelFactory):
    """An immersion row as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = Immersion

    person = factory.SubFactory(PersonFactory)
    structure = factory.SelfAttribute("person.structure")
    host = factory.SubFactory(HostCompanyFactory, structure=factory.SelfAttribute("..person.structure"))
    tutor_name = factory.Faker("name", locale="fr_FR")
    tutor_function = "Chef d'équipe"
    objective = Objective.DISCOVER
    rome_job = factory.LazyFunction(lambda: RomeJob.objects.get(code="A1203"))
    place = "Montpellier"
    start = date(2026, 3, 2)
    end = date(2026, 3, 13)
    weekly_schedule = "Du lundi au vendredi, 8 h – 12 h et 13 h – 16 h"
    total_hours = Decimal(70)
    created_by = factory.SubFactory(UserFactory)
