from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.partners.enums import PartnerKind
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory

from ..enums import Activity, MeasureKind, Offence, SessionKind
from ..models import JusticeAttendance, JusticeMeasure, OrientationSession
from ..rules import default_deadline


class SpipFactory(PartnerFactory):
    name = factory.Sequence(lambda n: f"SPIP n°{n}")
    kind = PartnerKind.SPIP


class JusticeMeasureFactory(DjangoModelFactory):
    """A TIG as stored, without the rules: tests of the rules go through the services."""

    class Meta:
        model = JusticeMeasure

    person = factory.SubFactory(PersonFactory)
    structure = factory.SelfAttribute("person.structure")
    kind = MeasureKind.TIG
    offence = Offence.DELIT
    ordered_on = date(2026, 1, 15)
    hours_ordered = 140
    deadline = factory.LazyAttribute(lambda m: default_deadline(m.ordered_on))
    spip = factory.SubFactory(SpipFactory, organisation=factory.SelfAttribute("..structure.organisation"))
    referent_name = factory.Faker("name", locale="fr_FR")
    referent_phone = "04 67 00 00 00"
    created_by = factory.SubFactory(UserFactory)


class JusticeAttendanceFactory(DjangoModelFactory):
    class Meta:
        model = JusticeAttendance

    measure = factory.SubFactory(JusticeMeasureFactory)
    day = date(2026, 2, 4)
    hours = Decimal(7)
    activity = Activity.TIG_WORK
    recorded_by = factory.SubFactory(UserFactory)


class OrientationSessionFactory(DjangoModelFactory):
    class Meta:
        model = OrientationSession

    structure = factory.SubFactory("tremplin.organisations.tests.factories.StructureFactory")
    kind = SessionKind.SOA
    day = date(2026, 3, 10)
    title = "Session d'orientation approfondie n°3"
    place = "Salle de réunion, 12 chemin des Jardins"
    facilitator = "Léa Fournier"
    hours = Decimal("3.5")
    created_by = factory.SubFactory(UserFactory)
