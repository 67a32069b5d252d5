import pytest

from tremplin.api.services import api_token_create


@pytest.fixture
def make_token(make_member):
    """make_token(role, structure) -> (user, secret): a user holding that role there, with a live token."""

    def make(role, structure, **token_fields):
        user = make_member(role, structure)
        membership = user.memberships.get()
        created = api_token_create(
            user=user,
            context_key=f"{membership.pk}:{structure.pk}",
            name=token_fields.pop("name", "Script"),
            second_factor_passed=True,
            **token_fields,
        )
        return user, created.secret

    return make


class Api:
    """The Django test client speaking JSON with a bearer token, over HTTP only."""

    def __init__(self, client, secret):
        self.client, self.headers = client, {"Authorization": f"Bearer {secret}"}

    def get(self, path, **params):
        return self.client.get(f"/api/v1{path}", params, headers=self.headers)

    def post(self, path, data=None):
        return self.client.post(f"/api/v1{path}", data or {}, content_type="application/json", headers=self.headers)

    def patch(self, path, data=None):
        return self.client.patch(f"/api/v1{path}", data or {}, content_type="application/json", headers=self.headers)


@pytest.fixture
def api_as(client, make_token):
    """api_as(role, structure) -> an Api client acting with a token of that role there."""

    def make(role, structure):
        _, secret = make_token(role, structure)
        return Api(client, secret)

    return make
