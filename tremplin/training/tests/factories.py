from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.training.enums import PhaseKind, TrainingFunder, TrainingKind, TrainingResult
from tremplin.training.models import Enrolment, ProgrammePhase, QualificationProgramme, TrainingAction


class TrainingActionFactory(DjangoModelFactory):
    """A training row as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = TrainingAction

    person = factory.SubFactory(PersonFactory)
    structure = factory.SelfAttribute("person.structure")
    title = "SST – Sauveteur secouriste du travail"
    kind = TrainingKind.SAFETY
    organisation = factory.Faker("company", locale="fr_FR")
    funder = TrainingFunder.OPCO
    start = date(2026, 3, 2)
    end = date(2026, 3, 3)
    hours = Decimal(14)
    certification = "Certificat SST"
    result = TrainingResult.IN_PROGRESS
    result_on = None
    created_by = factory.SubFactory(UserFactory)


class QualificationProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = QualificationProgramme

    structure = factory.SubFactory(StructureFactory)
    name = "AQI – agent de restauration collective"
    certification = "Titre professionnel Agent de restauration"
    start = date(2026, 1, 5)
    end = date(2026, 6, 26)
    created_by = factory.SubFactory(UserFactory)


class ProgrammePhaseFactory(DjangoModelFactory):
    class Meta:
        model = ProgrammePhase

    programme = factory.SubFactory(QualificationProgrammeFactory)
    kind = PhaseKind.COMPANY
    weeks = 8


class EnrolmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrolment

    programme = factory.SubFactory(QualificationProgrammeFactory)
    person = factory.SubFactory(PersonFactory, structure=factory.SelfAttribute("..programme.structure"))
    enrolled_on = factory.SelfAttribute("programme.start")
    created_by = factory.SubFactory(UserFactory)
