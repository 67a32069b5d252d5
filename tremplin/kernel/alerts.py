"""One dated item of the échéancier, as every domain app gives them (core gathers and sorts them)."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Alert:
    day: date
    kind: str
    person: object  # people.Person
    message: str
    url_name: str = "people:detail"
    url_pk: int | None = None  # defaults to the person

    @property
    def target_pk(self) -> int:
        return self.url_pk or self.person.pk
