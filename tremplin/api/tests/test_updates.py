"""The updates of the API that the apps' services carry: a referral corrected while open, the
proofs of an eligibility diagnosis completed; each under the same rules and roles as the pages."""

from datetime import date

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.recruitment.enums import ReferralState
from tremplin.recruitment.tests.factories import ReferralFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def _error(response):
    assert response.status_code == 422, response.content
    return [(e["field"], e["message"]) for e in response.json()["detail"]]


def test_an_open_referral_is_corrected_then_no_longer_once_closed(api_as, structure):
    referral = ReferralFactory(structure=structure, partner=None)
    partner = PartnerFactory(organisation=structure.organisation)
    api = api_as(Role.COUNSELLOR, structure)
    body = api.patch(f"/referrals/{referral.pk}", {"partner_id": partner.pk, "referent_name": "Inès Caron"}).json()
    assert (body["partner_id"], body["referent_name"], body["state"]) == (partner.pk, "Inès Caron", "received")
    assert api.patch(f"/referrals/{referral.pk}", {"partner_id": None}).json()["partner_id"] is None
    assert _error(api.patch(f"/referrals/{referral.pk}", {"referred_on": "2026-11-24"})) == [
        ("referred_on", "La date de l'orientation (24/11/2026) ne peut pas être dans le futur.")
    ]
    foreign = PartnerFactory()
    assert _error(api.patch(f"/referrals/{referral.pk}", {"partner_id": foreign.pk}))[0][0] == "partner_id"
    referral.state = ReferralState.WITHDRAWN
    referral.save()
    assert _error(api.patch(f"/referrals/{referral.pk}", {"reason": "Autre"})) == [
        (None, "Une orientation « Retirée » est close : elle n'est plus modifiée.")
    ]


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN_STAFF, Role.FUNDER, Role.PRESCRIBER])
def test_only_cip_and_direction_correct_a_referral(api_as, structure, role):
    referral = ReferralFactory(structure=structure, reason="Première version")
    assert api_as(role, structure).patch(f"/referrals/{referral.pk}", {"reason": "Réécrit"}).status_code == 404
    referral.refresh_from_db()
    assert referral.reason == "Première version"


def test_a_referral_of_another_aci_is_404(api_as, structure):
    referral = ReferralFactory(structure=StructureFactory())
    assert api_as(Role.DIRECTOR, structure).patch(f"/referrals/{referral.pk}", {"reason": "x"}).status_code == 404
