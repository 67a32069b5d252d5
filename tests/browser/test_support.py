"""The support of issue 4, "Done when", in the browser and through the UI only.

A counsellor records a diagnosis (a re-assessment of the obstacles), an action plan objective,
two appointments (one of them sensitive), a PMSMP that is refused while it breaks the one-month
limit and accepted once corrected (and downloads its Cerfa convention), a training with its
result and an exit review, and downloads the review and the skills certificate as PDF. A
supervisor then fills a skills evaluation and sees neither the sensitive note nor the justice
measure. The director's log of sensitive reads shows the counsellor's reads.

The person is Mehdi Cherif, hired in Val Vert (CDDI started 13 months before the current month,
renewed until 5 months after it), who carries the demo TIG (tremplin/justice/demo.py) and has
an entry diagnosis already (tremplin/support/demo.py): the counsellor's diagnosis is a
re-assessment. The live server runs on the real date: every date is computed from today and
typed into the <input type="date"> fields as yyyy-mm-dd. Screenshots go to <repo>/screenshots/."""

import datetime
import io
import random
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # long journeys: make test-slow and CI

COUNSELLOR = "cip@demo.tremplin.fr"
SUPERVISOR = "encadrant@demo.tremplin.fr"
DIRECTOR = "direction@demo.tremplin.fr"
FIRST_NAME, LAST_NAME = "Mehdi", "Cherif"
HOST = "Paysages Méditerranée"


def field(page, label: str):
    """The form field labelled `label`, whether or not the label carries the required star."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}(\s*\*)?$"))


def submit(page, name: str, *, within=None):
    scope = within if within is not None else page.locator("main")
    with page.expect_navigation():
        scope.get_by_role("button", name=name, exact=True).click()


def follow(page, locator):
    with page.expect_navigation():
        locator.click()


def main_nav(page):
    return page.get_by_role("navigation", name="Navigation principale")


def card(page, heading: str):
    """The card (section) of the page titled `heading`."""
    return page.locator("section").filter(has=page.get_by_role("heading", name=heading, exact=True))


def open_person(page):
    """Navigation > "Personnes", search by name, the person's row."""
    follow(page, main_nav(page).get_by_role("link", name="Personnes", exact=True))
    field(page, "Nom").fill(LAST_NAME)
    submit(page, "Filtrer")
    follow(page, page.get_by_role("link", name=f"{LAST_NAME.upper()} {FIRST_NAME}", exact=True))
    expect(page.locator("h1")).to_have_text(f"{FIRST_NAME} {LAST_NAME.upper()}")


def download_pdf(page, locator) -> str:
    """Clicks `locator`, waits for the download, checks it is a PDF and returns its text."""
    from pypdf import PdfReader

    with page.expect_download() as info:
        locator.click()
    download = info.value
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"%PDF"), f"{download.suggested_filename} is not a PDF: {data[:20]!r}"
    assert download.suggested_filename.endswith(".pdf"), download.suggested_filename
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert FIRST_NAME.lower() in text.lower() and LAST_NAME.lower() in text.lower(), (
        f"{download.suggested_filename} does not name the person: {text[:300]!r}"
    )
    return text


@pytest.fixture
def mehdi(demo):
    """The demo person and what the demo gave them that the test relies on."""
    from tremplin.immersions.models import Immersion
    from tremplin.justice.models import JusticeMeasure
    from tremplin.people.models import Person
    from tremplin.support.models import Diagnosis

    person = Person.objects.get(first_name=FIRST_NAME, last_name=LAST_NAME, structure__name__startswith="Val Vert")
    today = datetime.date.today()
    assert any(c.start <= today <= c.effective_end for c in person.contracts.all()), "no current contract"
    assert Diagnosis.objects.filter(person=person).exists(), "the demo gave no entry diagnosis"
    measure = JusticeMeasure.objects.get(person=person)
    # The new PMSMP starts after every demo one (they end 21 days from today at the latest).
    assert all(i.end < today + datetime.timedelta(days=40) for i in Immersion.objects.filter(person=person))
    # ... and with a host the demo did not give them (so that no limit per host is in play).
    assert not Immersion.objects.filter(person=person, host__name=HOST).exists()
    return person, measure


def test_support_journey_counsellor_supervisor_and_read_log(new_page, demo, login, mehdi, screenshot):
    from tremplin.immersions.models import Immersion
    from tremplin.reference.models import RomeJob

    person, measure = mehdi
    today = datetime.date.today()
    suffix = f"{random.randrange(10**6):06d}"
    sensitive_marker = f"NOTE-SANTE-{suffix}"
    ordinary_marker = f"NOTE-ORDINAIRE-{suffix}"
    justice_marker = f"FREIN-JUSTICE-{suffix}"
    person_name = f"{FIRST_NAME} {LAST_NAME.upper()}"
    shot = iter(range(1, 100))

    def snap(page, who: str, name: str):
        screenshot(page, f"support-{who}-{next(shot):02d}-{name}")

    # === The counsellor ======================================================================
    browser_page = new_page()
    page = login(browser_page, COUNSELLOR)
    expect(page.locator("h1")).to_contain_text("Bonjour Karim")
    open_person(page)
    expect(card(page, "Mesures de justice")).to_contain_text("TIG (travail d'intérêt général)")
    snap(page, "cip", "person")

    # a. The diagnosis: a re-assessment, prefilled with the latest lines; a justice obstacle added.
    follow(page, card(page, "Accompagnement").get_by_role("link", name="Voir l'accompagnement"))
    expect(page.locator("h1")).to_have_text(f"Accompagnement de {person_name}")
    follow(page, page.get_by_role("link", name="Réévaluer les freins"))
    expect(page.locator("h1")).to_have_text("Réévaluation des freins")
    expect(page.locator("main")).to_contain_text("Les lignes reprennent l'évaluation du")
    field(page, "Date de l'évaluation").fill(today.isoformat())
    field(page, "Niveau (Justice)").select_option(label="Moyen")
    field(page, "Traitement (Justice)").select_option(label="En externe")
    field(page, "Actions (Justice)").fill(f"TIG à terminer le samedi avec le SPIP. {justice_marker}")
    field(page, "Niveau (Compétences numériques)").select_option(label="Faible")
    field(page, "Traitement (Compétences numériques)").select_option(label="En interne")
    field(page, "Actions (Compétences numériques)").fill("Atelier numérique du mardi.")
    snap(page, "cip", "diagnosis-form")
    submit(page, "Enregistrer la réévaluation")
    expect(page.locator("h1")).to_have_text(f"Accompagnement de {person_name}")
    expect(page.locator("main")).to_contain_text("Réévaluation enregistré·e.")
    obstacles = card(page, "Freins : évolution")
    expect(obstacles.get_by_role("columnheader", name=f"Réévaluation {today:%d/%m/%Y} · Karim Benali")).to_be_visible()
    justice_row = obstacles.get_by_role("row").filter(has=page.get_by_role("rowheader", name=re.compile("Justice")))
    expect(justice_row).to_contain_text(justice_marker)  # the counsellor reads it

    # b. The action plan: one objective.
    objective = f"Passer le CACES R482 – {suffix}"
    follow(page, page.get_by_role("link", name="Objectif", exact=True))
    expect(page.locator("h1")).to_have_text("Nouvel objectif du plan d'action")
    field(page, "Objectif").fill(objective)
    field(page, "Échéance").fill((today + datetime.timedelta(days=60)).isoformat())
    submit(page, "Enregistrer l'objectif")
    expect(page.locator("main")).to_contain_text("L'objectif est ajouté au plan d'action.")
    expect(card(page, "Plan d'action")).to_contain_text(
        f"{objective} · échéance {today + datetime.timedelta(days=60):%d/%m/%Y}"
    )

    # c. Two appointments: an ordinary one, then a sensitive one about health.
    for kind, minutes, notes, sensitive in (
        ("Entretien individuel", "45", f"Point sur le projet espaces verts. {ordinary_marker}", False),
        ("Entretien individuel", "30", f"Arrêt de travail évoqué, suivi médical. {sensitive_marker}", True),
    ):
        follow(page, page.get_by_role("link", name="Entretien", exact=True))
        expect(page.locator("h1")).to_have_text("Nouvel entretien")
        field(page, "Date").fill(today.isoformat())
        field(page, "Type").select_option(label=kind)
        field(page, "Durée (minutes)").fill(minutes)
        field(page, "Notes").fill(notes)
        if sensitive:
            field(page, "Confidentialité").select_option(label="Confidentielle (santé, justice, dettes)")
            field(page, "Thème confidentiel").select_option(label="Santé")
            snap(page, "cip", "sensitive-appointment-form")
        submit(page, "Enregistrer l'entretien")
        expect(page.locator("main")).to_contain_text("L'entretien est consigné dans le journal.")
    journal = card(page, "Journal des entretiens")
    expect(journal).to_contain_text(ordinary_marker)
    expect(journal).to_contain_text(sensitive_marker)  # the counsellor reads it (and it is logged)
    expect(journal).to_contain_text("Confidentiel : Santé")
    snap(page, "cip", "support-page")

    # d. A PMSMP of one month and a few days: refused, nothing recorded; then 2 weeks: accepted.
    follow(page, page.get_by_role("navigation", name="Fil d'Ariane").get_by_role("link", name=str(person)))
    immersions_before = Immersion.objects.filter(person=person).count()
    start = today + datetime.timedelta(days=45)
    too_late = start + datetime.timedelta(days=35)
    end = start + datetime.timedelta(days=11)
    follow(page, card(page, "Immersions en entreprise (PMSMP)").get_by_role("link", name="Nouvelle PMSMP"))
    expect(page.locator("h1")).to_have_text(f"Nouvelle PMSMP pour {person}")
    field(page, "Structure d'accueil").select_option(label=HOST)
    field(page, "Objectif (un seul)").select_option(label="Confirmer un projet professionnel")
    field(page, "Métier observé (code ROME)").select_option(label=str(RomeJob.objects.get(code="A1203")))
    field(page, "Activités confiées ou observées").fill("Tonte, taille de haies, plantations.")
    field(page, "Lieu de la période").fill("12 avenue de l'Europe, 34970 Lattes")
    field(page, "Début").fill(start.isoformat())
    field(page, "Fin").fill(too_late.isoformat())
    field(page, "Horaires de la semaine").fill("Du lundi au vendredi, 8 h – 12 h et 13 h – 16 h.")
    field(page, "Durée totale (heures)").fill("70")
    field(page, "Le CDDI pendant la période").select_option(label="Le CDDI se poursuit (salaire maintenu par l'ACI)")
    field(page, "Tuteur ou tutrice").fill("Sébastien Roques")
    field(page, "Fonction du tuteur").fill("Chef d'équipe")
    submit(page, "Enregistrer la PMSMP")
    expect(page.locator("h1")).to_have_text(f"Nouvelle PMSMP pour {person}")
    refusal = page.locator("main .invalid-feedback, main .alert-danger")
    expect(refusal.first).to_contain_text("Une PMSMP dure au plus 1 mois, de date à date (D5135-3)")
    expect(refusal.first).to_contain_text(f"commencée le {start:%d/%m/%Y}")
    snap(page, "cip", "pmsmp-refused")
    assert Immersion.objects.filter(person=person).count() == immersions_before
    # The form kept what was typed: only the end date is corrected.
    expect(field(page, "Tuteur ou tutrice")).to_have_value("Sébastien Roques")
    field(page, "Fin").fill(end.isoformat())
    submit(page, "Enregistrer la PMSMP")
    expect(page.locator("main")).to_contain_text("La PMSMP est enregistrée.")
    expect(page.locator("main")).to_contain_text(HOST)
    assert Immersion.objects.filter(person=person).count() == immersions_before + 1
    snap(page, "cip", "pmsmp-accepted")
    convention = download_pdf(page, page.get_by_role("link", name="Convention (PDF)"))
    assert HOST in convention, convention[:500]
    follow(page, page.get_by_role("navigation", name="Fil d'Ariane").get_by_role("link", name=str(person)))
    immersions = card(page, "Immersions en entreprise (PMSMP)")
    expect(immersions).to_contain_text(f"{HOST} · du {start:%d/%m/%Y} au {end:%d/%m/%Y}")

    # e. A training, over, with its result.
    training = f"CACES R482 catégorie A – session {suffix}"
    t_start, t_end = today - datetime.timedelta(days=20), today - datetime.timedelta(days=18)
    follow(page, card(page, "Formations et qualification").get_by_role("link", name="Ajouter une formation"))
    expect(page.locator("h1")).to_have_text(f"Nouvelle formation pour {person}")
    field(page, "Intitulé").fill(training)
    field(page, "Type de formation").select_option(label="CACES")
    field(page, "Organisme de formation").fill("AFTRAL Montpellier")
    field(page, "Financeur").select_option(label="OPCO")
    field(page, "Début").fill(t_start.isoformat())
    field(page, "Fin").fill(t_end.isoformat())
    field(page, "Durée (heures)").fill("21")
    field(page, "Certification visée").fill("CACES R482 A")
    field(page, "Résultat").select_option(label="Réussie")
    field(page, "Date du résultat").fill((today - datetime.timedelta(days=10)).isoformat())
    snap(page, "cip", "training-form")
    submit(page, "Enregistrer")
    expect(page.locator("main")).to_contain_text("La formation est enregistrée.")
    trainings = card(page, "Formations et qualification")
    expect(trainings.locator("li").filter(has_text=training)).to_contain_text("Réussie")
    expect(trainings.locator("li").filter(has_text=training)).to_contain_text(
        f"du {t_start:%d/%m/%Y} au {t_end:%d/%m/%Y} · 21 h · AFTRAL Montpellier"
    )

    # f. The exit review, signed, and its PDF.
    reviews = card(page, "Bilans du parcours")
    follow(page, reviews.get_by_role("link", name="Bilan de sortie", exact=True))
    expect(page.locator("h1")).to_have_text(f"Nouveau bilan – {person}")
    expect(field(page, "Type de bilan")).to_have_value("exit")
    field(page, "Date du bilan").fill(today.isoformat())
    field(page, "Projet professionnel").fill("Agent d'entretien des espaces verts en collectivité, CACES en poche.")
    field(page, "Métiers visés (codes ROME)").fill("A1203")
    field(page, "Prochaines étapes").fill("Candidatures auprès des communes de la métropole.")
    snap(page, "cip", "exit-review-form")
    submit(page, "Enregistrer")
    expect(page.locator("main")).to_contain_text(f"Le bilan de {person} est enregistré. Il reste à le signer.")
    follow(page, reviews.get_by_role("link", name=f"Bilan de sortie du {today:%d/%m/%Y}"))
    expect(page.locator("h1")).to_have_text(f"Bilan de sortie du {today:%d/%m/%Y}")
    submit(page, "Signer le bilan")
    expect(page.locator("main")).to_contain_text("Le bilan est signé : il ne peut plus être modifié.")
    expect(page.locator("h1 + p .badge")).to_have_text("signé")
    snap(page, "cip", "exit-review-signed")
    review_text = download_pdf(page, page.get_by_role("link", name="PDF", exact=True))
    assert "sortie" in review_text.lower(), review_text[:500]
    # The counsellor's copy lists the obstacles, the justice one included (a logged read).
    assert justice_marker in review_text, review_text[:1500]

    # g. The skills certificate, from the person page.
    follow(page, page.get_by_role("navigation", name="Fil d'Ariane").get_by_role("link", name=str(person)))
    certificate = download_pdf(page, card(page, "Compétences").get_by_role("link", name="Attestation de compétences"))
    assert sensitive_marker not in certificate and justice_marker not in certificate
    snap(page, "cip", "person-after")
    assert browser_page.csp_violations() == [], browser_page.console_errors

    # === The supervisor ======================================================================
    supervisor_page = new_page()
    page = login(supervisor_page, SUPERVISOR)
    expect(page.locator("h1")).to_contain_text("Bonjour Paul")
    open_person(page)
    main = page.locator("main")
    expect(card(page, "Mesures de justice")).to_have_count(0)
    expect(main).not_to_contain_text("Mesure de justice")
    expect(main).not_to_contain_text("travail d'intérêt général")
    expect(main).not_to_contain_text("SPIP")
    expect(main).not_to_contain_text(sensitive_marker)
    expect(main).to_contain_text(training)  # the page is the one the counsellor filled
    snap(page, "encadrant", "person")

    # The support page: the ordinary note, not the sensitive one nor the justice obstacle.
    follow(page, card(page, "Accompagnement").get_by_role("link", name="Voir l'accompagnement"))
    expect(page.locator("h1")).to_have_text(f"Accompagnement de {person_name}")
    journal = card(page, "Journal des entretiens")
    expect(journal).to_contain_text(ordinary_marker)
    expect(journal).to_contain_text("Note confidentielle")
    expect(main).not_to_contain_text(sensitive_marker)
    expect(main).not_to_contain_text("suivi médical")
    expect(main).not_to_contain_text(justice_marker)
    expect(card(page, "Freins : évolution")).to_contain_text("Compétences numériques")
    expect(page.get_by_role("link", name="Réévaluer les freins")).to_have_count(0)
    snap(page, "encadrant", "support-page")
    # The justice measure itself answers the 404 page.
    response = page.goto(demo.url(f"/mesures-justice/{measure.pk}/"))
    assert response.status == 404, response.status
    expect(page.locator("h1")).to_have_text("Page introuvable")
    page.go_back()

    # The exit review: readable, and its PDF has no obstacle line for a supervisor.
    follow(page, page.get_by_role("navigation", name="Fil d'Ariane").get_by_role("link", name=str(person)))
    follow(page, card(page, "Bilans du parcours").get_by_role("link", name=f"Bilan de sortie du {today:%d/%m/%Y}"))
    expect(main).not_to_contain_text("Freins à l'emploi")
    expect(main).not_to_contain_text(justice_marker)
    review_text = download_pdf(page, page.get_by_role("link", name="PDF", exact=True))
    assert "Freins à l'emploi" not in review_text and justice_marker not in review_text, review_text[:1500]

    # The skills evaluation.
    follow(page, page.get_by_role("navigation", name="Fil d'Ariane").get_by_role("link", name=str(person)))
    follow(page, card(page, "Compétences").get_by_role("link", name="Évaluer"))
    expect(page.locator("h1")).to_have_text(f"Nouvelle évaluation des compétences – {person}")
    expect(field(page, "Date de l'évaluation")).to_have_value(today.isoformat())
    levels = page.locator("form table select")
    assert levels.count() >= 4, levels.count()
    for index, value in enumerate(("3", "4", "2", "3")):
        levels.nth(index).select_option(value=value)
    evaluation_comment = f"Autonome sur la tondeuse. EVAL-{suffix}"
    field(page, "Commentaire").fill(evaluation_comment)
    snap(page, "encadrant", "evaluation-form")
    submit(page, "Enregistrer l'évaluation")
    expect(page.locator("h1")).to_have_text(f"{FIRST_NAME} {LAST_NAME.upper()}")
    expect(page.locator("main")).to_contain_text(f"L'évaluation des compétences de {person} est enregistrée.")
    skills = card(page, "Compétences")
    expect(skills.get_by_role("link", name=f"{today:%d/%m/%y}")).to_be_visible()
    snap(page, "encadrant", "person-evaluated")
    follow(page, skills.get_by_role("link", name=f"{today:%d/%m/%y}"))
    expect(page.locator("main")).to_contain_text(evaluation_comment)
    assert supervisor_page.csp_violations() == [], supervisor_page.console_errors

    # === The director: the log of sensitive reads ============================================
    director_page = new_page()
    page = login(director_page, DIRECTOR)
    nav = main_nav(page)
    if nav.get_by_role("button", name="Gestion").count():  # the items grouped in drop-down menus
        nav.get_by_role("button", name="Gestion").click()
    follow(page, nav.get_by_role("link", name="Journal d'audit", exact=True))
    follow(page, page.get_by_role("link", name="lectures de données sensibles"))
    expect(page.locator("h1")).to_have_text("Lectures de données sensibles")
    rows = page.get_by_role("row").filter(has_text="Karim Benali").filter(has_text=str(person))
    note_read = rows.filter(has_text=f"Note d'entretien du {today:%d/%m/%Y}")
    expect(note_read.first).to_be_visible()
    expect(note_read.first).to_contain_text("Conseiller·ère en insertion (CIP)")
    expect(rows.filter(has_text=f"Mesure de justice du {measure.ordered_on:%d/%m/%Y}").first).to_be_visible()
    expect(rows.filter(has_text="Frein (catégorie sensible) de l'évaluation du").first).to_be_visible()
    # The supervisor read nothing sensitive; the log names no content.
    expect(page.get_by_role("row").filter(has_text="Paul Girard")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text(sensitive_marker)
    snap(page, "direction", "sensitive-reads")
    assert director_page.csp_violations() == [], director_page.console_errors
