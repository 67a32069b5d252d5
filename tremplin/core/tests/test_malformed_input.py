"""Malformed input is a French 400, 404 or 422, never a server error (issue 13, defect 5): years
10000 and 0001, ids that are not ids, NUL characters, in every list filter, query parameter and
form field of every page, and through the API (on SQLite and on PostgreSQL: CI runs both)."""

from datetime import date
from html import unescape

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tremplin.accounts.enums import Role
from tremplin.core.tests.test_sweep import THIRD_PARTY_PREFIXES, all_urls
from tremplin.core.tests.test_sweep import ours as ours
from tremplin.kernel.query import DATE_MAX, DATE_MIN, BadQuery, id_or_404, month_or_400, query_date, query_int

# The query parameters the views read outside a form, and the names of the filter forms' fields.
QUERY = [
    "a_signer",
    "annee",
    "attendance",
    "context",
    "contract",
    "etat",
    "format",
    "grille",
    "jour",
    "measure",
    "merci",
    "modele",
    "orientation",
    "page",
    "perimetre",
    "presence",
    "referral",
    "semaine",
    "support",
    "type",
    "du",
    "au",
    "q",
    "criterion",
    "date_from",
    "date_to",
    "actor",
    "reader",
    "status",
    "kind",
    "personne",
    "person",
    "category",
    "search",
]
# Every form field name of the project's forms (they are read by name; unknown ones are ignored).
FIELDS = [
    "activity",
    "actor",
    "address",
    "assessed_on",
    "au",
    "birth_date",
    "capacity",
    "category",
    "comment",
    "contract",
    "counsellor",
    "criteria",
    "criterion",
    "date_from",
    "date_to",
    "day",
    "deadline",
    "decided_by",
    "decision_date",
    "description",
    "done_on",
    "du",
    "due_on",
    "duration_minutes",
    "effective_date",
    "effective_from",
    "email",
    "end",
    "ending",
    "enrolled_on",
    "evaluated_on",
    "expires_on",
    "first_name",
    "held_on",
    "host",
    "hourly_pay",
    "hours",
    "hours_ordered",
    "job",
    "kind",
    "last_name",
    "left_on",
    "level",
    "lifted_on",
    "made_on",
    "measure",
    "minutes",
    "moment",
    "name",
    "new_hours",
    "nir",
    "notes",
    "number",
    "objective",
    "offence",
    "on",
    "ordered_on",
    "outcome_date",
    "outcome_on",
    "partner",
    "person",
    "phone",
    "place",
    "planned_on",
    "postal_code",
    "presence",
    "production_support",
    "reason",
    "referent",
    "referral",
    "referred_on",
    "result_on",
    "revoked_on",
    "rome_job",
    "signed_on",
    "siret",
    "start",
    "starts_at",
    "status",
    "support",
    "to_state",
    "topic",
    "until",
    "weekly_hours",
    "weeks",
    "jour",
    "semaine",
]
EXTREMES = ["10000-01-01", "0001-01-01", "9999-12-31", "99999999999999999999", "-1", "abc", "1\x00", "2026-13"]
ROLES = (Role.DIRECTOR, Role.SUPERVISOR, Role.COUNSELLOR, Role.ADMIN_STAFF)


def pages(ours):
    return [(name, url) for name, url, _ in all_urls(ours) if not name.startswith(THIRD_PARTY_PREFIXES)]


def clients(ours, make_member) -> dict:
    found = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(ours["director"] if role == Role.DIRECTOR else make_member(role, ours["structure"]))
        found[role] = client
    return found


def test_the_readers_of_the_query_refuse_in_french():
    with pytest.raises(BadQuery, match="« 10000-01-01 » n'est pas une date valide pour « du »"):
        query_date({"du": "10000-01-01"}, "du")
    with pytest.raises(BadQuery, match="du 01/01/1900 au 31/12/2100"):
        query_date({"du": "0001-01-01"}, "du")
    assert query_date({"du": ""}, "du", default=DATE_MIN) == DATE_MIN
    assert query_date({"du": "2100-12-31"}, "du") == DATE_MAX
    with pytest.raises(BadQuery, match="nombre entier de 1900 à 2100"):
        query_int({"annee": "10000"}, "annee", low=1900, high=2100)
    with pytest.raises(BadQuery, match="n'est pas un mois valide"):
        month_or_400("0001-01")
    for value in ("abc", "-1", "0", "99999999999999999999", "١٢", "1\x00"):
        with pytest.raises(Exception, match="introuvable"):
            id_or_404(value)
    assert id_or_404("12") == 12


@pytest.mark.slow  # about 150 pages x 4 values x GET and POST as the director (40 s); hypothesis adds roles
def test_every_page_answers_extreme_values_without_a_server_error(ours, make_member):
    failures = []
    for role, client in [(Role.DIRECTOR, clients(ours, make_member)[Role.DIRECTOR])]:
        for name, url in pages(ours):
            if name == "account_logout":
                continue
            for value in ("10000-01-01", "0001-01-01", "99999999999999999999", "1\x00"):
                for method, data in (("get", dict.fromkeys(QUERY, value)), ("post", dict.fromkeys(FIELDS, value))):
                    status = getattr(client, method)(url, data).status_code
                    if status >= 500:
                        failures.append(f"{role} {method.upper()} {url} {value!r}: {status}")
    assert failures == []


values = st.one_of(
    st.sampled_from(EXTREMES),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=30),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_filter_value_on_any_page_is_never_a_server_error(ours, make_member, data):
    # hypothesis picks the page, the role, the parameters and their values; a failure is shrunk to
    # the smallest request that breaks (one parameter, one value)
    if "clients" not in ours:
        ours["clients"], ours["pages"] = clients(ours, make_member), pages(ours)
    name, url = data.draw(st.sampled_from([page for page in ours["pages"] if page[0] != "account_logout"]))
    role = data.draw(st.sampled_from(ROLES))
    params = data.draw(st.dictionaries(st.sampled_from(QUERY + FIELDS), values, min_size=1, max_size=4))
    method = data.draw(st.sampled_from(["get", "post"]))
    response = getattr(ours["clients"][role], method)(url, params)
    assert response.status_code < 500, f"{role} {method.upper()} {url} {params!r}"


def test_the_worksite_year_and_the_week_refuse_in_french(ours, make_member):
    client = clients(ours, make_member)[Role.SUPERVISOR]
    response = client.get("/supports/", {"annee": "10000"})
    assert response.status_code == 400 and "nombre entier de 1900 à 2100" in unescape(response.content.decode())
    response = client.get("/heures/", {"semaine": "0001-01-01"})
    assert response.status_code == 400
    assert "n'est pas une date valide pour « semaine »" in unescape(response.content.decode())
    assert client.get("/heures/", {"support": "abc"}).status_code == 404
    assert client.get("/heures/mois/0001-01/").status_code in (403, 404)
