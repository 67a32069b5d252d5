"""The dashboard, the annual review as XLSX and PDF: the same figures as a hand computation, the
same for the funder (without any name), nothing for the other roles."""

import html
import io
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
from tremplin.conftest import give_second_factor
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.funding.tests.factories import FinancialAnnexFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.worktime.tests.factories import TimesheetEntryFactory

PERIOD = {"du": "2025-01-01", "au": "2025-01-31"}


def text(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2025, 6, 15), tick=False):
        yield


@pytest.fixture
def figures(structure):
    """One person under contract in January 2025, 3 days of 7 h; an annex of 10 ETP."""
    FinancialAnnexFactory(convention__structure=structure, start=date(2025, 1, 1), end=date(2025, 12, 31))
    person = PersonFactory(structure=structure, last_name="Nomsecret")
    contract = ContractFactory(person=person, start=date(2024, 10, 1), initial_end=date(2025, 9, 30))
    for day in (6, 7, 8):
        TimesheetEntryFactory(contract=contract, day=date(2025, 1, day), hours=Decimal(7))
    return structure


# Hand computation for January 2025: 21 h paid / (1 820 h x 31 / 365) = 0.1359 -> "0,14 ETP".


def test_director_reads_the_dashboard(director_client, figures):
    page = text(director_client.get(reverse("reporting:dashboard"), PERIOD))
    assert "Période du 01/01/2025 au 31/01/2025" in page
    assert "0,14 ETP" in page
    assert "10,00 ETP" in page and "21,00 h" in page
    assert 'data-chart="etp-data"' in page and 'data-chart="exits-data"' in page
    assert 'data-chart="obstacles-data"' in page and "Freins périphériques traités" in page
    assert "Nomsecret" not in page


def test_the_review_xlsx_holds_the_hand_computed_figures(director_client, figures):
    response = director_client.get(reverse("reporting:review_xlsx"), PERIOD)
    assert response.status_code == 200 and "bilan-" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {row[4]: row[2] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert values["headcount"] == 1
    assert values["etp_realised"] == pytest.approx(0.14)
    assert values["etp_conventioned"] == pytest.approx(10.0)
    assert values["hours_paid"] == pytest.approx(21.0)
    assert values["dynamic_exit_rate"] is None  # no exit: no rate, not 0


def test_the_review_csv_reads_the_same_in_french_conventions(director_client, figures):
    import csv

    response = director_client.get(reverse("reporting:review_csv"), PERIOD)
    assert response["Content-Type"] == "text/csv; charset=utf-8" and ".csv" in response["Content-Disposition"]
    text_ = response.content.decode("utf-8")
    assert text_.startswith("\ufeffRubrique;Indicateur;Valeur;Unité;Nom stable")
    values = {row[4]: row[2] for row in csv.reader(io.StringIO(text_.lstrip("\ufeff")), delimiter=";")}
    assert (values["headcount"], values["etp_realised"], values["hours_paid"]) == ("1", "0,14", "21,00")
    assert values["dynamic_exit_rate"] == ""
    assert "Nomsecret" not in text_


def test_the_review_pdf_reads_the_same(director_client, figures):
    response = director_client.get(reverse("reporting:review_pdf"), PERIOD)
    assert response["Content-Type"] == "application/pdf"
    content = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages).split())
    content = content.replace("\u202f", " ").replace("\xa0", " ")
    assert "Période du 01/01/2025 au 31/01/2025" in content
    assert "ETP réalisés 0,14 ETP" in content and "Heures rémunérées 21,00 h" in content
    assert "Nomsecret" not in content


def test_the_funder_sees_the_same_figures_and_no_name(client, make_member, figures):
    client.force_login(make_member(Role.FUNDER, figures))
    page = text(client.get(reverse("reporting:dashboard"), PERIOD))
    assert "10,00 ETP" in page and "21,00 h" in page and "Nomsecret" not in page
    assert "Périmètre" not in page  # no consolidation for a funder


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.PRESCRIBER])
def test_other_roles_get_no_indicators(client, make_member, structure, role):
    client.force_login(make_member(role, structure))
    for name in ("reporting:dashboard", "reporting:review_xlsx", "reporting:review_csv", "reporting:review_pdf"):
        assert client.get(reverse(name)).status_code == 404


def test_a_reversed_or_malformed_period_is_said_in_french(director_client, figures):
    page = text(director_client.get(reverse("reporting:dashboard"), {"du": "2025-03-01", "au": "2025-02-01"}))
    assert "La fin de la période (01/02/2025) précède son début (01/03/2025)" in page
    assert "Période du 01/01/2025 au 15/06/2025" in page  # the default period
    page = text(director_client.get(reverse("reporting:dashboard"), {"du": "32/13/2025"}))
    assert "La date « 32/13/2025 » n'est pas une date valide" in page


def test_the_director_of_the_organisation_consolidates_its_aci(client, figures):
    second = StructureFactory(organisation=figures.organisation, name="Second ACI")
    FinancialAnnexFactory(convention__structure=second, start=date(2025, 1, 1), end=date(2025, 12, 31))
    user = UserFactory()
    MembershipFactory(user=user, role=Role.DIRECTOR, structure=None, organisation=figures.organisation)
    give_second_factor(user)
    client.force_login(user)
    page = text(client.get(reverse("reporting:dashboard"), {**PERIOD, "perimetre": "organisation"}))
    assert "(2 ACI)" in page and "20,00 ETP" in page  # 10 + 10 conventioned


def test_an_aci_director_cannot_consolidate_the_organisation(director_client, figures):
    StructureFactory(organisation=figures.organisation, name="ACI voisin")
    page = text(director_client.get(reverse("reporting:dashboard"), {**PERIOD, "perimetre": "organisation"}))
    assert "(2 ACI)" not in page and "10,00 ETP" in page


def test_dashboard_query_count_does_not_grow_with_people(director_client, figures, django_assert_max_num_queries):
    director_client.get(reverse("reporting:dashboard"), PERIOD)
    with django_assert_max_num_queries(40) as captured:
        director_client.get(reverse("reporting:dashboard"), PERIOD)
    few = len(captured)
    for index in range(5):
        person = PersonFactory(structure=figures, last_name=f"Autre{index}")
        contract = ContractFactory(person=person, start=date(2024, 12, 1), initial_end=date(2025, 6, 30))
        TimesheetEntryFactory(contract=contract, day=date(2025, 1, 10), hours=Decimal(7))
    with django_assert_max_num_queries(few):
        director_client.get(reverse("reporting:dashboard"), PERIOD)


@pytest.fixture
def rsa_people(structure):
    """Awa received RSA before hiring (contract from 15/01/2025); Bruno did not."""
    from tremplin.eligibility.enums import Criterion
    from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory

    awa = PersonFactory(structure=structure, last_name="Sow", first_name="Awa", birth_date=date(1990, 5, 4))
    EligibilityDiagnosisFactory(person=awa, made_on=date(2025, 1, 6), criteria=[Criterion.RSA])
    ContractFactory(person=awa, start=date(2025, 1, 15), initial_end=date(2025, 6, 30))
    bruno = PersonFactory(structure=structure, last_name="Petit", first_name="Bruno")
    EligibilityDiagnosisFactory(
        person=bruno, made_on=date(2025, 1, 6), criteria=[Criterion.DELD, Criterion.MOBILITY, Criterion.HOUSING]
    )
    ContractFactory(person=bruno, start=date(2025, 1, 2), initial_end=date(2025, 6, 30))
    return awa


# Hand computation, January-February 2025, RSA single person in force: 635,71 EUR (April 2024):
# January 17/31 of a month, February 28/28; 88 % x 635,71 = 559,4248 EUR a month;
# 17/31 x 559,4248 = 306,7813 + 559,4248 = 866,2061 -> "866,21 EUR"; 1 + 17/31 = 1,5484 -> "1,55".
RSA_PERIOD = {"du": "2025-01-01", "au": "2025-02-28"}


def test_the_rsa_list_for_the_departement(director_client, rsa_people):
    page = text(director_client.get(reverse("reporting:rsa_list"), RSA_PERIOD))
    assert "SOW Awa" in page and "PETIT Bruno" not in page  # as the list writes names (a staff name may be Petit)
    assert "0,55" in page and "1,00" in page  # 17/31 of January, all of February
    assert "1,55" in page and "866,21 EUR" in page
    dashboard = text(director_client.get(reverse("reporting:dashboard"), RSA_PERIOD))
    assert "1,5 mois" in dashboard and "866,21 EUR" in dashboard  # the indicators say the same


def test_the_rsa_list_as_xlsx(director_client, rsa_people):
    response = director_client.get(reverse("reporting:rsa_xlsx"), RSA_PERIOD)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0] == ("Nom", "Prénom", "Date de naissance", "01/2025", "02/2025", "Mois", "Montant (EUR)")
    assert rows[1] == ("SOW", "Awa", "04/05/1990", 0.55, 1.0, 1.55, 866.21)
    assert rows[-1][0] == "TOTAL" and rows[-1][-1] == 866.21


@pytest.mark.parametrize("role", [Role.FUNDER, Role.COUNSELLOR, Role.SUPERVISOR])
def test_the_named_rsa_list_is_for_direction_and_hr_only(client, make_member, structure, rsa_people, role):
    client.force_login(make_member(role, structure))
    assert client.get(reverse("reporting:rsa_list")).status_code == 404
    assert client.get(reverse("reporting:rsa_xlsx")).status_code == 404


def test_hr_reads_the_rsa_list(client, make_member, structure, rsa_people):
    client.force_login(make_member(Role.ADMIN_STAFF, structure))
    assert "SOW Awa" in text(client.get(reverse("reporting:rsa_list"), RSA_PERIOD))


def test_a_review_built_in_the_background_shows_its_progress_then_its_file(
    client, figures, django_capture_on_commit_callbacks
):
    """Tests run tasks at once (ImmediateBackend): the request is built when it is committed."""
    from tremplin.reporting.models import ReportRequest, ReportStatus

    second = StructureFactory(organisation=figures.organisation, name="Second ACI")
    FinancialAnnexFactory(convention__structure=second, start=date(2025, 1, 1), end=date(2025, 12, 31))
    user = UserFactory()
    MembershipFactory(user=user, role=Role.DIRECTOR, structure=None, organisation=figures.organisation)
    give_second_factor(user)
    client.force_login(user)
    url = reverse("reporting:report_create") + "?du=2025-01-01&au=2025-01-31&perimetre=organisation"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"format": "xlsx"})
    report = ReportRequest.objects.get()
    assert response.url == reverse("reporting:report_detail", args=[report.pk])
    assert report.status == ReportStatus.DONE and report.progress == 100
    page = text(client.get(response.url))
    assert "Le bilan est prêt." in page and "hx-trigger" not in page  # no more polling
    download = client.get(reverse("reporting:report_download", args=[report.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    header = [cell.value for cell in sheet[4]]
    assert header[5:] == ["Second ACI", figures.name]  # by name
    etp = next(row for row in sheet.iter_rows(min_row=5, values_only=True) if row[4] == "etp_conventioned")
    assert etp[2] == pytest.approx(20.0) and etp[5] == pytest.approx(10.0) and etp[6] == pytest.approx(10.0)


def test_a_queued_review_polls_and_belongs_to_its_requester(client, director_client, director, make_member, figures):
    from tremplin.reporting.models import ReportRequest

    report = ReportRequest.objects.create(
        requested_by=director, structure=figures, start=date(2025, 1, 1), end=date(2025, 1, 31), file_format="pdf"
    )
    page = text(director_client.get(reverse("reporting:report_detail", args=[report.pk])))
    assert "hx-trigger" in page and "Avancement : 0 %" in page
    assert director_client.get(reverse("reporting:report_download", args=[report.pk])).status_code == 404
    client.force_login(make_member(Role.DIRECTOR, figures))  # a colleague: not theirs
    assert client.get(reverse("reporting:report_detail", args=[report.pk])).status_code == 404


def test_a_review_without_reference_figures_fails_in_french(
    director_client, figures, django_capture_on_commit_callbacks
):
    from tremplin.reference.models import AidePosteRate
    from tremplin.reporting.models import ReportRequest, ReportStatus

    AidePosteRate.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        director_client.post(reverse("reporting:report_create") + "?du=2025-01-01&au=2025-01-31", {"format": "pdf"})
    report = ReportRequest.objects.get()
    assert report.status == ReportStatus.FAILED
    assert "Aucun montant de l'aide au poste" in report.error
    assert report.error in text(director_client.get(reverse("reporting:report_detail", args=[report.pk])))


def test_the_review_reads_the_paid_hours_once(director_client, figures, django_assert_max_num_queries):
    # compute_indicators and the month-by-month chart share one PaidEtp (issue 12: it was read twice)
    with django_assert_max_num_queries(40) as captured:
        director_client.get(reverse("reporting:dashboard"), PERIOD)
    timesheet_reads = [q["sql"] for q in captured.captured_queries if 'FROM "worktime_timesheetentry"' in q["sql"]]
    paid_by_month = [sql for sql in timesheet_reads if "GROUP BY" in sql and "structure_id" in sql]
    assert len(paid_by_month) == 1, paid_by_month
