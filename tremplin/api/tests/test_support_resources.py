"""Appointments, PMSMP and trainings through the API: the services' rules as French 422s naming the
input field, the pages' roles, and the visibility of the appointment notes (decision 0012): a
sensitive note only to the CIP and the direction, never in a list, each read logged."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from tremplin.accounts.enums import Role
from tremplin.audit.models import SensitiveRead
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.immersions import rules as immersion_rules
from tremplin.immersions.tests.factories import HostCompanyFactory, ImmersionFactory
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.support import rules as support_rules
from tremplin.support.enums import Confidentiality, SensitiveTopic
from tremplin.support.tests.factories import AppointmentFactory
from tremplin.training import rules as training_rules
from tremplin.training.tests.factories import TrainingActionFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 1)
SECRET_NOTE = "Suivi en addictologie, rendez-vous au CSAPA"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure)


@pytest.fixture
def sensitive(person):
    return AppointmentFactory(
        person=person,
        held_on=date(2026, 2, 10),
        notes=SECRET_NOTE,
        confidentiality=Confidentiality.SENSITIVE,
        topic=SensitiveTopic.HEALTH,
    )


def _error(response):
    assert response.status_code == 422, response.content
    return [(e["field"], e["message"]) for e in response.json()["detail"]]


# Appointments


def test_a_counsellor_records_an_appointment_and_finds_it_in_the_journal(api_as, structure, person):
    api = api_as(Role.COUNSELLOR, structure)
    body = {"person_id": person.pk, "held_on": "2026-02-27", "kind": "phone", "duration_minutes": 20, "notes": "CV"}
    response = api.post("/appointments", body)
    assert response.status_code == 201
    created = response.json()
    assert (created["held_on"], created["kind"], created["notes"]) == ("2026-02-27", "phone", "CV")
    assert created["topic"] is None
    PersonFactory(structure=structure)  # someone else's journal stays out of the filter
    AppointmentFactory(person=PersonFactory(structure=structure))
    listed = api.get("/appointments", person_id=person.pk).json()
    assert [a["id"] for a in listed["items"]] == [created["id"]]
    assert listed["items"][0]["notes"] == "CV"


def test_an_appointment_cannot_be_dated_after_today(api_as, structure, person):
    body = {"person_id": person.pk, "held_on": "2026-03-02", "kind": "individual", "duration_minutes": 30}
    assert _error(api_as(Role.COUNSELLOR, structure).post("/appointments", body)) == [
        ("held_on", support_rules.APPOINTMENT_IN_FUTURE.format(today="01/03/2026"))
    ]


def test_a_sensitive_note_names_its_topic(api_as, structure, person):
    body = {
        "person_id": person.pk,
        "held_on": "2026-02-27",
        "kind": "individual",
        "duration_minutes": 30,
        "confidentiality": "sensitive",
    }
    assert _error(api_as(Role.COUNSELLOR, structure).post("/appointments", body)) == [
        ("topic", "Une note confidentielle indique son thème : santé, justice ou dettes.")
    ]


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.DIRECTOR])
def test_the_counsellor_and_direction_read_a_sensitive_note_and_each_read_is_logged(
    api_as, structure, person, sensitive, role
):
    api = api_as(role, structure)
    read = api.get(f"/appointments/{sensitive.pk}").json()
    assert (read["notes"], read["topic"], read["confidentiality"]) == (SECRET_NOTE, "health", "sensitive")
    log = SensitiveRead.objects.get()
    assert (log.reader_role, log.person_id, log.record_type, log.record_id) == (
        role,
        person.pk,
        "support.Appointment",
        sensitive.pk,
    )
    assert log.label == "Note d'entretien du 10/02/2026"
    api.get(f"/appointments/{sensitive.pk}")
    assert SensitiveRead.objects.count() == 2  # every read


def test_a_sensitive_note_is_never_in_a_list_so_a_list_logs_nothing(api_as, structure, person, sensitive):
    AppointmentFactory(person=person, notes="Point sur le CV")
    response = api_as(Role.COUNSELLOR, structure).get("/appointments")
    items = {a["id"]: a for a in response.json()["items"]}
    assert (items[sensitive.pk]["notes"], items[sensitive.pk]["topic"]) == (None, None)
    assert items[sensitive.pk]["confidentiality"] == "sensitive"
    assert SECRET_NOTE not in response.content.decode()
    assert "Point sur le CV" in [a["notes"] for a in items.values()]
    assert not SensitiveRead.objects.exists()


def test_a_supervisor_gets_the_line_of_a_sensitive_note_without_its_text_and_nothing_is_logged(
    api_as, structure, person, sensitive
):
    ordinary = AppointmentFactory(person=person, notes="Point sur le CV")
    api = api_as(Role.SUPERVISOR, structure)
    response = api.get(f"/appointments/{sensitive.pk}")
    assert response.status_code == 200
    line = response.json()
    assert (line["held_on"], line["duration_minutes"], line["confidentiality"]) == ("2026-02-10", 45, "sensitive")
    assert (line["notes"], line["topic"]) == (None, None)
    assert SECRET_NOTE not in response.content.decode()
    listed = api.get("/appointments")
    assert SECRET_NOTE not in listed.content.decode()
    assert {a["id"]: a["notes"] for a in listed.json()["items"]} == {sensitive.pk: None, ordinary.pk: "Point sur le CV"}
    assert not SensitiveRead.objects.exists()
    body = {"person_id": person.pk, "held_on": "2026-02-27", "kind": "individual", "duration_minutes": 30}
    assert api.post("/appointments", body).status_code == 404  # writes: direction and CIP, as on the pages


def test_hr_gets_the_journal_lines_without_any_note(api_as, structure, person, sensitive):
    ordinary = AppointmentFactory(person=person, notes="Point sur le CV")
    api = api_as(Role.ADMIN_STAFF, structure)
    assert api.get(f"/appointments/{ordinary.pk}").json()["notes"] is None
    assert [a["notes"] for a in api.get("/appointments").json()["items"]] == [None, None]
    assert not SensitiveRead.objects.exists()


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_reach_no_appointment(api_as, structure, sensitive, role):
    api = api_as(role, structure)
    assert api.get("/appointments").status_code == 404
    assert api.get(f"/appointments/{sensitive.pk}").status_code == 404
    assert not SensitiveRead.objects.exists()


def test_an_appointment_of_another_aci_is_404_and_not_logged(api_as, sensitive):
    api = api_as(Role.COUNSELLOR, StructureFactory())
    assert api.get(f"/appointments/{sensitive.pk}").status_code == 404
    assert not SensitiveRead.objects.exists()


def test_appointments_sync_on_their_creation(api_as, structure, person):
    with time_machine.travel("2026-02-01 10:00 +01:00", tick=False):
        AppointmentFactory(person=person, held_on=date(2026, 1, 30))
    with time_machine.travel("2026-02-20 10:00 +01:00", tick=False):
        recent = AppointmentFactory(person=person, held_on=date(2026, 2, 19))
    api = api_as(Role.DIRECTOR, structure)
    items = api.get("/appointments", updated_since="2026-02-10T00:00:00+01:00").json()["items"]
    assert [a["id"] for a in items] == [recent.pk]


# PMSMP


@pytest.fixture
def contract(person):
    return ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 7, 4))


@pytest.fixture
def host(structure):
    return HostCompanyFactory(structure=structure, name="Jardins de l'Hérault")


def _pmsmp(person, host, contract, **changes):
    return {
        "person_id": person.pk,
        "host_id": host.pk,
        "contract_id": contract.pk,
        "tutor_name": "Paul Roux",
        "tutor_function": "Chef d'équipe",
        "objective": "discover",
        "rome_code": "A1203",
        "place": "Montpellier",
        "start": "2026-03-16",
        "end": "2026-03-27",
        "weekly_schedule": "Du lundi au vendredi, 8 h – 12 h",
        "total_hours": "40",
        **changes,
    }


def test_a_counsellor_records_and_changes_a_pmsmp(api_as, structure, person, contract, host):
    api = api_as(Role.COUNSELLOR, structure)
    response = api.post("/immersions", _pmsmp(person, host, contract))
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["host_id"], created["contract_id"], created["rome_code"], created["status"]) == (
        host.pk,
        contract.pk,
        "A1203",
        "planned",
    )
    assert created["warnings"] == []
    response = api.patch(f"/immersions/{created['id']}", {"place": "Lattes", "end": "2026-04-10"})
    assert response.status_code == 200, response.content
    assert (response.json()["place"], response.json()["end"]) == ("Lattes", "2026-04-10")
    listed = api.get("/immersions", person_id=person.pk).json()["items"]
    assert [i["id"] for i in listed] == [created["id"]]


def test_a_pmsmp_longer_than_a_month_is_refused_with_the_rule(api_as, structure, person, contract, host):
    response = api_as(Role.COUNSELLOR, structure).post("/immersions", _pmsmp(person, host, contract, end="2026-04-16"))
    assert _error(response) == [
        ("end", immersion_rules.TOO_LONG.format(start="16/03/2026", maximum="15/04/2026")),
    ]


def test_an_update_obeys_the_same_limits(api_as, structure, person, contract, host):
    immersion = ImmersionFactory(person=person, host=host, contract=contract)
    response = api_as(Role.DIRECTOR, structure).patch(f"/immersions/{immersion.pk}", {"end": "2026-04-10"})
    assert _error(response) == [
        ("end", immersion_rules.TOO_LONG.format(start="02/03/2026", maximum="01/04/2026")),
    ]


def test_a_renewal_error_names_the_input_field(api_as, structure, person, contract, host):
    original = ImmersionFactory(person=person, host=host, contract=contract, objective="discover")
    body = _pmsmp(person, host, contract, objective="confirm", renewal_of_id=original.pk)
    message = immersion_rules.RENEWAL_OTHER_OBJECTIVE.format(objective="Découvrir un métier ou un secteur d'activité")
    assert _error(api_as(Role.COUNSELLOR, structure).post("/immersions", body)) == [("renewal_of_id", message)]


def test_a_host_of_another_aci_cannot_be_chosen(api_as, structure, person, contract):
    theirs = HostCompanyFactory(structure=StructureFactory())
    response = api_as(Role.COUNSELLOR, structure).post("/immersions", _pmsmp(person, theirs, contract))
    assert _error(response) == [("host_id", f"Structure d'accueil introuvable (identifiant {theirs.pk}).")]


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN_STAFF])
def test_the_staff_read_pmsmp_and_hosts_but_only_direction_and_cip_write(
    api_as, structure, person, contract, host, role
):
    immersion = ImmersionFactory(person=person, host=host, contract=contract)
    api = api_as(role, structure)
    assert api.get(f"/immersions/{immersion.pk}").status_code == 200
    assert [h["id"] for h in api.get("/host-companies").json()["items"]] == [host.pk]
    assert api.get(f"/host-companies/{host.pk}").json()["name"] == "Jardins de l'Hérault"
    assert api.post("/immersions", _pmsmp(person, host, contract)).status_code == 404
    assert api.patch(f"/immersions/{immersion.pk}", {"place": "Lattes"}).status_code == 404


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_reach_no_pmsmp(api_as, structure, person, contract, host, role):
    immersion = ImmersionFactory(person=person, host=host, contract=contract)
    api = api_as(role, structure)
    for path in ("/immersions", f"/immersions/{immersion.pk}", "/host-companies", f"/host-companies/{host.pk}"):
        assert api.get(path).status_code == 404, path


# Trainings


def _training(person, **changes):
    return {
        "person_id": person.pk,
        "title": "CACES R489",
        "kind": "caces",
        "organisation": "AFPA Montpellier",
        "funder": "opco",
        "start": "2026-02-02",
        "end": "2026-02-06",
        "hours": "35",
        "certification": "CACES R489 cat. 3",
        **changes,
    }


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.ADMIN_STAFF, Role.DIRECTOR])
def test_a_training_is_recorded_then_its_result(api_as, structure, person, role):
    api = api_as(role, structure)
    response = api.post("/trainings", _training(person))
    assert response.status_code == 201, response.content
    training = response.json()
    assert (training["result"], training["result_on"], training["hours"]) == ("in_progress", None, "35.00")
    response = api.patch(f"/trainings/{training['id']}", {"result": "passed", "result_on": "2026-02-06"})
    assert response.status_code == 200, response.content
    assert (response.json()["result"], response.json()["title"]) == ("passed", "CACES R489")
    assert [t["id"] for t in api.get("/trainings", person_id=person.pk).json()["items"]] == [training["id"]]


def test_a_training_of_more_than_10_hours_a_day_is_refused(api_as, structure, person):
    response = api_as(Role.COUNSELLOR, structure).post("/trainings", _training(person, hours="60"))
    assert _error(response) == [
        ("hours", training_rules.check_training_hours(Decimal(60), date(2026, 2, 2), date(2026, 2, 6))),
    ]


def test_a_result_waits_for_the_end_of_the_training(api_as, structure, person):
    training = TrainingActionFactory(person=person, start=date(2026, 2, 23), end=date(2026, 3, 6), hours=Decimal(70))
    response = api_as(Role.COUNSELLOR, structure).patch(
        f"/trainings/{training.pk}", {"result": "passed", "result_on": "2026-03-01"}
    )
    assert _error(response) == [
        ("result", training_rules.RESULT_BEFORE_END.format(result="Réussie", end="06/03/2026")),
    ]


def test_a_supervisor_reads_trainings_but_does_not_write_them(api_as, structure, person):
    training = TrainingActionFactory(person=person)
    api = api_as(Role.SUPERVISOR, structure)
    assert api.get(f"/trainings/{training.pk}").json()["title"] == training.title
    assert api.post("/trainings", _training(person)).status_code == 404
    assert api.patch(f"/trainings/{training.pk}", {"hours": "10"}).status_code == 404


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_reach_no_training(api_as, structure, person, role):
    training = TrainingActionFactory(person=person)
    api = api_as(role, structure)
    assert api.get("/trainings").status_code == 404
    assert api.get(f"/trainings/{training.pk}").status_code == 404


# Corrections (the author only) and the partner directory


def test_its_author_corrects_an_appointment_and_the_sync_sees_it(api_as, client, make_token, structure, person):
    user, secret = make_token(Role.COUNSELLOR, structure)
    from .conftest import Api

    api = Api(client, secret)
    created = api.post(
        "/appointments", {"person_id": person.pk, "held_on": "2026-02-20", "kind": "individual", "duration_minutes": 30}
    ).json()
    with time_machine.travel(date(2026, 3, 2), tick=False):
        response = api.patch(
            f"/appointments/{created['id']}",
            {"duration_minutes": 50, "notes": SECRET_NOTE, "confidentiality": "sensitive", "topic": "health"},
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert (body["duration_minutes"], body["topic"], body["notes"]) == (50, "health", SECRET_NOTE)
        assert SensitiveRead.objects.filter(reader=user).count() == 1  # the note given back is a read
        synced = api.get("/appointments", updated_since="2026-03-02T00:00:00+01:00").json()
        assert [item["id"] for item in synced["items"]] == [created["id"]]
        back = api.patch(f"/appointments/{created['id']}", {"confidentiality": "ordinary"}).json()
        assert (back["confidentiality"], back["topic"]) == ("ordinary", None)


def test_a_correction_obeys_the_rules_of_a_new_appointment(api_as, client, make_token, structure, person):
    user, secret = make_token(Role.COUNSELLOR, structure)
    from .conftest import Api

    appointment = AppointmentFactory(person=person, author=user, held_on=date(2026, 2, 10))
    api = Api(client, secret)
    errors = _error(api.patch(f"/appointments/{appointment.pk}", {"held_on": "2026-03-02"}))
    assert errors[0][0] == "held_on"
    errors = _error(api.patch(f"/appointments/{appointment.pk}", {"confidentiality": "sensitive"}))
    assert errors == [("topic", "Une note confidentielle indique son thème : santé, justice ou dettes.")]


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.DIRECTOR, Role.SUPERVISOR])
def test_nobody_but_its_author_corrects_an_appointment(api_as, structure, person, role):
    appointment = AppointmentFactory(person=person, notes="Première version")
    response = api_as(role, structure).patch(f"/appointments/{appointment.pk}", {"notes": "Réécrit"})
    assert response.status_code == 404
    appointment.refresh_from_db()
    assert appointment.notes == "Première version"


def test_the_directory_is_corrected_and_a_partner_set_inactive(api_as, structure):
    from tremplin.partners.tests.factories import PartnerFactory

    partner = PartnerFactory(organisation=structure.organisation, name="Mission locale")
    other = PartnerFactory(name="Partenaire d'une autre structure porteuse")
    api = api_as(Role.COUNSELLOR, structure)
    body = api.patch(f"/partners/{partner.pk}", {"phone": "04 67 00 00 00", "is_active": False}).json()
    assert (body["phone"], body["is_active"], body["name"]) == ("04 67 00 00 00", False, "Mission locale")
    assert _error(api.patch(f"/partners/{partner.pk}", {"siret": "12345678901234"}))[0][0] == "siret"
    assert api.patch(f"/partners/{other.pk}", {"phone": "0"}).status_code == 404
    assert api_as(Role.SUPERVISOR, structure).patch(f"/partners/{partner.pk}", {"phone": "0"}).status_code == 404
