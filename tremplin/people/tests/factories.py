from datetime import date

import factory
from factory.django import DjangoModelFactory

from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.enums import Sex
from tremplin.people.models import Person


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    structure = factory.SubFactory(StructureFactory)
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    birth_date = date(1990, 6, 15)
    sex = Sex.FEMALE
