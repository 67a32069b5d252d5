from datetime import date

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.support.enums import (
    AppointmentKind,
    DiagnosisKind,
    ObstacleCategory,
    ObstacleLevel,
    ReferralNeed,
    Treatment,
)
from tremplin.support.models import Appointment, Diagnosis, Objective, ObstacleAssessment, PartnerReferral


class DiagnosisFactory(DjangoModelFactory):
    """Rows as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = Diagnosis

    person = factory.SubFactory(PersonFactory)
    kind = DiagnosisKind.ENTRY
    assessed_on = date(2026, 1, 20)
    author = factory.SubFactory(UserFactory)


class ObstacleFactory(DjangoModelFactory):
    class Meta:
        model = ObstacleAssessment

    diagnosis = factory.SubFactory(DiagnosisFactory)
    category = ObstacleCategory.MOBILITY
    level = ObstacleLevel.MEDIUM
    treatment = Treatment.INTERNAL
    actions = factory.Faker("sentence", locale="fr_FR")


class ObjectiveFactory(DjangoModelFactory):
    class Meta:
        model = Objective

    person = factory.SubFactory(PersonFactory)
    title = "Obtenir le code de la route"
    due_on = date(2026, 6, 30)
    owner = factory.SubFactory(UserFactory)


class AppointmentFactory(DjangoModelFactory):
    class Meta:
        model = Appointment

    person = factory.SubFactory(PersonFactory)
    held_on = date(2026, 2, 10)
    kind = AppointmentKind.INDIVIDUAL
    author = factory.SubFactory(UserFactory)
    duration_minutes = 45
    notes = factory.Faker("paragraph", locale="fr_FR")


class PartnerReferralFactory(DjangoModelFactory):
    class Meta:
        model = PartnerReferral

    person = factory.SubFactory(PersonFactory)
    partner = factory.SubFactory(
        "tremplin.partners.tests.factories.PartnerFactory",
        organisation=factory.SelfAttribute("..person.structure.organisation"),
    )
    need = ReferralNeed.HOUSING
    referred_on = date(2026, 2, 1)
