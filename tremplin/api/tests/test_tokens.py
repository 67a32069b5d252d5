"""Personal API tokens: stored hashed, shown once, revoked, expired, tied to one context; the
page where a user manages their own; the second factor for privileged roles."""

from datetime import date

import pytest
import time_machine
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.api import rules
from tremplin.api.models import ApiToken
from tremplin.api.services import api_token_create, api_token_revoke
from tremplin.organisations.tests.factories import StructureFactory

pytestmark = pytest.mark.django_db


def bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


def test_only_the_hash_is_stored_and_the_token_acts_in_its_context(client, structure, make_token):
    user, secret = make_token(Role.COUNSELLOR, structure)
    token = ApiToken.objects.get(user=user)
    assert secret.startswith(f"trp_{token.prefix}_")
    assert token.token_hash == rules.hash_token(secret) and secret not in token.token_hash
    assert token.last_used_at is None
    response = client.get("/api/v1/people", headers=bearer(secret))
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    "header",
    [None, "Bearer ", "Bearer trp_deadbeef_nope", "Basic dXNlcjpwYXNz", "Bearer n'importe quoi"],
)
def test_without_a_valid_token_the_answer_is_401_in_french(client, db, header):
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/people", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["detail"][0]["message"].startswith("Authentification requise")


def test_a_tampered_secret_with_a_real_prefix_is_refused(client, structure, make_token):
    _, secret = make_token(Role.COUNSELLOR, structure)
    assert client.get("/api/v1/people", headers=bearer(secret[:-2] + "xx")).status_code == 401


def test_a_revoked_token_is_refused(client, structure, make_token):
    user, secret = make_token(Role.COUNSELLOR, structure)
    api_token_revoke(token=ApiToken.objects.get(user=user))
    assert client.get("/api/v1/people", headers=bearer(secret)).status_code == 401


def test_a_token_expires_at_the_end_of_its_last_day(client, structure, make_member):
    user = make_member(Role.COUNSELLOR, structure)
    membership = user.memberships.get()
    with time_machine.travel("2026-03-02 09:00 +01:00", tick=False):
        secret = api_token_create(
            user=user,
            context_key=f"{membership.pk}:{structure.pk}",
            name="Paie",
            expires_on=date(2026, 3, 31),
            second_factor_passed=False,
        ).secret
    with time_machine.travel("2026-03-31 23:59 +02:00", tick=False):
        assert client.get("/api/v1/people", headers=bearer(secret)).status_code == 200
    with time_machine.travel("2026-04-01 00:00 +02:00", tick=False):
        assert client.get("/api/v1/people", headers=bearer(secret)).status_code == 401


@time_machine.travel("2026-03-02 09:00 +01:00", tick=False)
@pytest.mark.parametrize(
    ("expires_on", "message"),
    [
        (date(2026, 3, 2), "La date d'expiration (02/03/2026) doit être postérieure à aujourd'hui."),
        (date(2027, 3, 4), "Un jeton d'API vaut au plus un an : choisissez une date d'expiration avant le 03/03/2027."),
    ],
)
def test_expiry_is_tomorrow_at_the_earliest_and_within_a_year(structure, make_member, expires_on, message):
    from django.core.exceptions import ValidationError

    user = make_member(Role.COUNSELLOR, structure)
    membership = user.memberships.get()
    with pytest.raises(ValidationError) as error:
        api_token_create(
            user=user,
            context_key=f"{membership.pk}:{structure.pk}",
            name="Paie",
            expires_on=expires_on,
            second_factor_passed=False,
        )
    assert error.value.message_dict == {"expires_on": [message]}


def test_a_token_stops_when_its_membership_ends(client, structure, make_token):
    user, secret = make_token(Role.COUNSELLOR, structure)
    user.memberships.update(is_active=False)
    assert client.get("/api/v1/people", headers=bearer(secret)).status_code == 401


def test_a_token_of_an_organisation_director_acts_in_its_chosen_aci(client, structure, make_member):
    from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
    from tremplin.conftest import give_second_factor
    from tremplin.people.tests.factories import PersonFactory

    sibling = StructureFactory(organisation=structure.organisation, name="ACI sœur")
    user = UserFactory()
    membership = MembershipFactory(user=user, role=Role.DIRECTOR, structure=None, organisation=structure.organisation)
    give_second_factor(user)
    ours, theirs = PersonFactory(structure=structure), PersonFactory(structure=sibling)
    secret = api_token_create(
        user=user, context_key=f"{membership.pk}:{sibling.pk}", name="Consolidation", second_factor_passed=True
    ).secret
    listed = client.get("/api/v1/people", headers=bearer(secret)).json()
    assert [p["id"] for p in listed["items"]] == [theirs.pk]
    # As on the pages, a record of a sibling ACI opens by its id.
    assert client.get(f"/api/v1/people/{ours.pk}", headers=bearer(secret)).status_code == 200


def test_the_api_token_writes_are_signed_by_the_token_owner_in_the_audit_trail(client, structure, make_token):
    from auditlog.models import LogEntry

    user, secret = make_token(Role.COUNSELLOR, structure)
    response = client.post(
        "/api/v1/people",
        {"first_name": "Léa", "last_name": "Martin", "birth_date": "1990-01-02", "sex": "F"},
        content_type="application/json",
        headers=bearer(secret),
    )
    assert response.status_code == 201
    entry = LogEntry.objects.get(object_pk=str(response.json()["id"]), content_type__model="person")
    assert entry.actor == user


# The page of the tokens


def _mfa_session(client):
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [{"method": "password"}, {"method": "mfa", "type": "totp"}]
    session["account_authentication_methods_user"] = str(client.session["_auth_user_id"])
    session.save()


def test_the_page_creates_a_token_and_shows_its_secret_once(client, structure, make_member):
    user = make_member(Role.COUNSELLOR, structure)
    client.force_login(user)
    membership = user.memberships.get()
    response = client.post(
        reverse("api:token_list"), {"name": "Synchronisation", "context": f"{membership.pk}:{structure.pk}"}
    )
    assert response.status_code == 200
    secret = response.context["created"].secret
    assert secret in response.content.decode()
    assert client.get("/api/v1/people", headers=bearer(secret)).status_code == 200
    page = client.get(reverse("api:token_list")).content.decode()
    assert "Synchronisation" in page and secret not in page


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN_STAFF])
def test_a_privileged_token_needs_the_second_factor_in_the_session(client, structure, make_member, role):
    user = make_member(role, structure)
    client.force_login(user)
    data = {"name": "Paie", "context": f"{user.memberships.get().pk}:{structure.pk}"}
    response = client.post(reverse("api:token_list"), data)
    assert response.context["created"] is None
    assert rules.SECOND_FACTOR_REQUIRED in response.context["form"].errors["context"]
    assert not ApiToken.objects.exists()
    _mfa_session(client)
    response = client.post(reverse("api:token_list"), data)
    assert response.context["created"] is not None


def test_a_context_of_someone_else_is_refused(client, structure, make_member):
    user = make_member(Role.COUNSELLOR, structure)
    other = make_member(Role.COUNSELLOR, structure)
    client.force_login(user)
    response = client.post(
        reverse("api:token_list"), {"name": "x", "context": f"{other.memberships.get().pk}:{structure.pk}"}
    )
    assert response.context["created"] is None and not ApiToken.objects.exists()


def test_revoking_is_for_the_owner_only(client, structure, make_token, make_member):
    user, secret = make_token(Role.COUNSELLOR, structure)
    token = ApiToken.objects.get(user=user)
    client.force_login(make_member(Role.COUNSELLOR, structure))
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 404
    client.force_login(user)
    assert client.post(reverse("api:token_revoke", args=[token.pk])).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.get("/api/v1/people", headers=bearer(secret)).status_code == 401
