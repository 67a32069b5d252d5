from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

HOME = "/"


def test_idle_session_ends_after_30_minutes(director_client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert director_client.get(HOME).status_code == 200
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert director_client.get(HOME).status_code == 200  # activity: the clock restarts
    with time_machine.travel(start + timedelta(minutes=58), tick=False):
        assert director_client.get(HOME).status_code == 200
    with time_machine.travel(start + timedelta(minutes=88, seconds=1), tick=False):
        response = director_client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?session=expiree"
    assert "_auth_user_id" not in director_client.session


def test_session_ends_12_hours_after_login_even_when_active(director_client):
    start = timezone.now()
    for minutes in range(0, 12 * 60, 25):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert director_client.get(HOME).status_code == 200
    with time_machine.travel(start + timedelta(hours=12, minutes=1), tick=False):
        assert director_client.get(HOME).status_code == 302


def test_htmx_request_is_redirected_by_header(director_client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        director_client.get(HOME)
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        response = director_client.get(reverse("audit:log"), headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("account_login"))
