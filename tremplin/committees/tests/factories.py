from datetime import date

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.committees.enums import CommitteeKind, CommitteeMoment
from tremplin.committees.models import Committee
from tremplin.funding.tests.factories import ConventionFactory


class CommitteeFactory(DjangoModelFactory):
    """A committee as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = Committee

    convention = factory.SubFactory(ConventionFactory)
    structure = factory.SelfAttribute("convention.structure")
    kind = CommitteeKind.STEERING
    moment = CommitteeMoment.OTHER
    planned_on = date(2025, 6, 2)
    place = factory.Faker("city", locale="fr_FR")
    created_by = factory.SubFactory(UserFactory)
