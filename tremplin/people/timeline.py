"""The whole pathway of a person as one chronological timeline. Each domain app contributes
its events through a `timeline_events(person, *, scope)` function in its `selectors.py`, found
there by kernel.registry."""

from dataclasses import dataclass
from datetime import date

from tremplin.kernel.registry import contributions


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
    for timeline_events in contributions("selectors", "timeline_events"):
        events.extend(timeline_events(person, scope=scope))
    # Newest first, on the same day too: the sources come in the order a pathway goes, and the
    # sort is stable, so reverse the gathered list before sorting.
    events.reverse()
    return sorted(events, key=lambda event: event.day, reverse=True)
