"""The satisfaction pages: the one-time link without an account, the shared tablet, the
aggregated results, the testimonials, and who may see what."""

import html
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from tremplin.accounts.enums import Role
from tremplin.people.tests.factories import PersonFactory
from tremplin.satisfaction import services
from tremplin.satisfaction.models import Invitation, SatisfactionResponse
from tremplin.satisfaction.models import Testimonial as StoredTestimonial

from .factories import SatisfactionResponseFactory
from .factories import TestimonialFactory as MakeTestimonial

PARIS = ZoneInfo("Europe/Paris")


def text(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime(2025, 6, 15, 10, 0, tzinfo=PARIS), tick=False):
        yield


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Yasmina", last_name="Oudjani", email="yasmina@example.fr")


def client_as(client, make_member, role, structure):
    client.force_login(make_member(role, structure))
    return client


def test_the_counsellor_creates_a_link_that_an_anonymous_person_answers_once(client, make_member, structure, person):
    counsellor = make_member(Role.COUNSELLOR, structure, first_name="Karim", last_name="Benali")
    client.force_login(counsellor)
    response = client.post(reverse("satisfaction:invite", args=[person.pk]))
    link = re.search(r'value="(http://testserver/satisfaction/questionnaire/[^"]+/)"', text(response)).group(1)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert Invitation.objects.get().token_hash != token
    client.logout()

    page = client.get(link)
    assert page.status_code == 200
    body = text(page)
    assert structure.name in body
    for secret in ("Yasmina", "Oudjani", "yasmina@example.fr", "Karim", "Benali", structure.siret):
        assert secret not in body, secret
    response = client.post(link, {"welcome": "4", "project": "3", "comment": "Une équipe à l'écoute"})
    assert response.status_code == 200
    assert "Merci pour votre réponse" in text(response)
    answer = SatisfactionResponse.objects.get()
    assert answer.answers == {"welcome": 4, "project": 3} and answer.answered_on == date(2025, 6, 15)
    assert Invitation.objects.get().used

    again = client.get(link)
    assert again.status_code == 404
    assert "Ce lien n'est plus valable" in text(again)
    assert client.post(link, {"welcome": "1"}).status_code == 404
    assert SatisfactionResponse.objects.count() == 1


def test_an_unknown_or_expired_link_is_a_404_that_says_so(client, director, person):
    _, token = services.invitation_create(actor=director, person=person)
    unknown = client.get(reverse("satisfaction:answer", kwargs={"token": "n-importe-quoi"}))
    assert unknown.status_code == 404 and "Ce lien n'est plus valable" in text(unknown)
    with time_machine.travel(datetime(2025, 7, 15, 10, 0, tzinfo=PARIS), tick=False):
        expired = client.get(reverse("satisfaction:answer", kwargs={"token": token}))
    assert expired.status_code == 404 and "Ce lien n'est plus valable" in text(expired)
    with time_machine.travel(datetime(2025, 7, 15, 9, 59, tzinfo=PARIS), tick=False):
        assert client.get(reverse("satisfaction:answer", kwargs={"token": token})).status_code == 200


def test_an_empty_answer_is_refused_with_a_french_message(client, director, person):
    _, token = services.invitation_create(actor=director, person=person)
    response = client.post(reverse("satisfaction:answer", kwargs={"token": token}), {"comment": ""})
    assert response.status_code == 200
    assert "Répondez au moins à une question" in text(response)
    assert not Invitation.objects.get().used


def test_the_tablet_shows_thanks_then_a_fresh_form_and_nothing_personal(client, make_member, structure, person):
    counsellor = make_member(Role.COUNSELLOR, structure, first_name="Karim", last_name="Benali")
    client.force_login(counsellor)
    page = text(client.get(reverse("satisfaction:kiosk")))
    assert "Votre avis compte" in page
    for secret in ("Karim", "Benali", "Yasmina", "Personnes", "Se déconnecter"):
        assert secret not in page, secret
    response = client.post(
        reverse("satisfaction:kiosk"), {"supervision": "2", "comment": "Plus de matériel"}, follow=True
    )
    page = text(response)
    assert "Merci pour votre réponse" in page and "checked" not in page and "Plus de matériel" not in page
    assert SatisfactionResponse.objects.get().answers == {"supervision": 2}
    assert response.wsgi_request.user == counsellor  # the session stays the staff member's


@pytest.mark.parametrize(
    ("role", "kiosk", "results", "testimonials", "publishable"),
    [
        (Role.DIRECTOR, 200, 200, 200, 200),
        (Role.COUNSELLOR, 200, 200, 200, 200),
        (Role.ADMIN_STAFF, 404, 200, 404, 200),
        (Role.SUPERVISOR, 404, 404, 404, 404),
        (Role.PRESCRIBER, 404, 404, 404, 404),
        (Role.FUNDER, 404, 404, 404, 404),
    ],
)
def test_access_per_role(client, make_member, structure, person, role, kiosk, results, testimonials, publishable):
    testimonial = MakeTestimonial(structure=structure, consent_given_on=date(2025, 3, 1), published=True)
    client_as(client, make_member, role, structure)
    assert client.get(reverse("satisfaction:kiosk")).status_code == kiosk
    assert client.get(reverse("satisfaction:invitations")).status_code == kiosk
    assert client.get(reverse("satisfaction:invite", args=[person.pk])).status_code == kiosk
    assert client.get(reverse("satisfaction:results")).status_code == results
    assert client.get(reverse("satisfaction:testimonials")).status_code == testimonials
    assert client.get(reverse("satisfaction:testimonial_detail", args=[testimonial.pk])).status_code == testimonials
    assert client.get(reverse("satisfaction:publishable")).status_code == publishable


def test_the_results_match_a_hand_computation(
    director_client, structure, other_structure, django_assert_max_num_queries
):
    for answers, comment, day in (
        ({"welcome": 4, "project": 2}, "Très bonne équipe", date(2025, 5, 2)),
        ({"welcome": 3, "project": 4}, "", date(2025, 5, 20)),
        ({"welcome": 4}, "Atelier trop froid", date(2025, 6, 1)),
        ({"welcome": 4}, "", date(2025, 6, 2)),
        ({"welcome": 3}, "", date(2025, 6, 3)),
        ({"welcome": 1}, "Hors période", date(2025, 4, 30)),
    ):
        SatisfactionResponseFactory(structure=structure, answers=answers, comment=comment, answered_on=day)
    SatisfactionResponseFactory(structure=other_structure, answers={"welcome": 1}, comment="Autre ACI")
    with django_assert_max_num_queries(10):
        page = text(director_client.get(reverse("satisfaction:results"), {"du": "2025-05-01", "au": "2025-06-15"}))
    assert "<strong>5</strong> réponses anonymes" in page
    assert "3,6 / 4" in page  # welcome: (4 + 3 + 4 + 4 + 3) / 5
    assert "3,0 / 4" in page  # project: (2 + 4) / 2
    assert "Très bonne équipe" in page and "Atelier trop froid" in page
    assert "Hors période" not in page and "Autre ACI" not in page
    assert page.index("Atelier trop froid") < page.index("Très bonne équipe")


def test_fewer_than_five_answers_are_not_shown(director_client, structure):
    for day in (date(2025, 5, 2), date(2025, 5, 3), date(2025, 5, 4), date(2025, 5, 5)):
        SatisfactionResponseFactory(structure=structure, answers={"welcome": 1}, comment="Signé Karim", answered_on=day)
    page = text(director_client.get(reverse("satisfaction:results"), {"du": "2025-05-01", "au": "2025-05-31"}))
    assert "<strong>4</strong> réponses anonymes" in page
    assert "Moins de 5 réponses sur cette période : les résultats ne sont pas affichés" in page
    assert "Signé Karim" not in page and "1,0 / 4" not in page
    SatisfactionResponseFactory(structure=structure, answers={"welcome": 2}, answered_on=date(2025, 5, 6))
    page = text(director_client.get(reverse("satisfaction:results"), {"du": "2025-05-01", "au": "2025-05-31"}))
    assert "Signé Karim" in page and "1,2 / 4" in page


def test_the_publishable_page_lists_only_consented_published_testimonials(
    client, make_member, structure, django_assert_max_num_queries
):
    MakeTestimonial(structure=structure, text="Publié avec accord", consent_given_on=date(2025, 3, 1), published=True)
    MakeTestimonial(structure=structure, text="Accord mais pas publié", consent_given_on=date(2025, 3, 1))
    MakeTestimonial(structure=structure, text="Sans accord")
    MakeTestimonial(
        structure=structure,
        text="Accord retiré",
        consent_given_on=date(2025, 3, 1),
        consent_revoked_on=date(2025, 4, 1),
    )
    client_as(client, make_member, Role.ADMIN_STAFF, structure)
    with django_assert_max_num_queries(10):
        page = text(client.get(reverse("satisfaction:publishable")))
    assert "Publié avec accord" in page
    for hidden in ("Accord mais pas publié", "Sans accord", "Accord retiré"):
        assert hidden not in page


def test_the_counsellor_publishes_then_the_revocation_unpublishes(client, make_member, structure, person):
    client_as(client, make_member, Role.COUNSELLOR, structure)
    form = {"person": person.pk, "author_display_name": "Yasmina", "text": "J'ai repris confiance."}
    response = client.post(reverse("satisfaction:testimonial_create"), form, follow=True)
    assert "Le témoignage est enregistré" in text(response)
    testimonial = StoredTestimonial.objects.get()
    response = client.post(reverse("satisfaction:testimonial_publish", args=[testimonial.pk]), follow=True)
    assert "ne se publie qu'avec le consentement écrit" in text(response)
    form["consent_given_on"] = "2025-06-16"
    response = client.post(reverse("satisfaction:testimonial_update", args=[testimonial.pk]), form)
    assert "ne peut pas être dans le futur" in text(response)
    form["consent_given_on"] = "2025-06-10"
    client.post(reverse("satisfaction:testimonial_update", args=[testimonial.pk]), form)
    client.post(reverse("satisfaction:testimonial_publish", args=[testimonial.pk]))
    assert "J'ai repris confiance." in text(client.get(reverse("satisfaction:publishable")))
    response = client.post(
        reverse("satisfaction:testimonial_revoke", args=[testimonial.pk]), {"revoked_on": "2025-06-15"}, follow=True
    )
    assert "n'est plus publiable" in text(response)
    assert "J'ai repris confiance." not in text(client.get(reverse("satisfaction:publishable")))


def test_the_person_page_shows_the_invitations_to_counsellors_only(client, make_member, structure, person, director):
    services.invitation_create(actor=director, person=person)
    client_as(client, make_member, Role.COUNSELLOR, structure)
    page = text(client.get(reverse("people:detail", args=[person.pk])))
    assert "Satisfaction et témoignage" in page and "en attente de réponse" in page
    client_as(client, make_member, Role.SUPERVISOR, structure)
    page = text(client.get(reverse("people:detail", args=[person.pk])))
    assert "Satisfaction et témoignage" not in page


def test_records_of_another_aci_are_404(director_client, other_structure):
    theirs = MakeTestimonial(structure=other_structure, consent_given_on=date(2025, 3, 1), published=True)
    stranger = PersonFactory(structure=other_structure)
    assert director_client.get(reverse("satisfaction:testimonial_detail", args=[theirs.pk])).status_code == 404
    assert director_client.get(reverse("satisfaction:testimonial_photo", args=[theirs.pk])).status_code == 404
    assert director_client.post(reverse("satisfaction:invite", args=[stranger.pk])).status_code == 404
    assert not Invitation.objects.exists()
