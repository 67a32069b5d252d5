"""The justice pages: who sees what (404 otherwise), the read log, the French refusals, the
query count of the list."""

import html
from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.accounts.scope import build_scope
from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
from tremplin.audit.models import SensitiveRead
from tremplin.justice.models import JusticeAttendance, JusticeMeasure, OrientationAttendance
from tremplin.justice.selectors import due_alerts
from tremplin.partners.enums import PartnerKind
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.tests.factories import ReferralFactory

from .factories import JusticeAttendanceFactory, JusticeMeasureFactory, OrientationSessionFactory, SpipFactory

NOTES = "Note confidentielle du CIP"


def text(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 6, 15), tick=False):
        yield


@pytest.fixture
def spip(structure):
    return SpipFactory(organisation=structure.organisation, name="SPIP de l'Hérault")


@pytest.fixture
def person(structure, spip):
    person = PersonFactory(structure=structure, first_name="Mehdi", last_name="Cherif")
    ReferralFactory(structure=structure, person=person, partner=spip)
    return person


@pytest.fixture
def measure(person, spip):
    measure = JusticeMeasureFactory(person=person, spip=spip, notes=NOTES, ordered_on=date(2026, 1, 15))
    for day in range(1, 11):
        JusticeAttendanceFactory(measure=measure, day=date(2026, 3, day), hours=Decimal(8))
    return measure


def login(client, make_member, structure, role):
    client.force_login(make_member(role, structure))
    return client


def prescriber_client(client, structure, partner):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.PRESCRIBER, structure=structure, partner=partner)
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.DIRECTOR])
def test_staff_who_may_read_the_measure_and_each_read_is_logged(client, make_member, structure, measure, role):
    client = login(client, make_member, structure, role)
    url = reverse("justice:detail", args=[measure.pk])
    page = text(client.get(url))
    assert "80 h sur 140 h" in page and "<progress" in page and NOTES in page
    assert 'style="' not in page
    assert SensitiveRead.objects.count() == 1
    client.get(url)
    reads = SensitiveRead.objects.filter(record_type="justice.JusticeMeasure", record_id=measure.pk)
    assert reads.count() == 2
    assert reads.first().label == "Mesure de justice du 15/01/2026" and reads.first().reader_role == role
    person_page = text(client.get(reverse("people:detail", args=[measure.person.pk])))
    assert "Mesures de justice" in person_page and "Mesure de justice : TIG" in person_page
    assert SensitiveRead.objects.count() == 3


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN_STAFF, Role.FUNDER])
def test_other_staff_and_funders_get_404_and_no_trace(client, make_member, structure, measure, role):
    client = login(client, make_member, structure, role)
    session = OrientationSessionFactory(structure=structure)
    urls = [
        reverse("justice:list"),
        reverse("justice:detail", args=[measure.pk]),
        reverse("justice:update", args=[measure.pk]),
        reverse("justice:attendance_create", args=[measure.pk]),
        reverse("justice:create", args=[measure.person.pk]),
        reverse("justice:session_list"),
        reverse("justice:session_detail", args=[session.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"day": "2026-06-01", "hours": "7"}).status_code == 404, url
    assert JusticeAttendance.objects.count() == 10
    if role != Role.FUNDER:
        response = client.get(reverse("people:detail", args=[measure.person.pk]))
        assert response.status_code == 200
        page = text(response)
        for hidden in ("Mesures de justice", "Mesure de justice", "TIG", "SPIP de l'Hérault", NOTES):
            assert hidden not in page
    assert not SensitiveRead.objects.exists()


def test_the_spip_that_referred_reads_without_writing(client, structure, spip, measure):
    client = prescriber_client(client, structure, spip)
    page = text(client.get(reverse("justice:list")))
    assert "Mehdi C." in page and "CHERIF" not in page
    page = text(client.get(reverse("justice:detail", args=[measure.pk])))
    assert "80 h sur 140 h" in page and "Mehdi C." in page
    assert NOTES not in page and "Saisir des heures" not in page and "Modifier" not in page
    assert SensitiveRead.objects.filter(reader_role=Role.PRESCRIBER).count() == 2
    for url in (
        reverse("justice:update", args=[measure.pk]),
        reverse("justice:attendance_create", args=[measure.pk]),
        reverse("justice:create", args=[measure.person.pk]),
        reverse("justice:session_list"),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"day": "2026-06-01", "hours": "7", "activity": "tig_work"}).status_code == 404
    assert JusticeAttendance.objects.count() == 10
    assert client.get(reverse("people:detail", args=[measure.person.pk])).status_code == 404


def test_another_prescriber_gets_404(client, structure, person, measure):
    france_travail = PartnerFactory(organisation=structure.organisation, kind=PartnerKind.FRANCE_TRAVAIL)
    ReferralFactory(structure=structure, person=person, partner=france_travail)
    client = prescriber_client(client, structure, france_travail)
    assert client.get(reverse("justice:list")).status_code == 404
    assert client.get(reverse("justice:detail", args=[measure.pk])).status_code == 404
    assert not SensitiveRead.objects.exists()


def test_a_spip_that_did_not_refer_the_person_gets_404(client, structure, measure):
    other_spip = SpipFactory(organisation=structure.organisation, name="SPIP du Gard")
    client = prescriber_client(client, structure, other_spip)
    assert "Mehdi" not in text(client.get(reverse("justice:list")))
    assert client.get(reverse("justice:detail", args=[measure.pk])).status_code == 404
    assert not SensitiveRead.objects.exists()


def test_the_counsellor_of_another_aci_gets_404(client, make_member, other_structure, measure):
    client = login(client, make_member, other_structure, Role.COUNSELLOR)
    assert client.get(reverse("justice:detail", args=[measure.pk])).status_code == 404
    assert "Mehdi" not in text(client.get(reverse("justice:list")))


def test_counsellor_records_a_tig_with_its_default_deadline(client, make_member, structure, person, spip):
    client = login(client, make_member, structure, Role.COUNSELLOR)
    url = reverse("justice:create", args=[person.pk])
    form = {"kind": "tig", "offence": "contravention", "ordered_on": "2026-05-04", "hours_ordered": "121"}
    response = client.post(url, form | {"spip": spip.pk})
    assert "Un TIG est de 20 à 120 heures pour une contravention : 121 h est refusé" in text(response)
    assert 'value="121"' in text(response)
    response = client.post(url, form | {"spip": spip.pk, "hours_ordered": "120"}, follow=True)
    assert "La mesure de justice est enregistrée." in text(response)
    measure = JusticeMeasure.objects.get()
    assert measure.deadline == date(2027, 11, 3)


def test_counsellor_records_hours_the_french_way(client, make_member, structure, measure):
    client = login(client, make_member, structure, Role.COUNSELLOR)
    url = reverse("justice:attendance_create", args=[measure.pk])
    response = client.post(url, {"day": "2026-06-13", "hours": "3,5", "activity": "tig_work"}, follow=True)
    assert "Les heures sont enregistrées." in text(response) and "83,5 h sur 140 h" in text(response)
    response = client.post(url, {"day": "2026-06-16", "hours": "3", "activity": "tig_work"})
    assert "Les heures sont saisies une fois faites : le 16/06/2026 est dans le futur." in text(response)
    response = client.post(url, {"day": "2026-03-01", "hours": "2,5", "activity": "tig_work"})
    assert "10 heures par jour au plus" in text(response)


def test_counsellor_updates_the_measure(client, make_member, structure, measure, spip):
    client = login(client, make_member, structure, Role.COUNSELLOR)
    url = reverse("justice:update", args=[measure.pk])
    assert NOTES in text(client.get(url))
    form = {
        "offence": "delit",
        "ordered_on": "2026-01-15",
        "hours_ordered": "140",
        "deadline": "2026-12-31",
        "spip": spip.pk,
        "status": "interrupted",
        "referent_name": "Camille Vidal",
        "notes": "Incarcération",
    }
    response = client.post(url, form, follow=True)
    assert "La mesure est mise à jour." in text(response)
    measure.refresh_from_db()
    assert measure.deadline == date(2026, 12, 31) and measure.status == "interrupted"


def test_sessions_record_presence_and_add_hours(client, make_member, structure, measure):
    client = login(client, make_member, structure, Role.COUNSELLOR)
    response = client.post(
        reverse("justice:session_list"),
        {
            "kind": "soa",
            "day": "2026-06-11",
            "title": "SOA mobilisation vers l'emploi",
            "place": "Salle de formation",
            "facilitator": "Léa Fournier",
            "hours": "3",
        },
        follow=True,
    )
    assert "La session est enregistrée." in text(response)
    session_url = response.redirect_chain[-1][0]
    response = client.post(session_url, {"measure": measure.pk, "presence": "present"}, follow=True)
    assert "La présence est enregistrée." in text(response)
    assert "83 h sur 140 h" in text(client.get(reverse("justice:detail", args=[measure.pk])))
    client.post(session_url, {"change": "1", "measure": measure.pk, "presence": "absent"})
    assert OrientationAttendance.objects.get().presence == "absent"
    assert "80 h sur 140 h" in text(client.get(reverse("justice:detail", args=[measure.pk])))
    assert "SOA mobilisation vers l'emploi" in text(client.get(reverse("justice:session_list")))


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("justice:list")).status_code == 200
    return len(queries)


def test_list_query_count_is_pinned(client, make_member, structure, measure, spip, django_assert_max_num_queries):
    client = login(client, make_member, structure, Role.COUNSELLOR)
    _list_queries(client)  # the first request of the session also saves the session
    one = _list_queries(client)
    for _ in range(3):
        other = JusticeMeasureFactory(person=PersonFactory(structure=structure), spip=spip)
        JusticeAttendanceFactory(measure=other, day=date(2026, 3, 2))
    # The same queries, plus one insert in the read log per person shown.
    assert _list_queries(client) == one + 3
    with django_assert_max_num_queries(9):
        page = text(client.get(reverse("justice:list")))
    assert page.count("<progress") == 4


def test_alerts_for_counsellors_only_at_60_days(make_member, structure, person, spip):
    near = JusticeMeasureFactory(person=person, spip=spip, ordered_on=date(2025, 2, 16))  # deadline 15/08/2026
    JusticeMeasureFactory(person=person, spip=spip, ordered_on=date(2025, 2, 17))  # deadline 16/08/2026: 62 days
    done = JusticeMeasureFactory(person=person, spip=spip, ordered_on=date(2025, 2, 1), hours_ordered=20)
    JusticeAttendanceFactory(measure=done, day=date(2026, 1, 5), hours=Decimal(10))
    JusticeAttendanceFactory(measure=done, day=date(2026, 1, 6), hours=Decimal(10))
    counsellor = build_scope(make_member(Role.COUNSELLOR, structure), None)
    with time_machine.travel(date(2026, 6, 16), tick=False):
        alerts = due_alerts(counsellor, today=date(2026, 6, 16))
    assert [alert.url_pk for alert in alerts] == [near.pk]
    assert alerts[0].message == "140 h de TIG restent à faire sur 140 h, avant le 15/08/2026."
    for role in (Role.SUPERVISOR, Role.ADMIN_STAFF, Role.FUNDER):
        assert due_alerts(build_scope(make_member(role, structure), None), today=date(2026, 6, 16)) == []
