"""The API answers malformed input with its JSON error shape and a French 422, on SQLite and
PostgreSQL alike (issue 13, defect 5: a NUL character was an HTML 500 on PostgreSQL)."""

import pytest

from tremplin.accounts.enums import Role


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"last_name": "Dupont\x00", "birth_date": "1990-01-01"}, "last_name", "caractère nul"),
        ({"last_name": "Dupont", "birth_date": "10000-01-01"}, "birth_date", "Date hors de la plage"),
        ({"last_name": "Dupont", "birth_date": "0001-01-01"}, "birth_date", "Date hors de la plage"),
    ],
)
def test_the_api_refuses_nul_characters_and_extreme_dates_with_its_json_error(api_as, structure, body, field, message):
    response = api_as(Role.COUNSELLOR, structure).post("/people", body)
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    [item] = response.json()["detail"]
    assert item["field"] == field and message in item["message"]


def test_the_api_refuses_a_nul_character_in_the_query_string(api_as, structure):
    response = api_as(Role.COUNSELLOR, structure).get("/people", search="a\x00")
    assert response.status_code == 422 and "caractère nul" in response.json()["detail"][0]["message"]
