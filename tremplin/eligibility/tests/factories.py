from datetime import date

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.eligibility import rules
from tremplin.eligibility.enums import (
    ApprovalSuspensionReason,
    AuthorKind,
    Criterion,
    ProlongationReason,
)
from tremplin.eligibility.models import (
    Approval,
    ApprovalProlongation,
    ApprovalSuspension,
    DiagnosisCriterion,
    EligibilityDiagnosis,
)
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory


class EligibilityDiagnosisFactory(DjangoModelFactory):
    """A diagnosis row as stored, without the rules (tests of the rules go through the services).
    `criteria=[...]` lists the criteria to attach (default: RSA, which meets the ACI rule)."""

    class Meta:
        model = EligibilityDiagnosis
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    author_kind = AuthorKind.EMPLOYER
    author_partner = None
    author_name = factory.Faker("name", locale="fr_FR")
    made_on = date(2026, 1, 5)
    expires_on = factory.LazyAttribute(lambda o: rules.diagnosis_expiry(o.author_kind, o.made_on))
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if not create:
            return
        for criterion in [Criterion.RSA] if extracted is None else extracted:
            DiagnosisCriterion.objects.create(diagnosis=self, criterion=criterion)


class PrescriberDiagnosisFactory(EligibilityDiagnosisFactory):
    author_kind = AuthorKind.PRESCRIBER
    author_partner = factory.SubFactory(
        PartnerFactory, organisation=factory.SelfAttribute("..person.structure.organisation")
    )


class ApprovalFactory(DjangoModelFactory):
    class Meta:
        model = Approval

    person = factory.SubFactory(PersonFactory)
    number = factory.Sequence(lambda n: f"XXXXX26{n:05d}")
    start = date(2026, 1, 1)
    end = factory.LazyAttribute(lambda o: rules.approval_initial_end(o.start))
    created_by = factory.SubFactory(UserFactory)


class ApprovalSuspensionFactory(DjangoModelFactory):
    class Meta:
        model = ApprovalSuspension

    approval = factory.SubFactory(ApprovalFactory)
    reason = ApprovalSuspensionReason.CONTRACT_BROKEN
    start = date(2026, 6, 1)
    end = date(2026, 6, 20)
    created_by = factory.SubFactory(UserFactory)


class ApprovalProlongationFactory(DjangoModelFactory):
    class Meta:
        model = ApprovalProlongation

    approval = factory.SubFactory(ApprovalFactory)
    reason = ProlongationReason.PARTICULAR_DIFFICULTIES
    start = factory.LazyAttribute(lambda o: o.approval.end + rules.ONE_DAY)
    end = factory.LazyAttribute(lambda o: rules.last_day_within(o.start, 12))
    decided_by = "DDETS de l'Hérault"
    created_by = factory.SubFactory(UserFactory)
