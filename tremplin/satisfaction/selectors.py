"""Reads of the satisfaction app."""


def timeline_events(person, *, scope) -> list:
    return []


def person_section(person, *, scope):
    """The block of this app on the person page, or None when the viewer may not see it."""
    return None
