from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
from tremplin.eligibility.tests.factories import ApprovalFactory
from tremplin.partners.enums import PartnerKind
from tremplin.recruitment.enums import ReferralState
from tremplin.recruitment.models import Referral
from tremplin.recruitment.tests.factories import PartnerFactory, ReferralFactory


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


@pytest.fixture
def counsellor_client(client, make_member, structure):
    client.force_login(make_member(Role.COUNSELLOR, structure))
    return client


@pytest.fixture
def prescriber(structure):
    partner = PartnerFactory(organisation=structure.organisation, kind=PartnerKind.FRANCE_TRAVAIL)
    user = UserFactory(first_name="Nadia")
    MembershipFactory(user=user, structure=structure, role=Role.PRESCRIBER, partner=partner)
    return user, partner


def test_from_referral_to_hiring(counsellor_client, structure):
    partner = PartnerFactory(organisation=structure.organisation)
    response = counsellor_client.post(
        reverse("recruitment:create"),
        {
            "first_name": "Amina",
            "last_name": "Diallo",
            "birth_date": "1994-03-12",
            "sex": "F",
            "partner": partner.pk,
            "referent_name": "Mme Roux",
            "referred_on": "2026-11-02",
            "reason": "Projet en espaces verts",
        },
    )
    referral = Referral.objects.get()
    assert response["Location"] == reverse("recruitment:detail", args=[referral.pk])
    transition = reverse("recruitment:transition", args=[referral.pk])
    counsellor_client.post(transition, {"to_state": "info_session"})
    counsellor_client.post(transition, {"to_state": "interview", "comment": "Motivée"})
    page = counsellor_client.get(reverse("recruitment:detail", args=[referral.pk])).text
    assert "Embaucher" in page
    hire = reverse("contracts:hire", args=[referral.person.pk]) + f"?orientation={referral.pk}"
    data = {
        "kind": "cddi",
        "start": "2026-12-01",
        "end": "2027-05-31",
        "weekly_hours": "26",
        "hourly_pay": "12.02",
        "job_label": "Agent d'entretien des espaces verts",
    }
    response = counsellor_client.post(hire, data)
    assert response.status_code == 200
    assert "Embauche impossible au 01/12/2026" in response.text  # no PASS, no diagnosis
    ApprovalFactory(person=referral.person, start=date(2026, 11, 20))
    response = counsellor_client.post(hire, data)
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.state == ReferralState.HIRED
    assert referral.person.contracts.count() == 1


def test_refusal_needs_a_reason(counsellor_client, structure):
    referral = ReferralFactory(structure=structure)
    url = reverse("recruitment:transition", args=[referral.pk])
    response = counsellor_client.post(url, {"to_state": "refused"}, follow=True)
    referral.refresh_from_db()
    assert referral.state == ReferralState.RECEIVED
    assert "motif" in response.text.lower()
    counsellor_client.post(url, {"to_state": "refused", "refusal_reason": "not_interested"})
    referral.refresh_from_db()
    assert referral.state == ReferralState.REFUSED


def test_prescriber_sees_the_status_of_their_referrals_and_nothing_more(client, structure, prescriber):
    user, partner = prescriber
    client.force_login(user)
    response = client.post(
        reverse("recruitment:prescriber_create"),
        {
            "first_name": "Léa",
            "last_name": "Morel",
            "birth_date": "1990-06-15",
            "sex": "F",
            "referred_on": "2026-11-20",
            "reason": "Projet cuisine",
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.partner == partner
    ReferralFactory(structure=structure, person__last_name="Autrepartenaire")  # another partner's
    referral.refusal_reason = "not_interested"
    referral.state = ReferralState.REFUSED
    referral.save()
    page = client.get(reverse("recruitment:prescriber_list")).text
    assert "Léa M." in page and "Refusée" in page
    assert "Morel" not in page
    assert "Autrepartenaire" not in page
    assert "non intéressé" not in page
    for url in (
        reverse("recruitment:detail", args=[referral.pk]),
        reverse("people:detail", args=[referral.person.pk]),
        reverse("recruitment:list"),
    ):
        assert client.get(url).status_code == 404


def test_supervisor_does_not_see_sensitive_referrals(client, make_member, structure):
    spip = PartnerFactory(organisation=structure.organisation, kind=PartnerKind.SPIP, name="SPIP 34")
    sensitive = ReferralFactory(structure=structure, partner=spip, person__last_name="Sousmain")
    ReferralFactory(structure=structure, person__last_name="Ordinaire")
    client.force_login(make_member(Role.SUPERVISOR, structure))
    page = client.get(reverse("recruitment:list")).text
    assert "ORDINAIRE" in page and "SOUSMAIN" not in page
    assert client.get(reverse("recruitment:detail", args=[sensitive.pk])).status_code == 404


def test_information_session_invite_and_attendance(counsellor_client, structure):
    referral = ReferralFactory(structure=structure)
    response = counsellor_client.post(
        reverse("recruitment:session_list"),
        {"starts_at": "2026-11-23T00:30", "place": "Salle 1", "capacity": 1},  # just started (now: 01:00)
    )
    session_url = response["Location"]
    counsellor_client.post(session_url, {"referral": referral.pk})
    referral.refresh_from_db()
    assert referral.state == ReferralState.INFO_SESSION
    counsellor_client.post(session_url, {"referral": referral.pk, "attendance": "present"})
    assert referral.session_attendances.get().attended is True


def test_referral_list_query_count_is_pinned(counsellor_client, structure, django_assert_num_queries):
    ReferralFactory.create_batch(3, structure=structure)
    counsellor_client.get(reverse("recruitment:list"))
    with django_assert_num_queries(6):
        counsellor_client.get(reverse("recruitment:list"))
    ReferralFactory.create_batch(20, structure=structure)
    with django_assert_num_queries(6):
        response = counsellor_client.get(reverse("recruitment:list"))
    assert response.text.count('href="/orientations/') >= 23


def test_person_timeline_hides_a_sensitive_referral_from_a_supervisor(client, make_member, structure):
    spip = PartnerFactory(organisation=structure.organisation, kind=PartnerKind.SPIP, name="SPIP de l'Hérault")
    referral = ReferralFactory(structure=structure, partner=spip)
    from tremplin.recruitment.models import ReferralTransition

    ReferralTransition.objects.create(
        referral=referral, from_state=None, to_state="received", actor=referral.created_by
    )
    page = reverse("people:detail", args=[referral.person.pk])
    client.force_login(make_member(Role.COUNSELLOR, structure))
    assert "SPIP de l&#x27;Hérault" in client.get(page).text
    client.force_login(make_member(Role.SUPERVISOR, structure))
    text = client.get(page).text
    assert "SPIP" not in text
    assert "Orientation reçue" not in text


def test_an_open_referral_is_corrected_and_a_closed_one_is_not(counsellor_client, structure):
    referral = ReferralFactory(structure=structure, referent_name="", state=ReferralState.INTERVIEW)
    other = PartnerFactory(organisation=structure.organisation, name="Mission locale du Lez")
    detail = counsellor_client.get(reverse("recruitment:detail", args=[referral.pk])).text
    url = reverse("recruitment:edit", args=[referral.pk])
    assert url in detail
    form = {
        "partner": other.pk,
        "referent_name": "Inès Caron",
        "referent_phone": "04 67 11 22 33",
        "referred_on": "02/11/2026",
        "reason": "Projet en maraîchage",
    }
    response = counsellor_client.post(url, {**form, "referred_on": "24/11/2026"})
    assert "La date de l&#x27;orientation (24/11/2026) ne peut pas être dans le futur." in response.text
    assert counsellor_client.post(url, form).status_code == 302
    referral.refresh_from_db()
    assert (referral.partner, referral.referent_name, referral.reason) == (other, "Inès Caron", "Projet en maraîchage")
    assert referral.state == ReferralState.INTERVIEW  # the state moves only by a transition

    Referral.objects.filter(pk=referral.pk).update(state=ReferralState.REFUSED, refusal_reason="other")
    assert url not in counsellor_client.get(reverse("recruitment:detail", args=[referral.pk])).text
    response = counsellor_client.post(url, form)
    assert "Une orientation « Refusée » est close : elle n&#x27;est plus modifiée." in response.text


def test_a_supervisor_does_not_correct_a_referral(client, make_member, structure):
    referral = ReferralFactory(structure=structure)
    client.force_login(make_member(Role.SUPERVISOR, structure))
    assert client.get(reverse("recruitment:edit", args=[referral.pk])).status_code == 404
