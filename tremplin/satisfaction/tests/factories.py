from datetime import date

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.satisfaction.models import SatisfactionResponse, Testimonial


class SatisfactionResponseFactory(DjangoModelFactory):
    class Meta:
        model = SatisfactionResponse

    structure = factory.SubFactory(StructureFactory)
    answered_on = date(2025, 5, 20)
    answers = factory.LazyFunction(lambda: {"welcome": 4, "project": 3})
    comment = ""


class TestimonialFactory(DjangoModelFactory):
    """A testimonial as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = Testimonial

    structure = factory.SubFactory(StructureFactory)
    author_display_name = factory.Faker("first_name", locale="fr_FR")
    text = factory.Faker("paragraph", locale="fr_FR")
    created_by = factory.SubFactory(UserFactory)
