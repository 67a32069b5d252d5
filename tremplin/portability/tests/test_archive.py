"""The archive of an ACI: every model is archived or left out on purpose, and a restore into an
empty instance gives back exactly the same data (round trip on the whole demo)."""

import hashlib
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.core.tests.snapshot import seed_demo_once
from tremplin.organisations.models import Structure
from tremplin.people.nir import decrypt_nir
from tremplin.people.tests.factories import PersonFactory
from tremplin.portability.archive import (
    MEMBERSHIP,
    NOT_ARCHIVED,
    ORGANISATION,
    PARTNER,
    USER,
    archived_models,
    export_structure,
    restore_archive,
    tremplin_models,
)


def test_every_tremplin_model_is_archived_or_left_out_on_purpose():
    archived = set(archived_models()) | {ORGANISATION, USER, MEMBERSHIP, PARTNER}
    missing = {m._meta.label for m in tremplin_models()} - archived - set(NOT_ARCHIVED)
    assert not missing, f"Modèles ni archivés ni exclus (tremplin/portability/archive.py) : {sorted(missing)}"


def test_case_data_reach_the_aci_through_their_keys():
    paths = archived_models()
    assert paths["people.Person"] == "structure"
    assert paths["contracts.FollowUp"] in ("exit__contract__structure", "exit__person__structure")
    assert paths["eligibility.DiagnosisCriterion"] == "diagnosis__person__structure"


def _read(content: bytes) -> tuple[dict, zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return json.loads(archive.read("data.json")), archive


def canonical(content: bytes) -> dict:
    """The archive without its ids: each id becomes the rank of the row in its model, each file
    its SHA-256, so that two instances holding the same data give the same result."""
    data, archive = _read(content)
    rank = {label: {row["id"]: index for index, row in enumerate(rows)} for label, rows in data.items()}
    result = {}
    for label, rows in data.items():
        model = apps.get_model(label)
        relations = {
            f.name: f.related_model._meta.label
            for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
            if f.is_relation
        }
        files = {f.name for f in model._meta.concrete_fields if f.get_internal_type() == "FileField"}
        out = []
        for row in rows:
            fields = dict(row["fields"])
            for name, target in relations.items():
                if name not in fields or target not in rank:
                    continue
                value = fields[name]
                fields[name] = (
                    sorted(rank[target][v] for v in value) if isinstance(value, list) else rank[target].get(value)
                )
            for name in files:
                if fields.get(name):
                    fields[name] = hashlib.sha256(archive.read(fields[name])).hexdigest()
            out.append(fields)
        result[label] = out
    return result


@pytest.mark.slow
@pytest.mark.xdist_group("demo")  # the demo seeded once per worker and date (core/tests/snapshot.py)
def test_round_trip_of_the_demo_into_an_empty_instance(db):
    seed_demo_once()
    source = Structure.objects.get(siret="77567227200017")
    first = export_structure(source)
    counts = {label: len(rows) for label, rows in _read(first)[0].items()}
    assert counts["people.Person"] >= 20 and counts["worktime.TimesheetEntry"] > 1000
    assert all(
        counts.get(label) for label in ("support.Appointment", "immersions.Immersion", "training.TrainingAction")
    )

    if connection.vendor == "postgresql":  # the deferred checks of the rows just written, before TRUNCATE
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)  # an empty instance...
    call_command("load_reference", verbosity=0)  # ...with its reference data, as after migrate
    restored = restore_archive(first)
    second = export_structure(restored)
    assert canonical(second) == canonical(first)


def test_the_nir_travels_in_clear_and_is_encrypted_again(db, structure):
    person = PersonFactory(structure=structure, nir_encrypted="")
    from tremplin.people.nir import encrypt_nir

    person.nir_encrypted = encrypt_nir("185057800608491")
    person.save()
    content = export_structure(structure)
    row = _read(content)[0]["people.Person"][0]["fields"]
    assert row["nir"] == "185057800608491" and "nir_encrypted" not in row
    structure.siret, structure.name = "44306184100047", "Copie"
    data, archive = _read(content)
    manifest = json.loads(archive.read("manifest.json"))
    manifest["structure"]["siret"] = "44306184100047"
    data["organisations.Structure"][0]["fields"]["siret"] = "44306184100047"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        copy.writestr("manifest.json", json.dumps(manifest))
        copy.writestr("data.json", json.dumps(data))
    restored = restore_archive(buffer.getvalue())
    copy_person = restored.people.get()
    assert copy_person.pk != person.pk
    assert decrypt_nir(copy_person.nir_encrypted) == "185057800608491"


def test_restoring_an_aci_that_exists_is_refused(db, structure):
    content = export_structure(structure)
    with pytest.raises(ValidationError, match="existe déjà"):
        restore_archive(content)


def test_a_file_that_is_not_an_archive_is_refused_in_french(db):
    with pytest.raises(ValidationError, match="n'est pas une archive Tremplin"):
        restore_archive(b"PK pas du tout un zip")


def test_only_the_director_downloads_the_archive(client, make_member, structure):
    for role, status in [(Role.DIRECTOR, 200), (Role.ADMIN_STAFF, 404), (Role.COUNSELLOR, 404), (Role.FUNDER, 404)]:
        client.force_login(make_member(role, structure))
        assert client.get(reverse("portability:archive")).status_code == status, role


def test_the_people_table_never_holds_the_nir(client, director, structure):
    from tremplin.people.nir import encrypt_nir

    PersonFactory(structure=structure, last_name="Durand", nir_encrypted=encrypt_nir("185057800608491"))
    client.force_login(director)
    content = client.get(reverse("portability:table_csv", args=["personnes"])).content.decode("utf-8-sig")
    assert content.splitlines()[0].startswith("Nom;Prénom;Date de naissance")
    assert "DURAND" in content and "185057800608491" not in content and "1 85 05" not in content


def _with_rows(content: bytes, change) -> bytes:
    data, archive = _read(content)
    change(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for name in archive.namelist():
            if name != "data.json":
                copy.writestr(name, archive.read(name))
        copy.writestr("data.json", json.dumps(data))
    return buffer.getvalue()


def _moved(content: bytes, siret: str) -> bytes:
    def change(data):
        data["organisations.Structure"][0]["fields"]["siret"] = siret

    moved = _with_rows(content, change)
    data, archive = _read(moved)
    manifest = json.loads(archive.read("manifest.json"))
    manifest["structure"]["siret"] = siret
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as copy:
        for name in archive.namelist():
            copy.writestr(name, json.dumps(manifest) if name == "manifest.json" else archive.read(name))
    return buffer.getvalue()


def test_a_failed_restore_leaves_no_row_and_no_file_and_says_why_in_french(db, structure, settings, tmp_path):
    # issue 13, defect 8: the database was rolled back but the files stayed, behind a raw IntegrityError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tremplin.accounts.tests.factories import UserFactory
    from tremplin.eligibility.tests.factories import ApprovalFactory
    from tremplin.people.services import document_add

    settings.MEDIA_ROOT = tmp_path
    person = PersonFactory(structure=structure)
    ApprovalFactory(person=person)
    document_add(actor=UserFactory(), person=person, kind="cv", upload=SimpleUploadedFile("cv.pdf", b"%PDF-1.7 cv"))
    content = _moved(export_structure(structure), "44306184100047")

    def a_pass_ending_before_it_starts(data):
        # the PASS IAE are written after the documents: its check constraint fails once a file is on disk
        fields = data["eligibility.Approval"][0]["fields"]
        fields["end"] = "2000-01-01"

    broken = _with_rows(content, a_pass_ending_before_it_starts)
    files_before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    rows_before = Structure.objects.count()
    with pytest.raises(ValidationError) as refused:
        restore_archive(broken)
    # the message itself (its repr escapes the quotes differently when PostgreSQL names the constraint)
    assert "La restauration a échoué, rien n'a été importé (ni données ni fichiers)" in " ".join(refused.value.messages)
    assert Structure.objects.count() == rows_before
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()) == files_before


def test_a_restore_writes_one_audit_entry(db, structure):
    from auditlog.models import LogEntry

    restored = restore_archive(_moved(export_structure(structure), "44306184100047"))
    [entry] = [
        e for e in LogEntry.objects.filter(object_pk=str(restored.pk)) if "restored_rows" in (e.additional_data or {})
    ]
    assert entry.additional_data["restored_rows"]["organisations.Structure"] == 1
    assert "restauration d'archive" in entry.changes_dict


def test_downloading_the_archive_logs_a_sensitive_read_per_person(client, make_member, structure):
    # issue 13, defect 3: the archive holds every NIR and sensitive note in clear, unlogged
    from tremplin.audit.models import SensitiveRead

    people = [PersonFactory(structure=structure) for _ in range(3)]
    director = make_member(Role.DIRECTOR, structure)
    client.force_login(director)
    assert client.get(reverse("portability:archive")).status_code == 200
    reads = SensitiveRead.objects.filter(reader=director)
    assert sorted(reads.values_list("person_id", flat=True)) == sorted(p.pk for p in people)
    assert {read.label for read in reads} == {"Archive de l'ACI (toutes les données, NIR et notes sensibles en clair)"}
