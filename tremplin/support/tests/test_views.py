"""The support pages through HTTP: who sees what, the read log of sensitive rows, the forms,
the person page block, the timeline and the échéancier."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.audit.models import SensitiveRead
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.tests.factories import PersonFactory
from tremplin.support.enums import ObstacleCategory as C
from tremplin.support.models import Appointment, Diagnosis, Objective, PartnerReferral

from .factories import AppointmentFactory, DiagnosisFactory, ObjectiveFactory, ObstacleFactory, PartnerReferralFactory

TODAY = date(2026, 5, 15)
SECRET = "Suivi CMP pour dépression, traitement en cours"
HEALTH_ACTIONS = "Rendez-vous addictologie au CSAPA"
ORDINARY = "Point sur la recherche de logement"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def person(structure):
    person = PersonFactory(structure=structure, first_name="Karim", last_name="Benali")
    ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 7, 4))
    return person


@pytest.fixture
def record(person, structure):
    diagnosis = DiagnosisFactory(person=person, assessed_on=date(2026, 1, 20))
    ObstacleFactory(diagnosis=diagnosis, category=C.MOBILITY, actions="Inscription au code de la route")
    ObstacleFactory(diagnosis=diagnosis, category=C.HEALTH, actions=HEALTH_ACTIONS)
    ObjectiveFactory(person=person, title="Obtenir le code", due_on=date(2026, 5, 1))
    ObjectiveFactory(person=person, title="Ouvrir un compte Ameli", due_on=date(2026, 6, 1))
    AppointmentFactory(person=person, notes=ORDINARY, held_on=date(2026, 2, 3))
    sensitive = AppointmentFactory(
        person=person, notes=SECRET, confidentiality="sensitive", topic="health", held_on=date(2026, 3, 3)
    )
    PartnerReferralFactory(person=person, partner__name="Soliha Hérault", need="housing")
    PartnerReferralFactory(
        person=person, partner__name="Point conseil budget", need="debt_advice", comment="Dossier BDF"
    )
    return {"sensitive": sensitive}


def client_for(client, make_member, role, structure):
    user = make_member(role, structure)
    client.force_login(user)
    return client, user


@pytest.mark.parametrize(
    ("role", "sees_ordinary", "sees_sensitive"),
    [
        (Role.COUNSELLOR, True, True),
        (Role.DIRECTOR, True, True),
        (Role.SUPERVISOR, True, False),
        (Role.ADMIN_STAFF, False, False),
    ],
)
def test_support_page_per_role(client, make_member, structure, person, record, role, sees_ordinary, sees_sensitive):
    client, user = client_for(client, make_member, role, structure)
    page = client.get(reverse("support:person", args=[person.pk]))
    assert page.status_code == 200
    text = page.text
    assert "Entretien individuel" in text  # journal lines: everyone of the staff
    assert "Obtenir le code" in text
    assert (ORDINARY in text) is sees_ordinary
    assert ("Inscription au code de la route" in text) is sees_ordinary
    assert ("Soliha Hérault" in text) is sees_ordinary
    assert (SECRET in text) is sees_sensitive
    assert (HEALTH_ACTIONS in text) is sees_sensitive
    assert ("Point conseil budget" in text) is sees_sensitive
    assert ("Dossier BDF" in text) is sees_sensitive
    if not sees_sensitive:
        assert "Note confidentielle" in text
        assert "Santé" not in text  # neither the category nor the topic of the note
    reads = SensitiveRead.objects.filter(reader=user)
    if sees_sensitive:
        assert {r.record_type for r in reads} == {
            "support.ObstacleAssessment",
            "support.Appointment",
            "support.PartnerReferral",
        }
        note = reads.get(record_type="support.Appointment")
        assert (note.record_id, note.label) == (record["sensitive"].pk, "Note d'entretien du 03/03/2026")
        assert SECRET not in " ".join(r.label for r in reads)
    else:
        assert not reads.exists()


@pytest.mark.parametrize("role", [Role.PRESCRIBER, Role.FUNDER])
def test_external_roles_get_404(client, make_member, structure, person, record, role):
    client, _ = client_for(client, make_member, role, structure)
    for name in ["person", "diagnosis_create", "objective_create", "appointment_create", "referral_create"]:
        assert client.get(reverse(f"support:{name}", args=[person.pk])).status_code == 404
    assert client.get(reverse("support:partner_list")).status_code == 404


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN_STAFF])
def test_only_counsellor_and_director_write(client, make_member, structure, person, record, role):
    client, _ = client_for(client, make_member, role, structure)
    objective = Objective.objects.first()
    urls = [
        reverse(f"support:{n}", args=[person.pk])
        for n in ["diagnosis_create", "objective_create", "appointment_create", "referral_create"]
    ]
    urls += [reverse("support:objective_close", args=[objective.pk]), reverse("support:partner_list")]
    urls += [reverse("support:referral_outcome", args=[PartnerReferral.objects.first().pk])]
    for url in urls:
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404


def test_person_page_block_logs_nothing_and_hides_sensitive(client, make_member, structure, person, record):
    client, user = client_for(client, make_member, Role.COUNSELLOR, structure)
    text = client.get(reverse("people:detail", args=[person.pk])).text
    assert "Accompagnement" in text
    assert "Mobilité" in text
    assert "1 frein confidentiel" in text
    assert "1 orientation confidentielle" in text
    assert "en retard" in text  # the objective due on 01/05
    assert SECRET not in text and HEALTH_ACTIONS not in text
    assert "Entretien (confidentiel)" in text  # the timeline and the last appointments
    assert not SensitiveRead.objects.exists()
    for label in ["Diagnostic", "Objectif", "Entretien", "Orientation partenaire"]:
        assert f"> {label}</a>" in text or f">{label}</a>" in text


def test_person_page_supervisor(client, make_member, structure, person, record):
    client, _ = client_for(client, make_member, Role.SUPERVISOR, structure)
    text = client.get(reverse("people:detail", args=[person.pk])).text
    assert "Mobilité" in text
    assert "confidentiel" not in text.replace("Entretien (confidentiel)", "")
    assert "Orientation partenaire</a>" not in text


def test_support_page_queries(client, make_member, structure, person, record, django_assert_max_num_queries):
    client, _ = client_for(client, make_member, Role.COUNSELLOR, structure)
    for _ in range(5):
        AppointmentFactory(person=person)
        diagnosis = DiagnosisFactory(person=person, kind="review", assessed_on=date(2026, 2, 1 + _))
        ObstacleFactory(diagnosis=diagnosis, partner=PartnerFactory(organisation=structure.organisation))
    with django_assert_max_num_queries(15):
        assert client.get(reverse("support:person", args=[person.pk])).status_code == 200


def test_counsellor_journey(client, make_member, structure, person):
    client, user = client_for(client, make_member, Role.COUNSELLOR, structure)
    partner = PartnerFactory(organisation=structure.organisation, name="Garage solidaire")
    url = reverse("support:diagnosis_create", args=[person.pk])
    page = client.get(url)
    assert "Diagnostic d&#x27;entrée des freins" in page.text
    data = {"assessed_on": "2026-01-20", "freins-TOTAL_FORMS": "10", "freins-INITIAL_FORMS": "10"}
    for i, category in enumerate(C):
        data[f"freins-{i}-category"] = category.value
    data.update({"freins-3-level": "strong", "freins-3-treatment": "both", "freins-3-partner": partner.pk})
    data.update({"freins-2-actions": "Dossier DALO"})  # actions without a level: refused
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Indiquez le niveau du frein" in response.text
    data.update({"freins-2-level": "medium", "freins-2-treatment": "external"})
    assert client.post(url, data).status_code == 302
    entry = Diagnosis.objects.get()
    assert {(o.category, o.level) for o in entry.obstacles.all()} == {("housing", "medium"), ("mobility", "strong")}
    # the re-assessment starts from the entry's lines
    page = client.get(url)
    assert "Réévaluation des freins" in page.text
    assert page.context["formset"].initial[3]["level"] == "strong"
    assert page.context["formset"].initial[3]["partner"] == partner.pk
    data.update({"assessed_on": "2026-04-10", "freins-3-lifted_on": "2026-04-01"})
    assert client.post(url, data).status_code == 302
    page = client.get(reverse("support:person", args=[person.pk])).text
    assert "Levé le 01/04/2026" in page
    assert "Réévaluation" in page
    response = client.post(url, {**data, "assessed_on": "2026-04-09"})
    assert "La réévaluation doit suivre la dernière évaluation des freins (10/04/2026)." in response.text

    response = client.post(
        reverse("support:objective_create", args=[person.pk]),
        {"title": "Obtenir le permis B", "due_on": "2026-09-30", "owner": user.pk},
    )
    assert response.status_code == 302
    objective = Objective.objects.get()
    response = client.post(
        reverse("support:objective_close", args=[objective.pk]), {"status": "done", "done_on": "2026-05-16"}
    )
    assert "Un objectif ne peut pas être atteint après aujourd&#x27;hui (15/05/2026)." in response.text
    client.post(reverse("support:objective_close", args=[objective.pk]), {"status": "done", "done_on": "2026-05-14"})
    objective.refresh_from_db()
    assert objective.status == "done"

    response = client.post(
        reverse("support:appointment_create", args=[person.pk]),
        {
            "held_on": "2026-05-15",
            "kind": "individual",
            "duration_minutes": "45",
            "notes": SECRET,
            "confidentiality": "sensitive",
        },
    )
    assert "Une note confidentielle indique son thème" in response.text
    response = client.post(
        reverse("support:appointment_create", args=[person.pk]),
        {
            "held_on": "2026-05-15",
            "kind": "individual",
            "duration_minutes": "45",
            "notes": SECRET,
            "confidentiality": "sensitive",
            "topic": "health",
        },
    )
    assert response.status_code == 302
    assert Appointment.objects.get().is_sensitive

    response = client.post(
        reverse("support:referral_create", args=[person.pk]),
        {"partner": partner.pk, "need": "mobility", "referred_on": "2026-05-02", "outcome": "pending"},
    )
    assert response.status_code == 302
    referral = PartnerReferral.objects.get()
    response = client.post(
        reverse("support:referral_outcome", args=[referral.pk]), {"outcome": "accepted", "outcome_on": "2026-05-10"}
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.outcome == "accepted"

    timeline = client.get(reverse("people:detail", args=[person.pk])).text
    assert "Diagnostic d&#x27;entrée des freins" in timeline
    assert "Objectif atteint : Obtenir le permis B" in timeline
    assert "Orientation vers Garage solidaire : Mobilité" in timeline
    assert SECRET not in timeline


def test_partner_directory(client, make_member, structure):
    client, _ = client_for(client, make_member, Role.COUNSELLOR, structure)
    PartnerFactory(organisation=structure.organisation, name="Mission locale du Lez")
    PartnerFactory(name="Partenaire d'une autre structure porteuse")
    url = reverse("support:partner_list")
    text = client.get(url).text
    assert "Mission locale du Lez" in text
    assert "autre structure porteuse" not in text
    assert client.post(url, {"name": "Auto-école Cap Permis", "kind": "driving_school"}).status_code == 302
    response = client.post(url, {"name": "Auto-école Cap Permis", "kind": "driving_school"})
    assert "Un partenaire porte déjà ce nom dans l&#x27;annuaire." in response.text


def test_support_alerts(client, make_member, structure, person, record):
    from tremplin.accounts.scope import build_scope
    from tremplin.support.selectors import due_alerts

    for role, expected in [(Role.COUNSELLOR, 1), (Role.ADMIN_STAFF, 1), (Role.DIRECTOR, 1), (Role.SUPERVISOR, 0)]:
        scope = build_scope(make_member(role, structure), None)
        alerts = due_alerts(scope, today=TODAY)
        assert len(alerts) == expected
        if alerts:
            assert alerts[0].day == date(2026, 5, 1)
            assert "Obtenir le code" in alerts[0].message
    with time_machine.travel(date(2026, 5, 1), tick=False):
        assert due_alerts(scope, today=date(2026, 5, 1)) == []  # due today: not yet overdue
    client, _ = client_for(client, make_member, Role.COUNSELLOR, structure)
    assert "Objectif en retard" in client.get(reverse("core:alerts")).text


def test_a_partner_is_corrected_and_set_inactive(client, make_member, structure):
    client, _ = client_for(client, make_member, Role.COUNSELLOR, structure)
    partner = PartnerFactory(organisation=structure.organisation, name="Mission locale du Lez", kind="mission_locale")
    other = PartnerFactory(name="Partenaire d'une autre structure porteuse")
    assert reverse("support:partner_edit", args=[partner.pk]) in client.get(reverse("support:partner_list")).text
    url = reverse("support:partner_edit", args=[partner.pk])
    form = {"name": "Mission locale du Lez", "kind": "mission_locale", "phone": "04 67 00 00 00", "is_active": ""}
    assert client.post(url, form).status_code == 302
    partner.refresh_from_db()
    assert (partner.phone, partner.is_active) == ("04 67 00 00 00", False)
    response = client.post(url, {**form, "siret": "12345678901234"})
    assert response.status_code == 200 and "SIRET" in response.text
    assert client.get(reverse("support:partner_edit", args=[other.pk])).status_code == 404


def test_its_author_corrects_an_appointment_and_the_sensitive_note_shown_is_logged(
    client, make_member, structure, person
):
    client, user = client_for(client, make_member, Role.COUNSELLOR, structure)
    own = AppointmentFactory(
        person=person, author=user, notes=SECRET, confidentiality="sensitive", topic="health", held_on=date(2026, 5, 2)
    )
    someone_else = AppointmentFactory(person=person, notes=ORDINARY, held_on=date(2026, 5, 3))
    page = client.get(reverse("support:person", args=[person.pk])).text
    assert reverse("support:appointment_edit", args=[own.pk]) in page
    assert reverse("support:appointment_edit", args=[someone_else.pk]) not in page
    SensitiveRead.objects.all().delete()
    url = reverse("support:appointment_edit", args=[own.pk])
    assert SECRET in client.get(url).text
    assert SensitiveRead.objects.filter(reader=user).count() == 1
    data = {
        "held_on": "02/05/2026",
        "kind": "phone",
        "duration_minutes": 20,
        "notes": SECRET,
        "confidentiality": "sensitive",
        "topic": "",
    }
    response = client.post(url, data)
    assert "Une note confidentielle indique son thème" in response.text
    assert client.post(url, {**data, "topic": "health"}).status_code == 302
    own.refresh_from_db()
    assert (own.kind, own.duration_minutes) == ("phone", 20)
    assert client.get(reverse("support:appointment_edit", args=[someone_else.pk])).status_code == 404


def test_the_reassessment_form_prefilled_with_health_actions_logs_the_read(
    client, make_member, structure, person, record
):
    # issue 13, defect 3: the form showed the health line's actions without a log line
    client, user = client_for(client, make_member, Role.COUNSELLOR, structure)
    page = client.get(reverse("support:diagnosis_create", args=[person.pk]))
    assert HEALTH_ACTIONS in page.text
    [read] = SensitiveRead.objects.filter(reader=user)
    assert read.record_type == "support.ObstacleAssessment" and read.person == person
    assert read.label == "Frein (catégorie sensible) de l'évaluation du 20/01/2026"
    assert HEALTH_ACTIONS not in read.label
