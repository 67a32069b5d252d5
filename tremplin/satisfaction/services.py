"""Writes of the satisfaction app: an anonymous answer (shared tablet or one-time link), the
invitations, and the testimonials with their consent."""

from __future__ import annotations

import secrets
from datetime import date

from django.db import transaction
from django.utils import timezone

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.organisations.models import Structure
from tremplin.people.models import Person

from . import rules
from .models import Invitation, SatisfactionResponse, Testimonial
from .validators import check_photo


def _response(*, structure_id: int, answers: dict, comment: str) -> SatisfactionResponse:
    answers = rules.clean_answers(answers)
    raise_if(None, rules.check_answers(answers, comment))
    response = SatisfactionResponse(
        structure_id=structure_id, answered_on=timezone.localdate(), answers=answers, comment=comment.strip()
    )
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def response_submit(*, structure: Structure, answers: dict, comment: str = "") -> SatisfactionResponse:
    """An answer given on the shared tablet (borne): no person, the day only."""
    return _response(structure_id=structure.pk, answers=answers, comment=comment)


@transaction.atomic
def invitation_create(*, actor: User, person: Person) -> tuple[Invitation, str]:
    """A one-time link for `person`, valid 30 days. Returns the invitation and the token, which
    is not stored (only its SHA-256): show it now or never."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        structure_id=person.structure_id,
        person=person,
        token_hash=rules.hash_token(token),
        expires_at=rules.invitation_expiry(timezone.now()),
        created_by=actor,
    )
    invitation.full_clean()
    invitation.save()
    return invitation, token


@transaction.atomic
def response_submit_by_invitation(*, token: str, answers: dict, comment: str = "") -> SatisfactionResponse:
    """An answer through a one-time link: the invitation must be open; it is used at once. The
    answer keeps no link to the invitation nor to the person."""
    invitation = Invitation.objects.select_for_update().filter(token_hash=rules.hash_token(token)).first()
    if (
        invitation is None
        or rules.invitation_state(used=invitation.used, expires_at=invitation.expires_at, now=timezone.now()) != "open"
    ):
        raise_if(None, rules.INVITATION_INVALID)
    response = _response(structure_id=invitation.structure_id, answers=answers, comment=comment)
    invitation.used = True
    invitation.save(update_fields=["used"])
    return response


def _check_testimonial(*, structure: Structure, person: Person | None, photo, consent_given_on: date | None) -> None:
    if person is not None and person.structure_id != structure.pk:
        raise_if("person", rules.PERSON_OTHER_STRUCTURE)
    raise_if("consent_given_on", rules.check_consent_date(consent_given_on, timezone.localdate()))
    if photo:
        check_photo(photo)


@transaction.atomic
def testimonial_create(
    *,
    actor: User,
    structure: Structure,
    author_display_name: str,
    text: str,
    person: Person | None = None,
    photo=None,
    consent_given_on: date | None = None,
) -> Testimonial:
    _check_testimonial(structure=structure, person=person, photo=photo, consent_given_on=consent_given_on)
    testimonial = Testimonial(
        structure=structure,
        person=person,
        author_display_name=author_display_name.strip(),
        text=text.strip(),
        consent_given_on=consent_given_on,
        created_by=actor,
    )
    if photo:
        testimonial.photo = photo
    testimonial.full_clean()
    testimonial.save()
    return testimonial


@transaction.atomic
def testimonial_update(
    *,
    actor: User,
    testimonial: Testimonial,
    author_display_name: str,
    text: str,
    person: Person | None = None,
    photo=None,
    consent_given_on: date | None = None,
) -> Testimonial:
    """Change a testimonial; a photo left empty keeps the one there is. Once consent is revoked,
    its date stays as it was recorded."""
    _check_testimonial(structure=testimonial.structure, person=person, photo=photo, consent_given_on=consent_given_on)
    if testimonial.consent_revoked_on and consent_given_on != testimonial.consent_given_on:
        raise_if(
            "consent_given_on",
            rules.CONSENT_CHANGE_AFTER_REVOCATION.format(day=rules.fr(testimonial.consent_revoked_on)),
        )
    if testimonial.published:
        raise_if("consent_given_on", rules.check_publishable(consent_given_on, testimonial.consent_revoked_on))
    testimonial.person = person
    testimonial.author_display_name = author_display_name.strip()
    testimonial.text = text.strip()
    testimonial.consent_given_on = consent_given_on
    if photo:
        testimonial.photo = photo
    testimonial.full_clean()
    testimonial.save()
    return testimonial


@transaction.atomic
def testimonial_publish(*, actor: User, testimonial: Testimonial) -> Testimonial:
    raise_if(None, rules.check_publishable(testimonial.consent_given_on, testimonial.consent_revoked_on))
    testimonial.published = True
    testimonial.save(update_fields=["published", "updated_at"])
    return testimonial


@transaction.atomic
def testimonial_unpublish(*, actor: User, testimonial: Testimonial) -> Testimonial:
    testimonial.published = False
    testimonial.save(update_fields=["published", "updated_at"])
    return testimonial


@transaction.atomic
def testimonial_revoke_consent(*, actor: User, testimonial: Testimonial, revoked_on: date) -> Testimonial:
    """The author withdraws consent: the testimonial is no longer publishable, at once."""
    raise_if(
        "revoked_on",
        rules.check_revocation(
            testimonial.consent_given_on, testimonial.consent_revoked_on, revoked_on, timezone.localdate()
        ),
    )
    testimonial.consent_revoked_on = revoked_on
    testimonial.published = False
    testimonial.full_clean()
    testimonial.save(update_fields=["consent_revoked_on", "published", "updated_at"])
    return testimonial
