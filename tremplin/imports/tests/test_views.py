import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.imports.enums import ImportKind, ImportStatus
from tremplin.imports.models import ImportBatch
from tremplin.people.models import Person

from .factories import ImportBatchFactory
from .files import PEOPLE_HEADER, csv_bytes, upload

LEA = ["Martin", "Léa", "15/03/1990", "F", "lea@example.org", "", ""]
BROKEN = ["Roux", "Zoé", "31/02/1990", "F", "", "", ""]


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


@pytest.fixture
def login(client, make_member, structure):
    def as_role(role):
        client.force_login(make_member(role, structure))
        return client

    return as_role


def post_file(client, rows, kind=ImportKind.PEOPLE_REFERRALS):
    content = csv_bytes([PEOPLE_HEADER, *rows], bom=True)
    return client.post(reverse("imports:create"), {"kind": kind, "file": upload(content, "candidats.csv")})


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.ADMIN_STAFF, Role.COUNSELLOR])
def test_staff_who_import_reach_the_pages(client, make_member, role, structure):
    user = make_member(role, structure)
    client.force_login(user)
    batch = ImportBatchFactory(structure=structure, uploaded_by=user)
    for url in (reverse("imports:list"), reverse("imports:create"), reverse("imports:detail", args=[batch.pk])):
        assert client.get(url).status_code == 200
    assert client.get(reverse("imports:download", args=[batch.pk])).status_code == 200


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.PRESCRIBER, Role.FUNDER])
def test_other_roles_get_404(login, role, structure):
    client = login(role)
    batch = ImportBatchFactory(structure=structure)
    for name, args in (("list", []), ("create", []), ("people_template", []), ("detail", [batch.pk]),
                       ("download", [batch.pk])):  # fmt: skip
        assert client.get(reverse(f"imports:{name}", args=args)).status_code == 404, name
    assert client.post(reverse("imports:apply", args=[batch.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.ADMIN_STAFF, Role.COUNSELLOR])
def test_hr_and_counsellors_see_their_own_imports_the_director_all(client, make_member, role, structure):
    colleague_batch = ImportBatchFactory(structure=structure)
    client.force_login(make_member(role, structure))
    assert client.get(reverse("imports:detail", args=[colleague_batch.pk])).status_code == 404
    client.force_login(make_member(Role.DIRECTOR, structure))
    assert client.get(reverse("imports:detail", args=[colleague_batch.pk])).status_code == 200


def test_a_counsellor_imports_people_not_hours(client, make_member, structure):
    counsellor = make_member(Role.COUNSELLOR, structure)
    client.force_login(counsellor)
    response = client.get(reverse("imports:create"))
    kinds = [value for value, _ in response.context["form"].fields["kind"].choices]
    assert kinds == [ImportKind.PEOPLE_REFERRALS, ImportKind.LES_EMPLOIS]
    hours = ImportBatchFactory(structure=structure, kind=ImportKind.TIMESHEETS, uploaded_by=counsellor)
    assert client.get(reverse("imports:detail", args=[hours.pk])).status_code == 404
    assert client.post(reverse("imports:create"), {"kind": "timesheets"}).status_code == 200  # refused by the form


def test_another_aci_gets_404(client, make_member, other_structure, structure):
    client.force_login(make_member(Role.DIRECTOR, other_structure))
    batch = ImportBatchFactory(structure=structure)
    assert client.get(reverse("imports:detail", args=[batch.pk])).status_code == 404
    assert client.get(reverse("imports:download", args=[batch.pk])).status_code == 404


def test_upload_preview_then_import(login, structure):
    client = login(Role.DIRECTOR)
    response = post_file(client, [LEA])
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("imports:detail", args=[batch.pk])
    page = client.get(response["Location"]).content.decode()
    assert "MARTIN Léa (15/03/1990)" in page
    assert "Toutes les lignes sont valides" in page
    assert not Person.objects.exists()
    response = client.post(reverse("imports:apply", args=[batch.pk]), follow=True)
    assert "Import terminé : 1 création(s), 0 mise(s) à jour, 0 ligne(s) inchangée(s)." in response.content.decode()
    assert Person.objects.get().first_name == "Léa"


def test_errors_block_the_import_unless_valid_rows_only(login, structure):
    client = login(Role.DIRECTOR)
    post_file(client, [LEA, BROKEN])
    batch = ImportBatch.objects.get()
    page = client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert "Lignes en erreur" in page
    assert "n&#x27;est pas une date" in page
    assert 'name="valid_rows_only"' in page
    response = client.post(reverse("imports:apply", args=[batch.pk]), follow=True)
    assert "ligne(s) en erreur" in response.content.decode()
    assert not Person.objects.exists()
    client.post(reverse("imports:apply", args=[batch.pk]), {"valid_rows_only": "on"})
    assert list(Person.objects.values_list("first_name", flat=True)) == ["Léa"]


def test_a_file_that_cannot_be_read_shows_the_french_error(login):
    client = login(Role.DIRECTOR)
    content = csv_bytes([["Nom"], ["Martin"]])
    response = client.post(reverse("imports:create"), {"kind": "people_referrals", "file": upload(content)})
    assert response.status_code == 200
    assert "Colonnes manquantes dans la ligne d&#x27;en-tête" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_template_csv(login):
    response = login(Role.COUNSELLOR).get(reverse("imports:people_template"))
    content = response.content.decode("utf-8-sig")
    assert content.splitlines()[0].startswith("Nom;Prénom;Date de naissance;Sexe;")
    assert "NIR" not in content


def test_the_progress_is_polled_while_busy(login, structure):
    client = login(Role.DIRECTOR)
    batch = ImportBatchFactory(structure=structure, status=ImportStatus.RUNNING, total_rows=100, rows_done=30)
    url = reverse("imports:detail", args=[batch.pk])
    response = client.get(url, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert 'hx-trigger="every 1s"' in body
    assert "30 ligne(s) sur 100 (30 %)" in body
    assert "<html" not in body
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.APPLIED)
    response = client.get(url, headers={"HX-Request": "true"})
    assert response["HX-Refresh"] == "true"


def test_history_queries_do_not_grow_with_the_imports(login, structure, django_assert_max_num_queries):
    client = login(Role.DIRECTOR)
    director = ImportBatchFactory(structure=structure).uploaded_by
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("imports:list"))
    for _ in range(15):
        ImportBatchFactory(structure=structure, uploaded_by=director, applied_by=director)
    ImportBatchFactory()  # another ACI: not listed
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("imports:list"))
    assert len(response.context["page"].object_list) == 16
