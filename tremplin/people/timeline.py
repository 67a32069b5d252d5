"""The whole pathway of a person as one chronological timeline. Each domain app contributes
its events through a `timeline_events(person)` selector listed here; later apps add theirs."""

from importlib import import_module

TIMELINE_SOURCES = [
    "tremplin.contracts.selectors",
]


def person_timeline(person) -> list:
    events = []
    for module in TIMELINE_SOURCES:
        events.extend(import_module(module).timeline_events(person))
    return sorted(events, key=lambda event: event.day, reverse=True)
