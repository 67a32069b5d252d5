"""The review pages through HTTP: who reads what (no obstacles for the supervisor), who writes
and signs, the locks, the PDF, the query count of the list."""

import html
import io
from datetime import date

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tremplin.accounts.enums import Role
from tremplin.audit.models import SensitiveRead
from tremplin.people.tests.factories import PersonFactory
from tremplin.reviews import services
from tremplin.reviews.enums import ReviewKind
from tremplin.reviews.models import Review
from tremplin.support.enums import ObstacleCategory
from tremplin.support.tests.factories import DiagnosisFactory, ObstacleFactory


def text(response) -> str:
    return html.unescape(response.content.decode()).replace("\xa0", " ").replace("\u202f", " ")


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def review(counsellor, contract):
    diagnosis = DiagnosisFactory(person=contract.person, author=counsellor)
    ObstacleFactory(diagnosis=diagnosis, category=ObstacleCategory.MOBILITY, actions="Aide au permis B")
    ObstacleFactory(diagnosis=diagnosis, category=ObstacleCategory.HEALTH, actions="Suivi CMP mensuel")
    return services.review_create(
        actor=counsellor,
        person=contract.person,
        kind=ReviewKind.INTERMEDIATE,
        held_on=date(2026, 4, 2),
        professional_project="Agent d'entretien des espaces verts en collectivité",
        target_codes=["A1203"],
        next_steps="PMSMP au service des parcs",
    )


def test_the_counsellor_creates_a_review_from_the_person_page(client, counsellor, contract):
    client.force_login(counsellor)
    page = text(client.get(reverse("people:detail", args=[contract.person.pk])))
    assert "Bilans du parcours" in page and "Bilan d'entrée" in page
    form = {
        "kind": "entry",
        "held_on": "2026-01-20",
        "professional_project": "Cuisine",
        "target_codes": "g1602, G1603",
        "next_steps": "",
    }
    response = client.post(reverse("reviews:create", args=[contract.person.pk]), form, follow=True)
    assert "Le bilan de Amina Diallo est enregistré. Il reste à le signer." in text(response)
    review = Review.objects.get()
    assert sorted(review.target_jobs.values_list("code", flat=True)) == ["G1602", "G1603"]
    response = client.post(reverse("reviews:create", args=[contract.person.pk]), form)
    assert "Un bilan d'entrée existe déjà pour ce parcours (bilan du 20/01/2026)" in text(response)


def test_the_counsellor_reads_the_whole_review_and_the_sensitive_obstacle_read_is_logged(client, counsellor, review):
    client.force_login(counsellor)
    page = text(client.get(reverse("reviews:detail", args=[review.pk])))
    assert "Freins à l'emploi" in page and "Aide au permis B" in page and "Suivi CMP mensuel" in page
    read = SensitiveRead.objects.get()
    assert read.reader == counsellor and read.person == review.person


def test_the_supervisor_reads_the_review_without_the_obstacles(client, supervisor, review):
    client.force_login(supervisor)
    page = text(client.get(reverse("reviews:detail", args=[review.pk])))
    assert "Agent d'entretien des espaces verts en collectivité" in page
    assert "Freins" not in page and "Aide au permis B" not in page and "CMP" not in page
    pdf = pdf_text(client.get(reverse("reviews:pdf", args=[review.pk])))
    assert "Agent d'entretien des espaces verts en collectivité" in pdf
    assert "Freins" not in pdf and "permis B" not in pdf and "CMP" not in pdf
    assert not SensitiveRead.objects.exists()


def test_the_supervisor_writes_and_signs_the_technical_part_only(client, supervisor, review):
    client.force_login(supervisor)
    assert client.get(reverse("reviews:update", args=[review.pk])).status_code == 404
    assert client.post(reverse("reviews:sign", args=[review.pk])).status_code == 404
    assert client.get(reverse("reviews:create", args=[review.person.pk])).status_code == 404
    response = client.post(
        reverse("reviews:technical_update", args=[review.pk]),
        {"technical_assessment": "Gestes de taille acquis."},
        follow=True,
    )
    assert "La partie technique est enregistrée." in text(response)
    response = client.post(reverse("reviews:technical_sign", args=[review.pk]), follow=True)
    assert "La partie technique est signée." in text(response)
    response = client.get(reverse("reviews:technical_update", args=[review.pk]), follow=True)
    assert "La partie technique est signée : elle ne peut plus être modifiée." in text(response)
    review.refresh_from_db()
    assert review.technical_signed_by == supervisor


def test_the_counsellor_may_not_write_the_technical_part(client, counsellor, review):
    client.force_login(counsellor)
    assert client.get(reverse("reviews:technical_update", args=[review.pk])).status_code == 404
    assert client.post(reverse("reviews:technical_sign", args=[review.pk])).status_code == 404


def test_a_signed_review_can_no_longer_be_edited(client, counsellor, review):
    client.force_login(counsellor)
    response = client.post(reverse("reviews:sign", args=[review.pk]), follow=True)
    assert "Le bilan est signé : il ne peut plus être modifié." in text(response)
    response = client.get(reverse("reviews:update", args=[review.pk]), follow=True)
    assert "Ce bilan est signé : il ne peut plus être modifié." in text(response)
    response = client.post(
        reverse("reviews:update", args=[review.pk]), {"held_on": "2026-04-03", "professional_project": "X"}, follow=True
    )
    assert "Ce bilan est signé : il ne peut plus être modifié." in text(response)
    review.refresh_from_db()
    assert review.held_on == date(2026, 4, 2) and review.professional_project.startswith("Agent")


@pytest.mark.parametrize("role", [Role.ADMIN_STAFF, Role.PRESCRIBER, Role.FUNDER])
def test_other_roles_of_the_aci_get_404(client, make_member, structure, review, role):
    client.force_login(make_member(role, structure))
    for url in (
        reverse("reviews:list"),
        reverse("reviews:detail", args=[review.pk]),
        reverse("reviews:pdf", args=[review.pk]),
        reverse("reviews:update", args=[review.pk]),
        reverse("reviews:create", args=[review.person.pk]),
        reverse("reviews:technical_update", args=[review.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("reviews:sign", args=[review.pk])).status_code == 404


def test_admin_staff_does_not_see_reviews_on_the_person_page(client, make_member, structure, review):
    client.force_login(make_member(Role.ADMIN_STAFF, structure))
    page = text(client.get(reverse("people:detail", args=[review.person.pk])))
    assert "Bilans du parcours" not in page and "Bilan intermédiaire" not in page


def test_the_review_pdf_for_the_counsellor(client, counsellor, supervisor, review):
    services.review_technical_update(actor=supervisor, review=review, technical_assessment="Autonome sur la tonte.")
    services.review_technical_sign(actor=supervisor, review=review)
    services.review_sign(actor=counsellor, review=review)
    client.force_login(counsellor)
    response = client.get(reverse("reviews:pdf", args=[review.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    content = pdf_text(response)
    assert "Bilan intermédiaire" in content and "Amina DIALLO" in content and "02/04/2026" in content
    assert "A1203 – Aménagement et entretien des espaces verts" in content
    assert "Freins à l'emploi" in content and "Mobilité" in content and "Santé" in content
    assert "Autonome sur la tonte." in content
    assert "Signé par Karim Benali le 15/06/2026" in content and "Signé par Paul Girard" in content


def test_timeline_and_list(client, counsellor, review, structure, django_assert_max_num_queries):
    for i in range(5):
        other = PersonFactory(structure=structure, last_name=f"Salarie{i}")
        services.review_create(
            actor=counsellor, person=other, kind=ReviewKind.ENTRY, held_on=date(2026, 2, 1), professional_project="P"
        )
    client.force_login(counsellor)
    with django_assert_max_num_queries(12):
        page = text(client.get(reverse("reviews:list")))
    assert page.count("à signer") == 6 and "SALARIE4" in page
    assert "SALARIE4" not in text(client.get(reverse("reviews:list") + "?type=intermediate"))
    page = text(client.get(reverse("people:detail", args=[review.person.pk])))
    assert "En cours de rédaction, pas encore signé." in page  # the timeline event


def test_the_review_shows_the_latest_skills_evaluation_of_its_day(client, supervisor, review):
    from tremplin.skills import services as skill_services

    grid = skill_services.grid_create(
        actor=supervisor,
        structure=review.person.structure,
        name="Espaces verts",
        soft_criteria=["Ponctualité"],
        trade_criteria=["Tonte"],
    )
    criteria = {c.label: c.pk for c in grid.criteria.all()}
    for day, level in ((date(2026, 3, 2), 2), (date(2026, 5, 4), 4)):
        skill_services.evaluation_create(
            actor=supervisor,
            person=review.person,
            grid=grid,
            evaluated_on=day,
            evaluator=supervisor,
            levels={criteria["Ponctualité"]: level, criteria["Tonte"]: 3},
        )
    client.force_login(supervisor)
    page = text(client.get(reverse("reviews:detail", args=[review.pk])))  # held on 02/04/2026
    assert "Évaluation du 02/03/2026, grille Espaces verts" in page
    assert "En cours d'acquisition" in page and "Maîtrisé" not in page
