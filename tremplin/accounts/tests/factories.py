import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership, User
from tremplin.organisations.tests.factories import StructureFactory

PASSWORD = "Un-mot-de-passe-solide-2026"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"utilisateur{n}@exemple.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.django.Password(PASSWORD)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.COUNSELLOR
    structure = factory.SubFactory(StructureFactory)
