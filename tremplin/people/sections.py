"""The blocks of the person page that the domains contribute (contract, referrals, eligibility,
support, skills, immersions, training, justice...). Each app that has one defines
`person_section(person, *, scope)` in its `selectors.py` (found there by kernel.registry),
returning a `PersonSection`, a list of them, or None when the viewer may not see them."""

from dataclasses import dataclass, field

from tremplin.kernel.registry import contributions

COLUMNS = ("actions", "side", "main")


@dataclass(frozen=True)
class PersonSection:
    """One block of the person page: a template and its context (the template receives the
    page's context plus `section`, this object). `column`: "actions" (the buttons of the page's
    head), "side" (the left column, above the person's situation) or "main" (above the
    timeline); `position` orders the blocks of a column, then the order of INSTALLED_APPS."""

    template: str
    title: str
    context: dict = field(default_factory=dict)
    column: str = "main"
    position: int = 50


def person_sections(person, scope) -> dict[str, list[PersonSection]]:
    columns: dict[str, list[PersonSection]] = {column: [] for column in COLUMNS}
    for person_section in contributions("selectors", "person_section"):
        given = person_section(person, scope=scope)
        for section in given if isinstance(given, list | tuple) else [given]:
            if section is not None:
                columns[section.column].append(section)
    return {column: sorted(sections, key=lambda s: s.position) for column, sections in columns.items()}
