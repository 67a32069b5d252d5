import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tremplin.accounts.enums import Role

ROOT = Path(__file__).resolve().parents[3]
NIR_KEY = "a-dedicated-nir-key-of-the-production-check-0123456789"


def test_check_deploy_is_clean_in_production_profile():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7#kq!2vR9mZ-production-like-secret-for-the-check-only-0123456789",
        "TREMPLIN_FIELD_ENCRYPTION_KEY": NIR_KEY,
        "ALLOWED_HOSTS": "tremplin.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY doit être défini" in result.stderr


@pytest.mark.parametrize(
    "nir_key",
    ["", "short", "x7#kq!2vR9mZ-production-like-secret-for-the-check-only-0123456789"],
    ids=["absent", "too-short", "same-as-secret-key"],
)
def test_production_refuses_to_start_without_its_own_nir_key(nir_key):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7#kq!2vR9mZ-production-like-secret-for-the-check-only-0123456789",
        "TREMPLIN_FIELD_ENCRYPTION_KEY": nir_key,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "TREMPLIN_FIELD_ENCRYPTION_KEY doit être défini en production" in result.stderr


def test_production_profile_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x7#kq!2vR9mZ-production-like-secret-for-the-check-only-0123456789",
        "TREMPLIN_FIELD_ENCRYPTION_KEY": NIR_KEY,
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.TREMPLIN_MFA_REQUIRED)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["False", "True", "True", "31536000", "True"], result.stderr


def test_csp_header_with_a_nonce_on_every_page(director_client):
    response = director_client.get(reverse("core:home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    # No inline executable <script>: every script tag has a src, or is a JSON data block.
    body = response.text
    assert "etp-chart" in body  # the director's home has a chart and its data block
    executable = body.count("<script") - body.count('type="application/json"')
    assert executable == body.count("<script src=") + body.count('<script nonce="')


@pytest.mark.parametrize("url", ["/", "/supports/", "/journal/"])
def test_pages_send_security_headers(director_client, url):
    response = director_client.get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_health_is_public_and_says_nothing(client):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.content == b"ok"


def test_404_page_is_in_french(director_client):
    response = director_client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert '<html lang="fr"' in response.text


def test_500_page_is_in_french(rf):
    from tremplin.core.views import error_500

    response = error_500(rf.get("/"))
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


def test_no_page_export_or_api_answer_is_stored_by_a_browser_or_a_proxy(client, make_member, structure):
    # issue 13, defect 9: pages, exports and API answers hold case data
    client.force_login(make_member(Role.DIRECTOR, structure))
    for url in ("/", "/personnes/", "/donnees/personnes.csv", "/donnees/contrats.xlsx", "/api/v1/people", "/sante/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    assert "no-store" in client.get("/connexion/inexistante/").get("Cache-Control", "")  # a 404 too
