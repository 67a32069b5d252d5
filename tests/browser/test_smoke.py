"""Smoke journeys: every demo role logs in and reaches its home page; another structure's
record answers the French 404 page; the login page is French and labelled; the supervisor's
home on a phone. Screenshots of every screen go to <repo>/screenshots/."""

import re

import pytest
from playwright.sync_api import expect

from tremplin.accounts.enums import Role
from tremplin.core.demo import DEMO_LOGINS

pytestmark = pytest.mark.browser

HOME_PATH = "/"
ENROL_PATH = "/comptes/2fa/totp/activate/"


def _slug(email: str) -> str:
    return email.split("@")[0].replace(".", "-")


def test_each_demo_role_reaches_its_home_page(new_page, demo, login, screenshot):
    """Every demo login, each in a browser context of its own, on one seeded demo (seeding it
    once per role cost half a minute each)."""
    for demo_login in DEMO_LOGINS:
        browser_page = new_page()
        page = login(browser_page, demo_login.email, shots=f"role-{_slug(demo_login.email)}")

        assert page.url == demo.url(HOME_PATH), f"{demo_login.email} landed on {page.url}"
        expect(page.locator("h1")).to_have_count(1)
        expect(page.locator("h1")).to_contain_text(f"Bonjour {demo_login.first_name}")
        navigation = page.get_by_role("navigation", name="Navigation principale")
        expect(navigation.get_by_role("link", name="Accueil")).to_be_visible()
        banner = page.get_by_role("banner")
        expect(banner.get_by_role("button", name=re.compile(demo_login.first_name))).to_be_visible()
        expect(page.locator("main")).to_contain_text(Role(demo_login.role).label)
        screenshot(browser_page, f"role-{_slug(demo_login.email)}-home")

        assert browser_page.csp_violations() == [], (demo_login.email, browser_page.console_errors)


def test_other_structure_gets_the_french_404_page(page, demo, login, screenshot):
    from tremplin.organisations.models import ProductionSupport

    foreign_support = ProductionSupport.objects.get(name="Berges du Lez", structure__name__startswith="Val Vert")
    login(page, "encadrante.cuisine@demo.tremplin.fr")
    expect(page.locator("main")).to_contain_text("La Table du Val")

    response = page.goto(demo.url(f"/supports/{foreign_support.pk}/"))

    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page introuvable")
    expect(page.locator("main")).not_to_contain_text("Berges du Lez")
    expect(page.locator("main")).not_to_contain_text("Montpellier Méditerranée Métropole")
    screenshot(page, "404-foreign-support")


def test_own_support_opens_for_its_supervisor(page, demo, login, screenshot):
    """The counterpart of the 404 test: the same URL works for the Val Vert supervisor."""
    from tremplin.organisations.models import ProductionSupport

    support = ProductionSupport.objects.get(name="Berges du Lez", structure__name__startswith="Val Vert")
    login(page, "encadrant@demo.tremplin.fr")

    response = page.goto(demo.url(f"/supports/{support.pk}/"))

    assert response.status == 200
    expect(page.locator("h1")).to_contain_text("Berges du Lez")
    screenshot(page, "support-detail-supervisor")


def test_login_page_is_french_with_labelled_fields(page, demo_data, screenshot):
    response = page.goto(demo_data.url("/comptes/login/"))

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_be_visible()
    # Each field is reachable by its (French) label, i.e. properly labelled.
    email = page.get_by_label(re.compile(r"courriel|e-?mail", re.IGNORECASE))
    expect(email).to_have_attribute("name", "login")
    password = page.get_by_label(re.compile(r"mot de passe", re.IGNORECASE)).first
    expect(password).to_have_attribute("name", "password")
    expect(page.get_by_role("button", name=re.compile(r"connexion|connecter", re.IGNORECASE))).to_be_visible()
    body = page.locator("body").inner_text()
    for english in ("Sign In", "Password", "Forgot", "Remember Me", "Email address"):
        assert english not in body, f"untranslated text {english!r} on the login page"
    screenshot(page, "login")
    assert page.url.startswith(demo_data.url("/comptes/login/"))


def test_director_without_second_factor_is_sent_to_enrol(page, demo_data, login, screenshot):
    from tremplin.core.demo import DEMO_PASSWORD

    login(page, "direction@demo.tremplin.fr")

    # allauth asks for the password again before any MFA change (MFA_REAUTHENTICATION_REQUIRED,
    # on by default, and a fresh login does not count as a reauthentication).
    if page.url.startswith(demo_data.url("/comptes/reauthenticate/")):
        assert "2fa%2Ftotp%2Factivate" in page.url, page.url
        screenshot(page, "mfa-enrol-director-reauthenticate")
        page.locator("input[name=password]").fill(DEMO_PASSWORD)
        with page.expect_navigation():
            page.locator("form").filter(has=page.locator("input[name=password]")).locator("[type=submit]").first.click()
    assert page.url.startswith(demo_data.url(ENROL_PATH)), page.url
    expect(page.locator("h1")).to_contain_text("authentification")
    expect(page.locator("input[name=code]")).to_be_visible()
    screenshot(page, "mfa-enrol-director")

    # And it keeps sending them there: the home page is not reachable before enrolment.
    page.goto(demo_data.url(HOME_PATH))
    assert page.url.startswith(demo_data.url(ENROL_PATH)), page.url


def test_supervisor_home_on_a_phone(new_page, demo, login, screenshot):
    browser_page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = login(browser_page, "encadrant@demo.tremplin.fr")

    expect(page.locator("h1")).to_contain_text("Bonjour Paul")
    toggler = page.get_by_role("button", name="Menu")
    expect(toggler).to_be_visible()
    # Nothing wider than the screen: no horizontal scrolling on the worksite.
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a 375px screen"
    screenshot(browser_page, "phone-supervisor-home")
    toggler.click()
    navigation = page.get_by_role("navigation", name="Navigation principale")
    expect(navigation.get_by_role("link", name="Accueil")).to_be_visible()
    screenshot(browser_page, "phone-supervisor-menu")
    assert browser_page.csp_violations() == [], browser_page.console_errors
