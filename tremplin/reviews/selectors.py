"""Reads of the reviews app: the list of the current ACI, what a review page shows to each role
(obstacles for the counsellor and the director only, the latest skills evaluation), the timeline
events and the person page section."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from tremplin.accounts.scope import Scope
from tremplin.kernel.formats import fr
from tremplin.people.models import Person
from tremplin.people.sections import PersonSection
from tremplin.people.timeline import TimelineEvent

from .access import can_read, can_see_obstacles, can_write, can_write_technical, reviews_in_scope
from .enums import ReviewKind
from .models import Review

LIST_SIZE = 100


def review_list(scope: Scope, *, kind: str = "", unsigned: bool = False) -> QuerySet[Review]:
    reviews = (
        reviews_in_scope(scope)
        .filter(person__structure=scope.structure)
        .select_related("person", "signed_by", "technical_signed_by")
        .order_by("-held_on", "-pk")
    )
    if kind in ReviewKind.values:
        reviews = reviews.filter(kind=kind)
    if unsigned:
        reviews = reviews.filter(signed_at__isnull=True)
    return reviews[:LIST_SIZE]


@dataclass(frozen=True)
class ReviewPage:
    """What a review shows to the viewer: `obstacles` is None when the role may not see them."""

    review: Review
    obstacles: list | None
    evaluation: object | None  # the person's latest skills evaluation on the day of the review
    skill_groups: list


def review_page(review: Review, *, scope: Scope) -> ReviewPage:
    """The obstacle lines come from the support app, which logs the sensitive ones as read."""
    from tremplin.skills.selectors import latest_evaluation, rating_groups
    from tremplin.support.selectors import obstacle_summary

    obstacles = obstacle_summary(review.person, scope=scope) if can_see_obstacles(scope) else None
    evaluation = latest_evaluation(review.person, on=review.held_on)  # the review's own time
    return ReviewPage(
        review=review,
        obstacles=obstacles,
        evaluation=evaluation,
        skill_groups=rating_groups(evaluation) if evaluation else [],
    )


def _status(review: Review) -> str:
    if review.is_signed:
        return f"Signé par {review.signed_by.get_full_name()} le {fr(review.signed_at.date())}."
    return "En cours de rédaction, pas encore signé."


def timeline_events(person: Person, *, scope: Scope) -> list[TimelineEvent]:
    if not can_read(scope):
        return []
    events = []
    for review in person.reviews.select_related("signed_by").order_by("held_on", "pk"):
        events.append(
            TimelineEvent(
                review.held_on,
                "journal-check" if review.is_signed else "journal-text",
                review.get_kind_display(),
                _status(review),
                "success" if review.is_signed else "info",
                reverse("reviews:detail", args=[review.pk]),
                "Voir le bilan",
            )
        )
    return events


def person_section(person: Person, *, scope: Scope) -> PersonSection | None:
    if not can_read(scope):
        return None
    reviews = list(person.reviews.select_related("signed_by", "technical_signed_by").order_by("-held_on", "-pk"))
    return PersonSection(
        template="reviews/_person_section.html",
        title="Bilans du parcours",
        context={
            "reviews": reviews,
            "can_write": can_write(scope),
            "can_write_technical": can_write_technical(scope),
            "kinds": ReviewKind.choices,
        },
    )
