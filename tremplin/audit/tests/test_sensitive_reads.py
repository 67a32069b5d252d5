"""The log of sensitive reads: one row per record shown, no content in it, a director's page
scoped to their ACI, append-only through the services, purged after a year."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import build_scope
from tremplin.audit.models import SensitiveRead
from tremplin.audit.services import sensitive_read_record, sensitive_reads_purge
from tremplin.people.tests.factories import PersonFactory

READS = reverse("audit:sensitive_reads")


def record(user, person, label="Note d'entretien du 12/03/2026"):
    scope = build_scope(user, None)
    return sensitive_read_record(scope=scope, person=person, records=[person], label=lambda _record: label)


def test_a_read_is_logged_with_reader_role_person_and_label_only(make_member, structure):
    counsellor = make_member(Role.COUNSELLOR, structure)
    person = PersonFactory(structure=structure)
    assert record(counsellor, person) == 1
    read = SensitiveRead.objects.get()
    assert (read.reader, read.reader_role, read.structure, read.person) == (counsellor, "counsellor", structure, person)
    assert (read.record_type, read.record_id, read.label) == (
        "people.Person",
        person.pk,
        "Note d'entretien du 12/03/2026",
    )


def test_the_director_sees_the_reads_of_their_aci_only(client, director, make_member, structure, other_structure):
    counsellor = make_member(Role.COUNSELLOR, structure)
    record(counsellor, PersonFactory(structure=structure, last_name="Dupuis"), label="Note du 01/02/2026")
    elsewhere = make_member(Role.COUNSELLOR, other_structure)
    record(elsewhere, PersonFactory(structure=other_structure, last_name="Ailleurs"), label="Note SENTINELLE")
    client.force_login(director)
    page = client.get(READS).content.decode()
    assert "Note du 01/02/2026" in page and "Dupuis" in page
    assert "SENTINELLE" not in page and "Ailleurs" not in page


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF, Role.PRESCRIBER, Role.FUNDER])
def test_only_a_director_reads_the_log(client, make_member, structure, role):
    client.force_login(make_member(role, structure))
    assert client.get(READS).status_code == 404


def test_filter_by_reader(client, director, make_member, structure):
    first, second = make_member(Role.COUNSELLOR, structure), make_member(Role.COUNSELLOR, structure)
    person = PersonFactory(structure=structure)
    record(first, person, label="Lu par la première")
    record(second, person, label="Lu par le second")
    client.force_login(director)
    page = client.get(READS, {"reader": first.pk}).content.decode()
    assert "Lu par la première" in page and "Lu par le second" not in page


def test_reads_older_than_a_year_are_purged(make_member, structure):
    counsellor = make_member(Role.COUNSELLOR, structure)
    person = PersonFactory(structure=structure)
    with time_machine.travel(datetime(2025, 11, 30, 10, tzinfo=timezone.get_current_timezone()), tick=False):
        record(counsellor, person, label="ancienne")
    with time_machine.travel(datetime(2025, 12, 2, 10, tzinfo=timezone.get_current_timezone()), tick=False):
        record(counsellor, person, label="récente")
    now = datetime(2026, 12, 1, 12, tzinfo=timezone.get_current_timezone())
    assert sensitive_reads_purge(now=now) == 1
    assert list(SensitiveRead.objects.values_list("label", flat=True)) == ["récente"]
    assert now - SensitiveRead.objects.get().read_at < timedelta(days=365)
