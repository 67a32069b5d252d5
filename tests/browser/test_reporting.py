"""Issue 6, "Done when": the director of the demo ACI opens the indicators, downloads the annual
review as XLSX and PDF; the funder sees the same figures without any name."""

import io

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import nav_to

pytestmark = pytest.mark.browser

DIRECTOR = "direction@demo.tremplin.fr"
FUNDER = "financeur@demo.tremplin.fr"


def test_director_downloads_the_review_and_the_funder_sees_the_same(new_page, demo, login, screenshot, tmp_path):
    from openpyxl import load_workbook
    from pypdf import PdfReader

    page = new_page()
    login(page, DIRECTOR)
    nav_to(page, "Indicateurs")
    expect(page.get_by_role("heading", name="Indicateurs", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Sorties par catégorie")).to_be_visible()
    screenshot(page, "reporting-director-dashboard")
    headline = page.locator(".stat").first.inner_text()

    with page.expect_download() as xlsx_info:
        page.get_by_role("link", name="Bilan XLSX").click()
    xlsx_path = tmp_path / "bilan.xlsx"
    xlsx_info.value.save_as(xlsx_path)
    sheet = load_workbook(xlsx_path).active
    values = {row[4]: row[2] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert str(values["headcount"]) == headline

    with page.expect_download() as pdf_info:
        page.get_by_role("link", name="Bilan PDF").click()
    pdf_path = tmp_path / "bilan.pdf"
    pdf_info.value.save_as(pdf_path)
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_path.read_bytes())).pages).split())
    assert "Taux de sorties dynamiques" in pdf_text

    page.get_by_label("Bilan détaillé par ACI, préparé en arrière-plan").select_option("xlsx")
    page.get_by_role("button", name="Préparer le bilan").click()
    expect(page.get_by_text("Le bilan est prêt.")).to_be_visible()  # tests run tasks at once
    screenshot(page, "reporting-background-review")
    with page.expect_download() as report_info:
        page.get_by_role("link", name="Télécharger").click()
    assert report_info.value.suggested_filename.endswith(".xlsx")
    page.goto(demo.url("/indicateurs/"))

    page.get_by_role("link", name="Liste RSA pour le Département").click()
    expect(page.get_by_role("heading", name="Co-financement du Département (RSA)")).to_be_visible()
    expect(page.get_by_role("cell", name="Total")).to_be_visible()
    screenshot(page, "reporting-rsa-list")

    funder_page = new_page()
    login(funder_page, FUNDER)
    nav_to(funder_page, "Indicateurs")
    expect(funder_page.locator(".stat").first).to_have_text(headline)
    body = funder_page.locator("main").inner_text()
    assert "Diallo" not in body and "Amina" not in body  # a demo employee: never named to a funder
    screenshot(funder_page, "reporting-funder-dashboard")
