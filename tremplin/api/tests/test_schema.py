"""Schemathesis against the OpenAPI schema, as a token of each role: generated requests (valid and
invalid) to every operation never answer a 5xx, and every answer conforms to the schema (status
code documented, JSON body valid against its schema)."""

import json
from datetime import date

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from ninja.responses import NinjaJSONEncoder
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tremplin.accounts.enums import Role
from tremplin.api.api import api
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory
from tremplin.immersions.tests.factories import HostCompanyFactory, ImmersionFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.tests.factories import ReferralFactory
from tremplin.support.enums import Confidentiality, SensitiveTopic
from tremplin.support.tests.factories import AppointmentFactory
from tremplin.training.tests.factories import TrainingActionFactory
from tremplin.worktime.models import TimesheetEntry

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _schema():
    """The schema as /api/v1/openapi.json serves it, run in-process against Django's WSGI handler."""
    raw = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/"), cls=NinjaJSONEncoder))
    loaded = schemathesis.openapi.from_dict(raw)
    loaded.app = WSGIHandler()
    return loaded


schema = _schema()


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Schemathesis calls Django's WSGI handler itself, so every request's start and end would
    close the database connection that holds the test's transaction (SQLite's in-memory database
    ignores it, PostgreSQL does not). Django's test client detaches these two receivers for the same
    reason; this does the same for the length of a test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def tokens(structure, make_token):
    """Some records of the ACI (small ids, that generated ids meet), and a token of each role."""
    partner = PartnerFactory(organisation=structure.organisation)
    ProductionSupportFactory(structure=structure)
    host = HostCompanyFactory(structure=structure)
    for _ in range(3):
        person = PersonFactory(structure=structure)
        contract = ContractFactory(person=person, start=date(2026, 1, 5), end=date(2026, 12, 31))
        TimesheetEntry.objects.create(
            contract=contract,
            person=person,
            structure=structure,
            day=date(2026, 1, 5),
            hours=7,
            created_by=contract.created_by,
        )
        EligibilityDiagnosisFactory(person=person)
        ReferralFactory(structure=structure, person=person, partner=partner)
        AppointmentFactory(person=person)
        AppointmentFactory(person=person, confidentiality=Confidentiality.SENSITIVE, topic=SensitiveTopic.DEBTS)
        ImmersionFactory(person=person, host=host, contract=contract)
        TrainingActionFactory(person=person)
    secrets = {}
    for role in Role:
        user, secrets[role] = make_token(role, structure)
        if role == Role.PRESCRIBER:
            user.memberships.update(partner=partner)
    return secrets


@pytest.mark.slow
@schema.include(method="GET").parametrize()
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_as_each_role_conforms_to_the_schema(case, tokens):
    for secret in tokens.values():
        case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, checks=CHECKS)


@pytest.mark.slow
@schema.include(method=["POST", "PATCH"]).parametrize()
@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_write_as_each_role_conforms_to_the_schema(case, tokens):
    for secret in tokens.values():
        case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, checks=CHECKS)
