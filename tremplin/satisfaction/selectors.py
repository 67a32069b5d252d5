"""Reads of the satisfaction app: the aggregated results of a period, the invitations with their
state, the testimonials, and the block of the person page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from tremplin.organisations.models import Structure
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent

from . import rules
from .access import can_collect, can_manage_testimonials
from .models import Invitation, SatisfactionResponse, Testimonial

STATE_LABELS = {"open": "En attente de réponse", "used": "Utilisée", "expired": "Expirée"}
STATE_TONES = {"open": "primary", "used": "success", "expired": "secondary"}


def results(structure: Structure, start: date, end: date) -> rules.Results:
    """The answers of the ACI given within [start, end], aggregated (one query)."""
    rows = SatisfactionResponse.objects.filter(structure=structure, answered_on__range=(start, end)).values_list(
        "answers", "comment"
    )
    return rules.aggregate(rows)


def valid_invitation(token: str, *, now: datetime | None = None) -> Invitation | None:
    """The open invitation of this token, with its ACI (for its name only), else None."""
    invitation = (
        Invitation.objects.filter(token_hash=rules.hash_token(token)).select_related("structure").first()
        if token
        else None
    )
    if invitation is None:
        return None
    state = rules.invitation_state(used=invitation.used, expires_at=invitation.expires_at, now=now or timezone.now())
    return invitation if state == "open" else None


@dataclass(frozen=True)
class InvitationRow:
    invitation: Invitation
    state: str

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def tone(self) -> str:
        return STATE_TONES[self.state]


def invitation_rows(invitations: QuerySet[Invitation], *, now: datetime) -> list[InvitationRow]:
    return [
        InvitationRow(i, rules.invitation_state(used=i.used, expires_at=i.expires_at, now=now)) for i in invitations
    ]


def invitation_list(structure: Structure, *, now: datetime) -> list[InvitationRow]:
    return invitation_rows(
        Invitation.objects.filter(structure=structure).select_related("person", "created_by"), now=now
    )


def testimonial_list(structure: Structure) -> QuerySet[Testimonial]:
    return Testimonial.objects.filter(structure=structure).select_related("person")


def publishable_testimonials(structure: Structure) -> QuerySet[Testimonial]:
    """Only the testimonials published with a consent given and not revoked."""
    return Testimonial.objects.filter(
        structure=structure, published=True, consent_given_on__isnull=False, consent_revoked_on__isnull=True
    ).order_by("-consent_given_on", "-pk")


def timeline_events(person, *, scope) -> list:
    """Invitations sent and consents given or withdrawn (never when an answer was given)."""
    if not can_collect(scope):
        return []
    events = [
        TimelineEvent(
            day=timezone.localtime(invitation.created_at).date(),
            icon="ui-checks",
            title="Invitation au questionnaire de satisfaction",
            detail=f"Lien valable jusqu'au {timezone.localtime(invitation.expires_at):%d/%m/%Y}.",
        )
        for invitation in person.satisfaction_invitations.all()
    ]
    if can_manage_testimonials(scope):
        for testimonial in person.testimonials.all():
            link = reverse("satisfaction:testimonial_detail", args=[testimonial.pk])
            if testimonial.consent_given_on:
                events.append(
                    TimelineEvent(
                        day=testimonial.consent_given_on,
                        icon="chat-quote",
                        title="Consentement à la publication d'un témoignage",
                        link=link,
                        link_label="Voir le témoignage",
                    )
                )
            if testimonial.consent_revoked_on:
                events.append(
                    TimelineEvent(
                        day=testimonial.consent_revoked_on,
                        icon="chat-quote",
                        title="Retrait du consentement à la publication d'un témoignage",
                        tone="warning",
                        link=link,
                        link_label="Voir le témoignage",
                    )
                )
    return events


def person_section(person, *, scope):
    """The block of this app on the person page, or None when the viewer may not see it."""
    if not can_collect(scope):
        return None
    now = timezone.now()
    return PersonSection(
        template="satisfaction/_person_section.html",
        title="Satisfaction et témoignage",
        context={
            "invitations": invitation_rows(person.satisfaction_invitations.all(), now=now),
            "testimonials": list(person.testimonials.all()) if can_manage_testimonials(scope) else [],
        },
    )
