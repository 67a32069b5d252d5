from datetime import date, datetime
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.enums import ReferralState
from tremplin.recruitment.models import InformationSession, Referral

PARIS = ZoneInfo("Europe/Paris")


class ReferralFactory(DjangoModelFactory):
    """A referral row as stored, in any state, without the rules: tests of the workflow go
    through the services."""

    class Meta:
        model = Referral

    structure = factory.SubFactory(StructureFactory)
    person = factory.SubFactory(PersonFactory, structure=factory.SelfAttribute("..structure"))
    partner = factory.SubFactory(PartnerFactory, organisation=factory.SelfAttribute("..structure.organisation"))
    referent_name = factory.Faker("name", locale="fr_FR")
    referred_on = date(2026, 11, 2)
    reason = "Projet dans les espaces verts, besoin d'une reprise d'activité encadrée."
    state = ReferralState.RECEIVED
    created_by = factory.SubFactory(UserFactory)


class InformationSessionFactory(DjangoModelFactory):
    class Meta:
        model = InformationSession

    structure = factory.SubFactory(StructureFactory)
    starts_at = datetime(2026, 12, 1, 9, 30, tzinfo=PARIS)
    place = "Salle du rez-de-chaussée, 12 rue des Jardins"
    capacity = 12
    created_by = factory.SubFactory(UserFactory)
