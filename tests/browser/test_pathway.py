"""The pathway of issue 3, "Done when", in the browser and through the UI only: a counsellor
takes a referral from a prescriber to hiring, renews the contract, is refused a renewal past 24
months with a clear French message, records a derogation and renews again, then records an
early end and the exit, which lands in the right DGEFP category. A prescriber submits a referral,
sees its status (first name and initial only), and nothing more.

The live server runs on the real date: every date is computed from today and typed into the
<input type="date"> fields as yyyy-mm-dd. Screenshots of every screen go to <repo>/screenshots/."""

import datetime
import random
import re

import pytest
from dateutil.relativedelta import relativedelta
from playwright.sync_api import expect

from tremplin.contracts.enums import DerogationKind, EarlyEndReason, ExitReason

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # long journeys: make test-slow and CI

COUNSELLOR = "cip@demo.tremplin.fr"
PRESCRIBER = "prescripteur@demo.tremplin.fr"
PARTNER = "France Travail Montpellier Est"


def field(page, label: str):
    """The form field labelled `label`, whether or not the label carries the required star."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}(\s*\*)?$"))


def submit(page, name: str, *, within=None):
    """Clicks the submit button `name` (of the form `within`, if given) and waits for the next page."""
    scope = within if within is not None else page.locator("main")
    with page.expect_navigation():
        scope.get_by_role("button", name=name, exact=True).click()


def follow(page, locator):
    with page.expect_navigation():
        locator.click()


def main_nav(page):
    return page.get_by_role("navigation", name="Navigation principale")


def open_referral(page, first_name: str, last_name: str):
    """Navigation > "Orientations" > the person's row; returns the row's text as listed."""
    follow(page, main_nav(page).get_by_role("link", name="Orientations", exact=True))
    row = page.get_by_role("row").filter(has_text=f"{last_name.upper()} {first_name}")
    expect(row).to_have_count(1)
    text = row.inner_text()
    follow(page, row.get_by_role("link"))
    expect(page.locator("h1")).to_have_text(f"Orientation de {first_name} {last_name}")
    return text


def timeline(page):
    return page.locator("section").filter(has=page.get_by_role("heading", name="Chronologie du parcours"))


def test_counsellor_takes_a_referral_to_hiring_renewals_derogation_and_exit(new_page, demo, login, screenshot):
    browser_page = new_page()  # desktop, 1280 wide
    today = datetime.date.today()
    start = today
    suffix = f"{random.randrange(10**8):08d}"
    first_name, last_name = "Joséphine", f"Testeuse-Parcours-{suffix[:4]}"
    person_name = f"{first_name} {last_name}"
    shot = iter(range(1, 100))

    def snap(name: str):
        screenshot(browser_page, f"pathway-cip-{next(shot):02d}-{name}")

    # a. Log in, "Orientations" > "Nouvelle orientation", a new person referred by France Travail.
    page = login(browser_page, COUNSELLOR)
    expect(page.locator("h1")).to_contain_text("Bonjour Karim")
    expect(page.get_by_role("banner")).to_contain_text("Val Vert")
    snap("home")
    follow(page, main_nav(page).get_by_role("link", name="Orientations", exact=True))
    expect(page.locator("h1")).to_have_text("Orientations et candidatures")
    snap("referral-list")
    follow(page, page.get_by_role("link", name="Nouvelle orientation"))
    expect(page.locator("h1")).to_have_text("Nouvelle orientation")
    field(page, "Prénom").fill(first_name)
    field(page, "Nom").fill(last_name)
    field(page, "Date de naissance").fill("1988-04-12")
    field(page, "Sexe").select_option(label="Femme")
    field(page, "Prescripteur").select_option(label=PARTNER)
    field(page, "Date de l'orientation").fill(today.isoformat())
    field(page, "Motif de l'orientation").fill(
        "Projet dans les espaces verts, souhaite reprendre un rythme de travail."
    )
    snap("referral-form")
    submit(page, "Enregistrer l'orientation")
    expect(page.locator("h1")).to_have_text(f"Orientation de {person_name}")
    expect(page.locator("main")).to_contain_text(f"L'orientation de {person_name} est enregistrée.")
    expect(page.locator("main")).to_contain_text(PARTNER)
    expect(page.locator("h1 + p .badge")).to_have_text("Reçue")
    snap("referral-received")

    # b. "Changer d'étape": Entretien.
    change_state = page.locator("section").filter(has=page.get_by_role("heading", name="Changer d'étape"))
    field(change_state, "Nouvelle étape").select_option(label="Entretien")
    submit(page, "Enregistrer", within=change_state)
    expect(page.locator("main")).to_contain_text("L'étape de l'orientation est enregistrée.")
    expect(page.locator("h1 + p .badge")).to_have_text("Entretien")
    expect(page.get_by_role("link", name="Embaucher")).to_be_visible()
    snap("referral-interview")

    # c. The person's page (link in the title), "Enregistrer le PASS IAE".
    follow(page, page.locator("h1").get_by_role("link", name=person_name))
    expect(page.locator("h1")).to_have_text(f"{first_name} {last_name.upper()}")
    snap("person-before-pass")
    follow(page, page.get_by_role("link", name="Enregistrer le PASS IAE"))
    expect(page.locator("h1")).to_have_text(f"PASS IAE de {person_name}")
    pass_number = f"TEST{suffix}"
    field(page, "Numéro de PASS IAE").fill(pass_number)
    field(page, "Début du PASS").fill(today.isoformat())
    snap("pass-form")
    submit(page, "Enregistrer le PASS IAE")
    expect(page.locator("main")).to_contain_text("Le PASS IAE est enregistré.")
    expect(page.locator("main")).to_contain_text(f"PASS IAE n° {pass_number}")
    snap("person-with-pass")

    # d. Back on the referral page, "Embaucher": a CDDI of 6 months.
    # (The person page has no link to the referral: back through "Orientations".)
    open_referral(page, first_name, last_name)
    expect(page.locator("h1 + p .badge")).to_have_text("Entretien")
    follow(page, page.get_by_role("link", name="Embaucher"))
    expect(page.locator("h1")).to_have_text(f"Embaucher {person_name}")
    expect(page.locator("main")).to_contain_text("Éligibilité aujourd'hui")
    first_end = start + relativedelta(months=6) - datetime.timedelta(days=1)
    field(page, "Type de contrat").select_option(label="CDDI")
    field(page, "Début").fill(start.isoformat())
    field(page, "Fin prévue").fill(first_end.isoformat())
    field(page, "Durée hebdomadaire (heures)").fill("26")
    field(page, "Salaire horaire brut (EUR)").fill("12.50")
    field(page, "Intitulé du poste").fill("Agent·e d'entretien des espaces verts")
    snap("hire-form")
    submit(page, "Embaucher")
    expect(page.locator("h1")).to_have_text(f"{first_name} {last_name.upper()}")
    expect(page.locator("main")).to_contain_text(f"{person_name} est embauché·e.")
    current = page.locator("section").filter(has=page.get_by_role("heading", name="Contrat en cours"))
    expect(current).to_be_visible()
    expect(current).to_contain_text(f"Du {start:%d/%m/%Y} au {first_end:%d/%m/%Y} · 26 h par semaine")
    snap("person-hired")
    # The referral now says "Embauchée" (found again through the navigation).
    listed = open_referral(page, first_name, last_name)
    assert "Embauchée" in listed, listed
    expect(page.locator("h1 + p .badge")).to_have_text("Embauchée")
    expect(page.get_by_role("link", name="Embaucher")).to_have_count(0)
    snap("referral-hired")
    follow(page, page.locator("h1").get_by_role("link", name=person_name))

    # e. "Renouveler" up to 24 months to the day: accepted.
    cap_end = start + relativedelta(months=24) - datetime.timedelta(days=1)
    follow(page, page.get_by_role("link", name="Renouveler", exact=True))
    expect(page.locator("h1")).to_have_text("Renouveler le contrat")
    field(page, "Nouvelle fin prévue").fill(cap_end.isoformat())
    snap("renew-24-months-form")
    submit(page, "Renouveler")
    expect(page.locator("main")).to_contain_text("Le contrat est renouvelé.")
    expect(current).to_contain_text(f"Du {start:%d/%m/%Y} au {cap_end:%d/%m/%Y}")
    expect(timeline(page)).to_contain_text("Avenant : Renouvellement")
    snap("person-renewed-24-months")

    # f. "Renouveler" to 30 months: refused, with the rule and what would allow it.
    follow(page, page.get_by_role("link", name="Renouveler", exact=True))
    field(page, "Nouvelle fin prévue").fill((start + relativedelta(months=30)).isoformat())
    submit(page, "Renouveler")
    expect(page.locator("h1")).to_have_text("Renouveler le contrat")
    refusal = page.locator("main .invalid-feedback, main .alert-danger")
    expect(refusal.first).to_contain_text("dépasserait 24 mois")
    expect(refusal.first).to_contain_text("dérogation")
    expect(field(page, "Nouvelle fin prévue")).to_have_attribute("aria-invalid", "true")
    snap("renew-30-months-refused")
    follow(page, page.get_by_role("link", name="Annuler"))
    expect(current).to_contain_text(f"au {cap_end:%d/%m/%Y}")  # nothing changed

    # g. "Enregistrer une dérogation": a training in progress, months 25 to 27.
    derogation_start = start + relativedelta(months=24)
    derogation_end = start + relativedelta(months=27)
    follow(page, page.get_by_role("link", name="Enregistrer une dérogation"))
    expect(page.locator("h1")).to_have_text(f"Dérogation pour {person_name}")
    field(page, "Type de dérogation").select_option(label=DerogationKind.TRAINING.label)
    field(page, "Motif").fill("Achever la formation CAP jardinier paysagiste en cours.")
    field(page, "Date de la décision").fill(today.isoformat())
    field(page, "Décidée par").fill("DDETS de l'Hérault")
    field(page, "Début").fill(derogation_start.isoformat())
    field(page, "Fin").fill(derogation_end.isoformat())
    snap("derogation-form")
    submit(page, "Enregistrer la dérogation")
    expect(page.locator("main")).to_contain_text("La dérogation est enregistrée.")
    expect(timeline(page)).to_contain_text(f"Dérogation : {DerogationKind.TRAINING.label}")
    expect(timeline(page)).to_contain_text(
        f"Du {derogation_start:%d/%m/%Y} au {derogation_end:%d/%m/%Y}, décidée par DDETS de l'Hérault."
    )
    snap("person-with-derogation")

    # h. Renew until the end of the derogation: accepted now.
    follow(page, page.get_by_role("link", name="Renouveler", exact=True))
    field(page, "Nouvelle fin prévue").fill(derogation_end.isoformat())
    snap("renew-with-derogation-form")
    submit(page, "Renouveler")
    expect(page.locator("main")).to_contain_text("Le contrat est renouvelé.")
    expect(current).to_contain_text(f"Du {start:%d/%m/%Y} au {derogation_end:%d/%m/%Y}")
    expect(page.locator("main")).to_contain_text("dépassée avec une dérogation")
    snap("person-renewed-with-derogation")

    # i. "Fin anticipée" today (so that the exit can be recorded at once), then the exit: CDI.
    follow(page, page.get_by_role("link", name="Fin anticipée"))
    expect(page.locator("h1")).to_have_text("Fin anticipée du contrat")
    field(page, "Dernier jour du contrat").fill(today.isoformat())
    field(page, "Motif").select_option(label=EarlyEndReason.HIRED_ELSEWHERE.label)
    snap("early-end-form")
    submit(page, "Enregistrer la fin anticipée")
    expect(page.locator("main")).to_contain_text("La fin anticipée est enregistrée. Enregistrez maintenant la sortie.")
    expect(current).to_have_count(0)
    warning = page.locator(".alert-warning").filter(has_text="sans sortie enregistrée")
    expect(warning).to_contain_text(f"s'est terminé le {today:%d/%m/%Y}")
    snap("person-ended-early")
    follow(page, warning.get_by_role("link", name="Enregistrer la sortie"))
    expect(page.locator("h1")).to_have_text("Enregistrer la sortie")
    field(page, "Motif de sortie").select_option(label=ExitReason.CDI.label)
    field(page, "Employeur suivant (si connu)").fill("Paysages du Midi")
    snap("exit-form")
    submit(page, "Enregistrer la sortie")
    expect(page.locator("main")).to_contain_text(
        "La sortie est enregistrée ; les suivis à 3 et 6 mois sont programmés."
    )
    expect(timeline(page)).to_contain_text("Sortie : CDI (Emploi durable)")
    expect(timeline(page)).to_contain_text("Suivi à 3 mois prévu")
    expect(timeline(page)).to_contain_text("Suivi à 6 mois prévu")
    expect(page.locator(".alert-warning").filter(has_text="sans sortie enregistrée")).to_have_count(0)
    snap("person-exited")

    assert browser_page.csp_violations() == [], browser_page.console_errors


def test_prescriber_sees_the_status_of_their_referral_and_nothing_more(new_page, demo, login, screenshot):
    browser_page = new_page()
    today = datetime.date.today()
    suffix = f"{random.randrange(10**4):04d}"
    first_name, last_name = f"Prescrite{suffix}", "Zébulon-Orientée"
    shot = iter(range(1, 100))

    def snap(name: str):
        screenshot(browser_page, f"pathway-prescriber-{next(shot):02d}-{name}")

    page = login(browser_page, PRESCRIBER)
    expect(page.locator("h1")).to_contain_text("Bonjour Nadia")
    follow(page, main_nav(page).get_by_role("link", name="Mes orientations"))
    expect(page.locator("h1")).to_contain_text("Mes orientations vers Val Vert")
    snap("list-before")
    follow(page, page.get_by_role("link", name="Orienter une personne"))
    expect(page.locator("h1")).to_contain_text("Orienter une personne vers Val Vert")
    field(page, "Prénom").fill(first_name)
    field(page, "Nom").fill(last_name)
    field(page, "Date de naissance").fill("1995-09-30")
    field(page, "Sexe").select_option(label="Homme")
    field(page, "Date de l'orientation").fill(today.isoformat())
    field(page, "Motif de l'orientation").fill("Souhaite travailler en extérieur ; disponible tout de suite.")
    snap("form")
    submit(page, "Transmettre l'orientation")
    expect(page.locator("main")).to_contain_text("Votre orientation est transmise à l'ACI.")
    expect(page.locator("h1")).to_contain_text("Mes orientations")
    row = page.get_by_role("row").filter(has_text=first_name)
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").first).to_have_text(f"{first_name} Z.")
    expect(row).to_contain_text(today.strftime("%d/%m/%Y"))
    expect(row).to_contain_text("Reçue")
    expect(page.locator("main")).not_to_contain_text(last_name)
    expect(page.locator("main")).not_to_contain_text("Souhaite travailler")
    snap("list-after")

    # Nothing more: the staff's pages answer the French 404 page.
    for path, name in (("/personnes/", "people"), ("/orientations/", "referrals")):
        response = page.goto(demo.url(path))
        assert response.status == 404, f"{path} answered {response.status}"
        expect(page.locator("h1")).to_have_text("Page introuvable")
        expect(page.locator("main")).not_to_contain_text(last_name)
        snap(f"404-{name}")

    assert browser_page.csp_violations() == [], browser_page.console_errors
