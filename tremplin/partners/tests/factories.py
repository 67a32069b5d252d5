import factory
from factory.django import DjangoModelFactory

from tremplin.organisations.tests.factories import OrganisationFactory
from tremplin.partners.enums import PartnerKind
from tremplin.partners.models import Partner


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Mission locale n°{n}")
    kind = PartnerKind.MISSION_LOCALE
