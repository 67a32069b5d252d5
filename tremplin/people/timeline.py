"""The whole pathway of a person as one chronological timeline. Each domain app contributes
its events through a `timeline_events(person)` selector listed here; later apps add theirs."""

from dataclasses import dataclass
from datetime import date
from importlib import import_module

TIMELINE_SOURCES = [
    "tremplin.recruitment.selectors",
    "tremplin.eligibility.selectors",
    "tremplin.contracts.selectors",
    "tremplin.support.selectors",
    "tremplin.skills.selectors",
    "tremplin.reviews.selectors",
    "tremplin.immersions.selectors",
    "tremplin.training.selectors",
    "tremplin.justice.selectors",
    "tremplin.committees.selectors",
    "tremplin.satisfaction.selectors",
]


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event of a pathway, as every domain app gives them."""

    day: date
    icon: str
    title: str
    detail: str = ""
    tone: str = "secondary"
    link: str = ""  # an action on this event, e.g. record a scheduled follow-up
    link_label: str = ""


def person_timeline(person, scope) -> list:
    """Each source gets the acting scope, to leave out what this role may not read."""
    events = []
    for module in TIMELINE_SOURCES:
        events.extend(import_module(module).timeline_events(person, scope=scope))
    # Newest first, on the same day too: the sources come in the order a pathway goes, and the
    # sort is stable, so reverse the gathered list before sorting.
    events.reverse()
    return sorted(events, key=lambda event: event.day, reverse=True)
