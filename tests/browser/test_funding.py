"""Issue 5 (FTE against the annex) and the funding pages of issue 6, in Chromium: the director
sees the ETP of the annex with its projection on the home page, records an amendment, and
downloads the summary of a chantier for its client as a PDF."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import nav_to

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # long journeys: make test-slow and CI

DIRECTOR = "direction@demo.tremplin.fr"


def test_director_follows_the_annex_and_prints_a_chantier_summary(page, demo, login, screenshot, tmp_path):
    from pypdf import PdfReader

    login(page, DIRECTOR)
    expect(page.get_by_role("heading", name="ETP de l'annexe ACI034")).to_be_visible()
    expect(page.get_by_text("Projection à la fin de l'annexe")).to_be_visible()
    screenshot(page, "funding-director-home")

    nav_to(page, "Financements")
    expect(page.get_by_role("heading", name="Conventions et financements")).to_be_visible()
    expect(page.get_by_role("cell", name="Formations pré-qualifiantes")).to_be_visible()
    screenshot(page, "funding-home")

    page.get_by_role("link", name="Nouvelle convention").click()
    page.get_by_label("Référence de la convention").fill("DDETS34-ESSAI")
    page.locator("input[name=start]").fill("2026-01-01")
    page.locator("input[name=end]").fill("2030-12-31")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Une convention dure au plus 3 ans")).to_be_visible()
    expect(page.get_by_label("Référence de la convention")).to_have_value("DDETS34-ESSAI")
    screenshot(page, "funding-convention-refused")

    page.goto(demo.url("/financements/"))
    page.get_by_role("link", name="ACI034").first.click()
    page.get_by_role("link", name="Enregistrer un avenant").click()
    page.get_by_label("En vigueur à partir du").fill(f"{page.evaluate('new Date().getFullYear()')}-07-01")
    page.get_by_label("Nouveaux ETP conventionnés").fill("13,5")
    page.get_by_label("Motif").fill("Dialogue de gestion")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("L'avenant est enregistré")).to_be_visible()
    expect(page.get_by_role("cell", name="13,50")).to_be_visible()
    screenshot(page, "funding-annex-detail")

    nav_to(page, "Ateliers et chantiers")
    page.get_by_role("link", name="Berges du Lez").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Synthèse PDF pour le client").click()
    path = tmp_path / "synthese.pdf"
    download_info.value.save_as(path)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    assert "Montpellier Méditerranée Métropole" in text
    assert "heures de travail réalisées" in text
