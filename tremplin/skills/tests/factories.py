from datetime import date

import factory
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.skills.enums import CriterionGroup
from tremplin.skills.models import SkillCriterion, SkillEvaluation, SkillGrid, SkillRating


class SkillGridFactory(DjangoModelFactory):
    class Meta:
        model = SkillGrid

    structure = factory.SubFactory(StructureFactory)
    name = factory.Sequence(lambda n: f"Espaces verts {n}")
    created_by = factory.SubFactory(UserFactory)


class SkillCriterionFactory(DjangoModelFactory):
    class Meta:
        model = SkillCriterion

    grid = factory.SubFactory(SkillGridFactory)
    group = CriterionGroup.TRADE
    label = factory.Sequence(lambda n: f"Critère {n}")
    order = factory.Sequence(lambda n: n)


class SkillEvaluationFactory(DjangoModelFactory):
    class Meta:
        model = SkillEvaluation

    person = factory.SubFactory(PersonFactory)
    grid = factory.SubFactory(SkillGridFactory, structure=factory.SelfAttribute("..person.structure"))
    evaluated_on = date(2026, 3, 2)
    evaluator = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("evaluator")


class SkillRatingFactory(DjangoModelFactory):
    class Meta:
        model = SkillRating

    evaluation = factory.SubFactory(SkillEvaluationFactory)
    criterion = factory.SubFactory(SkillCriterionFactory, grid=factory.SelfAttribute("..evaluation.grid"))
    level = 3
