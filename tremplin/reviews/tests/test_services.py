"""Reviews through the services: kinds, signatures and locks, with their French messages."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tremplin.contracts.models import Exit
from tremplin.reviews import rules, services
from tremplin.reviews.enums import ReviewKind


def make(actor, person, kind=ReviewKind.ENTRY, held_on=date(2026, 1, 20), **fields):
    fields.setdefault("professional_project", "Agent d'entretien des espaces verts")
    return services.review_create(actor=actor, person=person, kind=kind, held_on=held_on, **fields)


def test_a_review_records_its_project_and_target_jobs(counsellor, contract):
    review = make(counsellor, contract.person, target_codes=["A1203", "G1602"], next_steps="Atelier CV")
    assert sorted(job.code for job in review.target_jobs.all()) == ["A1203", "G1602"]
    assert not review.is_signed


def test_unknown_rome_codes_are_named(counsellor, contract):
    with pytest.raises(ValidationError) as error:
        make(counsellor, contract.person, target_codes=["A1203", "Z9999", "Y0000"])
    assert error.value.message_dict == {"target_codes": ["Code ROME inconnu : Z9999, Y0000."]}


def test_a_review_in_the_future_is_refused(counsellor, contract):
    with pytest.raises(ValidationError) as error:
        make(counsellor, contract.person, held_on=date(2026, 6, 16))
    assert error.value.message_dict == {"held_on": ["La date du bilan (16/06/2026) ne peut pas être dans le futur."]}


def test_one_entry_review_per_pathway(counsellor, contract):
    make(counsellor, contract.person)
    with pytest.raises(ValidationError) as error:
        make(counsellor, contract.person, held_on=date(2026, 2, 2))
    assert (
        "Un bilan d'entrée existe déjà pour ce parcours (bilan du 20/01/2026)" in error.value.message_dict["held_on"][0]
    )
    Exit.objects.create(
        contract=contract, person=contract.person, exit_date=date(2026, 3, 31), reason="cdi", created_by=counsellor
    )
    assert make(counsellor, contract.person, held_on=date(2026, 5, 4)).kind == ReviewKind.ENTRY  # a new pathway
    make(counsellor, contract.person, kind=ReviewKind.INTERMEDIATE, held_on=date(2026, 2, 2))  # others: no limit


def test_an_exit_review_needs_a_contract(counsellor, person):
    with pytest.raises(ValidationError) as error:
        make(counsellor, person, kind=ReviewKind.EXIT)
    assert error.value.message_dict == {"held_on": [rules.EXIT_REVIEW_NEEDS_CONTRACT.format(day="20/01/2026")]}
    make(counsellor, person, kind=ReviewKind.INTERMEDIATE)  # an intermediate review does not need one


def test_signing_locks_the_review_and_its_technical_part(counsellor, supervisor, contract):
    review = make(counsellor, contract.person)
    services.review_technical_update(actor=supervisor, review=review, technical_assessment="Gestes acquis.")
    review = services.review_sign(actor=counsellor, review=review)
    assert review.signed_by == counsellor and review.signed_at
    for call in (
        lambda: services.review_update(actor=counsellor, review=review, held_on=date(2026, 1, 21)),
        lambda: services.review_sign(actor=counsellor, review=review),
        lambda: services.review_technical_update(actor=supervisor, review=review, technical_assessment="Autre"),
        lambda: services.review_technical_sign(actor=supervisor, review=review),
    ):
        with pytest.raises(ValidationError) as error:
            call()
        assert error.value.messages == ["Ce bilan est signé : il ne peut plus être modifié."]
    review.refresh_from_db()
    assert review.technical_assessment == "Gestes acquis." and review.held_on == date(2026, 1, 20)


def test_signing_needs_a_project(counsellor, contract):
    review = make(counsellor, contract.person, professional_project="  ")
    with pytest.raises(ValidationError) as error:
        services.review_sign(actor=counsellor, review=review)
    assert error.value.messages == [rules.PROJECT_EMPTY]


def test_the_supervisor_signs_the_technical_part_which_is_then_locked(counsellor, supervisor, contract):
    review = make(counsellor, contract.person)
    with pytest.raises(ValidationError) as error:
        services.review_technical_sign(actor=supervisor, review=review)
    assert error.value.messages == ["La partie technique est vide : rédigez-la avant de la signer."]
    services.review_technical_update(actor=supervisor, review=review, technical_assessment="Autonome.")
    review = services.review_technical_sign(actor=supervisor, review=review)
    assert review.technical_signed_by == supervisor
    with pytest.raises(ValidationError) as error:
        services.review_technical_update(actor=supervisor, review=review, technical_assessment="Autre")
    assert error.value.messages == ["La partie technique est signée : elle ne peut plus être modifiée."]
    services.review_update(actor=counsellor, review=review, held_on=date(2026, 1, 22), professional_project="Projet")
    assert services.review_sign(actor=counsellor, review=review).is_signed  # the counsellor's part stays open
