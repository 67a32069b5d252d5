"""The blocks of the person page that other domains contribute (support, skills, immersions,
training, justice...). Each source module has `person_section(person, *, scope)` returning a
`PersonSection` or None when the viewer may not see that block; the page shows them in this
order, in the main column, above the timeline (same pattern as `timeline.py`)."""

from dataclasses import dataclass, field
from importlib import import_module

PERSON_SECTION_SOURCES = [
    "tremplin.support.selectors",
    "tremplin.skills.selectors",
    "tremplin.reviews.selectors",
    "tremplin.immersions.selectors",
    "tremplin.training.selectors",
    "tremplin.justice.selectors",
    "tremplin.satisfaction.selectors",
]


@dataclass(frozen=True)
class PersonSection:
    """One block of the person page: a template and its context (the template receives the
    page's context plus `section`, this object)."""

    template: str
    title: str
    context: dict = field(default_factory=dict)


def person_sections(person, scope) -> list[PersonSection]:
    sections = []
    for module in PERSON_SECTION_SOURCES:
        section = import_module(module).person_section(person, scope=scope)
        if section is not None:
            sections.append(section)
    return sections
