from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from tremplin.people.tests.factories import PersonFactory
from tremplin.satisfaction import rules, services
from tremplin.satisfaction.models import Invitation, SatisfactionResponse
from tremplin.satisfaction.models import Testimonial as StoredTestimonial
from tremplin.satisfaction.validators import PHOTO_SIZE, PHOTO_TYPE

from .factories import TestimonialFactory as MakeTestimonial

PARIS = ZoneInfo("Europe/Paris")
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def person(structure):
    return PersonFactory(structure=structure, first_name="Yasmina", last_name="Oudjani")


def test_only_the_hash_of_the_token_is_stored(director, person):
    invitation, token = services.invitation_create(actor=director, person=person)
    assert len(token) >= 43  # token_urlsafe(32)
    stored = Invitation.objects.get()
    assert stored.token_hash == rules.hash_token(token)
    assert token not in repr(list(Invitation.objects.values()))


def test_a_token_serves_once(director, person, structure):
    _, token = services.invitation_create(actor=director, person=person)
    response = services.response_submit_by_invitation(token=token, answers={"welcome": 4}, comment="Merci")
    assert response.structure == structure and response.answers == {"welcome": 4}
    assert Invitation.objects.get().used
    with pytest.raises(ValidationError) as error:
        services.response_submit_by_invitation(token=token, answers={"welcome": 1})
    assert error.value.messages == [rules.INVITATION_INVALID]
    assert SatisfactionResponse.objects.count() == 1


def test_a_token_expires_after_30_days(director, person):
    with time_machine.travel(datetime(2025, 6, 1, 9, 0, tzinfo=PARIS), tick=False):
        _, late = services.invitation_create(actor=director, person=person)
        _, in_time = services.invitation_create(actor=director, person=person)
    with time_machine.travel(datetime(2025, 7, 1, 8, 59, tzinfo=PARIS), tick=False):
        services.response_submit_by_invitation(token=in_time, answers={"project": 3})
    with (
        time_machine.travel(datetime(2025, 7, 1, 9, 0, tzinfo=PARIS), tick=False),
        pytest.raises(ValidationError) as error,
    ):
        services.response_submit_by_invitation(token=late, answers={"project": 3})
    assert error.value.messages == [rules.INVITATION_INVALID]
    assert SatisfactionResponse.objects.get().answered_on == date(2025, 7, 1)


def test_an_unknown_token_is_refused(db):
    with pytest.raises(ValidationError):
        services.response_submit_by_invitation(token="inconnu", answers={"project": 3})


def test_an_answer_keeps_no_link_to_the_person(director, person, structure):
    _, token = services.invitation_create(actor=director, person=person)
    services.response_submit_by_invitation(token=token, answers={"welcome": 2}, comment="Bien")
    fields = {f.name for f in SatisfactionResponse._meta.get_fields()}
    assert fields == {"id", "structure", "answered_on", "answers", "comment"}


def test_an_empty_answer_is_refused(structure):
    with pytest.raises(ValidationError) as error:
        services.response_submit(structure=structure, answers={"welcome": None}, comment=" ")
    assert error.value.messages == [rules.EMPTY_RESPONSE]


@time_machine.travel(date(2025, 6, 15), tick=False)
def test_publishing_needs_a_consent_not_revoked(director, structure, person):
    testimonial = services.testimonial_create(
        actor=director, structure=structure, person=person, author_display_name="Yasmina", text="Un vrai tremplin."
    )
    with pytest.raises(ValidationError) as error:
        services.testimonial_publish(actor=director, testimonial=testimonial)
    assert error.value.messages == [rules.PUBLISH_WITHOUT_CONSENT]
    with pytest.raises(ValidationError) as error:
        services.testimonial_update(
            actor=director,
            testimonial=testimonial,
            person=person,
            author_display_name="Yasmina",
            text="Un vrai tremplin.",
            consent_given_on=date(2025, 6, 16),
        )
    assert error.value.message_dict == {"consent_given_on": [rules.CONSENT_IN_FUTURE.format(day="16/06/2025")]}
    services.testimonial_update(
        actor=director,
        testimonial=testimonial,
        person=person,
        author_display_name="Yasmina",
        text="Un vrai tremplin.",
        consent_given_on=date(2025, 6, 15),
    )
    services.testimonial_publish(actor=director, testimonial=testimonial)
    assert StoredTestimonial.objects.get().published


@time_machine.travel(date(2025, 6, 15), tick=False)
def test_revoking_consent_unpublishes_at_once(director, structure):
    testimonial = MakeTestimonial(structure=structure, consent_given_on=date(2025, 3, 1), published=True)
    with pytest.raises(ValidationError) as error:
        services.testimonial_revoke_consent(actor=director, testimonial=testimonial, revoked_on=date(2025, 6, 16))
    assert error.value.message_dict == {"revoked_on": [rules.REVOCATION_IN_FUTURE.format(day="16/06/2025")]}
    services.testimonial_revoke_consent(actor=director, testimonial=testimonial, revoked_on=date(2025, 6, 15))
    testimonial.refresh_from_db()
    assert testimonial.consent_revoked_on == date(2025, 6, 15) and not testimonial.published
    with pytest.raises(ValidationError) as error:
        services.testimonial_publish(actor=director, testimonial=testimonial)
    assert error.value.messages == [rules.PUBLISH_AFTER_REVOCATION.format(day="15/06/2025")]


def test_the_database_refuses_a_published_testimonial_without_consent(structure):
    with pytest.raises(IntegrityError):
        MakeTestimonial(structure=structure, published=True)


@time_machine.travel(date(2025, 6, 15), tick=False)
def test_the_photo_is_a_jpeg_or_png_of_2_mb_at_most(director, structure, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fields = {"actor": director, "structure": structure, "author_display_name": "Paul", "text": "Merci."}
    fake = SimpleUploadedFile("photo.png", b"GIF89a" + b"\0" * 64, content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.testimonial_create(photo=fake, **fields)
    assert error.value.message_dict == {"photo": [PHOTO_TYPE]}
    wrong_type = SimpleUploadedFile("photo.png", PNG, content_type="application/pdf")
    with pytest.raises(ValidationError):
        services.testimonial_create(photo=wrong_type, **fields)
    big = SimpleUploadedFile("photo.png", PNG + b"\0" * (2 * 1024 * 1024), content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.testimonial_create(photo=big, **fields)
    assert error.value.message_dict == {"photo": [PHOTO_SIZE]}
    good = SimpleUploadedFile("photo.png", PNG, content_type="image/png")
    testimonial = services.testimonial_create(photo=good, **fields)
    assert testimonial.photo.name.startswith(f"temoignages/{structure.pk}/")


def test_expiry_is_stored_30_days_ahead(director, person):
    with time_machine.travel(datetime(2025, 6, 1, 9, 0, tzinfo=PARIS), tick=False):
        invitation, _ = services.invitation_create(actor=director, person=person)
    assert invitation.expires_at == datetime(2025, 6, 1, 9, 0, tzinfo=PARIS) + timedelta(days=30)
