"""The sweep: every URL pattern of the project, tried anonymously and as every role of another
ACI. It fails when a new view forgets the access check, and when a new URL pattern is added
without telling this test how to fill its parameters.

- Anonymous: every non-public URL redirects to the login page; the public ones are listed here
  and must match exactly the views marked `login_not_required`.
- Every role of another ACI: a URL naming a record of "our" ACI answers 404, GET and POST;
  a URL without a record never shows our ACI's data (the sentinel strings).
"""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import MembershipFactory
from tremplin.kernel.registry import app_modules
from tremplin.organisations.tests.factories import ProductionSupportFactory, StructureFactory
from tremplin.people.tests.factories import PersonFactory

SENTINEL = "SENTINELLE-VAL-VERT"

# Each app describes its own records and public pages to the sweep in its `tests/sweep.py`
# (`sweep_kwargs(ours)`, `PUBLIC_URL_NAMES`), in the order of INSTALLED_APPS: an app may use the
# records that the apps before it added to `ours` (the contract, the referral...).
SWEEP_MODULES = app_modules("tests.sweep")


# Views that answer without login. Anything else must redirect an anonymous visitor to login.
PUBLIC_URL_NAMES = {
    "core:health",
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_inactive",
    "account_confirm_login_code",
    "account_request_login_code",
    "account_reauthenticate",
    "account_login_code_confirm",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_trust",
    "account_logout",
    "admin:login",  # redirects to allauth's login (config/urls.py: secure_admin_login)
}.union(*(module.PUBLIC_URL_NAMES for module in SWEEP_MODULES))

# Third-party URL names with their own access control (allauth's own pages act on the logged-in
# user only; Django's admin requires is_staff, which no role grants). They are still swept for
# leaks below, but they do not take our record ids.
THIRD_PARTY_PREFIXES = ("account_", "mfa_", "admin:", "socialaccount_", "usersessions_")


def iter_patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}{pattern.namespace}:"
            yield from iter_patterns(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else None, prefix + str(pattern.pattern), pattern


@pytest.fixture
def ours(db):
    """Our ACI, with sentinel data that no one from another ACI may ever see: the structure, a
    worksite, the director and a person here; each app's sweep module adds its own records."""
    structure = StructureFactory(name=f"ACI {SENTINEL}", city=SENTINEL)
    ours = {
        "structure": structure,
        "support": ProductionSupportFactory(structure=structure, name=f"Chantier {SENTINEL}", client=SENTINEL),
        "director": MembershipFactory(structure=structure, role=Role.DIRECTOR).user,
        "person": PersonFactory(structure=structure, last_name=SENTINEL),
    }
    ours["extra_urls"] = {}
    for module in SWEEP_MODULES:
        ours["extra_urls"].update(module.sweep_kwargs(ours))
    return ours


def kwargs_for(name: str, pattern, ours) -> dict | None:
    """The record of our ACI that each parameterised URL of Tremplin names."""
    params = set(pattern.pattern.regex.groupindex)
    if not params:
        return {}
    if name in ours["extra_urls"]:
        return ours["extra_urls"][name]
    if params == {"month"}:  # a month of the acting user's own ACI, not a record of ours
        return {"month": "2026-02"}
    if name and name.startswith(THIRD_PARTY_PREFIXES):
        if name.startswith("admin:"):
            return None
        return dict.fromkeys(params, "abc123")
    raise AssertionError(
        f"L'URL « {name} » ({pattern.pattern}) prend des paramètres {sorted(params)} : "
        "ajoutez-la à kwargs_for() du test de balayage avec un enregistrement de l'ACI."
    )


def all_urls(ours):
    seen = []
    for name, route, pattern in iter_patterns():
        if name is None and route.startswith("admin/"):
            continue  # Django admin's unnamed redirects, behind its own staff check
        if name is None:
            raise AssertionError(f"Le motif d'URL {route} n'a pas de nom : nommez-le pour le balayage.")
        kwargs = kwargs_for(name, pattern, ours)
        if kwargs is None:
            continue
        names_a_record = "pk" in kwargs and not name.startswith(THIRD_PARTY_PREFIXES)
        seen.append((name, reverse(name, kwargs=kwargs), names_a_record))
    return seen


def test_every_tremplin_pattern_is_swept(ours):
    names = {name for name, _, _ in all_urls(ours)}
    for expected in ("core:home", "worktime:support_detail", "audit:log", "accounts:switch_context"):
        assert expected in names


def test_public_views_are_exactly_the_listed_ones(db):
    public = set()
    for name, _route, pattern in iter_patterns():
        callback = pattern.callback
        if getattr(callback, "login_required", True) is False:
            public.add(name)
    unlisted = public - PUBLIC_URL_NAMES
    assert not unlisted, f"Vues publiques non listées dans PUBLIC_URL_NAMES : {sorted(unlisted)}"
    assert "core:health" in public


def test_anonymous_is_sent_to_login_everywhere(client, ours):
    login_url = reverse("account_login")
    for name, url, _ in all_urls(ours):
        if name in PUBLIC_URL_NAMES or name.startswith("admin:"):
            continue
        response = client.get(url)
        assert response.status_code == 302, f"{name} ({url}) répond {response.status_code} sans connexion"
        assert response["Location"].startswith(login_url), f"{name} ne renvoie pas vers la connexion"


def test_admin_is_closed_to_anonymous(client, ours):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", list(Role))
def test_every_url_as_each_role_of_another_structure(client, ours, role, make_member):
    stranger_structure = StructureFactory(name="ACI voisin")
    stranger = make_member(role, stranger_structure)
    client.force_login(stranger)
    for name, url, names_a_record in all_urls(ours):
        for method in ("get", "post"):
            if SESSION_KEY not in client.session:  # logged in again after the logout URL (or a timeout)
                client.force_login(stranger)
            response = getattr(client, method)(url)
            body = response.content.decode(errors="replace")
            assert SENTINEL not in body, f"{method.upper()} {name} ({url}) montre des données d'un autre ACI à {role}"
            assert response.status_code < 500, f"{method.upper()} {name} ({url}) : erreur {response.status_code}"
            if names_a_record:
                if method == "get" and response.status_code == 405:
                    continue  # a POST-only view: same answer for any id, no data; its POST is checked
                assert response.status_code == 404, (
                    f"{method.upper()} {name} ({url}) répond {response.status_code} au rôle {role} "
                    "d'un autre ACI : attendu 404"
                )
