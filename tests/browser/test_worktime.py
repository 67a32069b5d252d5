"""Issue 5, "Done when": on a phone-sized screen a supervisor fills and confirms the week of a
team of 8 in under a minute of clicks. The actions are counted and the time measured."""

import datetime
import time
from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SUPERVISOR = "encadrant@demo.tremplin.fr"
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def team_of_8(demo):
    """A chantier of the demo supervisor with 8 people under contract this week (the rest of the
    demo stays as it is)."""
    from tremplin.accounts.models import User
    from tremplin.contracts.models import Contract
    from tremplin.organisations.models import ProductionSupport
    from tremplin.people.models import Person

    supervisor = User.objects.get(email=SUPERVISOR)
    support = ProductionSupport.objects.create(
        structure=supervisor.memberships.get().structure, kind="worksite", name="Chantier des huit",
        sector="green_spaces", supervisor=supervisor,
    )  # fmt: skip
    today = datetime.date.today()
    for index in range(8):
        person = Person.objects.create(
            structure=support.structure, first_name=f"Prénom{index}", last_name=f"Huit{index}",
            birth_date=datetime.date(1990, 1, 1 + index), sex="F",
        )  # fmt: skip
        Contract.objects.create(
            person=person, structure=support.structure, production_support=support, job_label="Agent",
            start=today - datetime.timedelta(days=60), initial_end=today + datetime.timedelta(days=120),
            end=today + datetime.timedelta(days=120), initial_weekly_hours=Decimal(26),
            weekly_hours=Decimal(26), hourly_pay=Decimal("12.10"), created_by=supervisor,
        )  # fmt: skip
    return support


def test_a_supervisor_confirms_the_week_of_8_people_on_a_phone(new_page, login, screenshot, team_of_8):
    from tremplin.worktime.models import TimesheetEntry

    page = new_page(viewport=PHONE, is_mobile=True)
    login(page, SUPERVISOR)
    actions = 0
    started = time.monotonic()

    page.get_by_role("link", name="Saisir les heures de la semaine").click()  # on the home page
    actions += 1
    page.get_by_label("Équipe").select_option(label="Chantier des huit")
    actions += 1
    page.get_by_role("button", name="Afficher").click()
    actions += 1
    screenshot(page, "phone-week-before")
    expect(page.get_by_text("Huit7", exact=False).first).to_be_visible()
    page.get_by_role("button", name="Confirmer toute la semaine comme prévu").click()
    actions += 1
    expect(page.get_by_role("status").first).to_contain_text("enregistrée(s) comme prévu")
    elapsed = time.monotonic() - started
    screenshot(page, "phone-week-after")

    monday = datetime.date.today() - datetime.timedelta(days=datetime.date.today().weekday())
    entries = TimesheetEntry.objects.filter(production_support=team_of_8, day__gte=monday)
    assert entries.values("person").distinct().count() == 8
    assert entries.count() == 40  # 8 people x Monday to Friday (a public holiday is recorded as such)
    assert actions <= 4, actions
    assert elapsed < 60, f"{elapsed:.1f} s"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a 375px screen"
