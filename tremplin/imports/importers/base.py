"""What every importer is: its columns, a pure validation of a row into an intent, and the
application of an intent through the existing services, in a run context that holds the
lookups of the run (people, partners, referrals already known) and can forget what a failed row
added to them."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from tremplin.accounts.models import User
from tremplin.organisations.models import Structure
from tremplin.partners.models import Partner
from tremplin.partners.services import partner_create
from tremplin.people.models import Person
from tremplin.people.services import normalise_name

from ..enums import RowStatus
from ..parsing import Column, RowReader, normalise
from ..rules import partner_kind_for

PARTNER_ADDED = "Prescripteur « {name} » ajouté à l'annuaire (type « {kind} » à vérifier)."


@dataclass
class Outcome:
    status: RowStatus
    notes: list[str] = field(default_factory=list)


def combine(*statuses: RowStatus) -> RowStatus:
    """A row that created something is a creation; else one that changed something an update."""
    for status in (RowStatus.CREATED, RowStatus.UPDATED):
        if status in statuses:
            return status
    return RowStatus.UNCHANGED


def person_key(last_name: str, first_name: str, birth_date) -> tuple:
    """The natural key of a person in an ACI: names (case, accents, hyphens aside) and birth date,
    as people.services.possible_duplicates compares them."""
    return normalise_name(last_name), normalise_name(first_name), birth_date


class RunContext:
    """The lookups of one run, loaded once. A row's additions are undone when the row fails (its
    savepoint is rolled back, so must the lookups be)."""

    def __init__(self, *, structure: Structure, actor: User):
        self.structure, self.actor = structure, actor
        self._undo: list = []
        self._touched: list = []
        self.people: dict[tuple, Person] = {}
        for person in Person.objects.filter(structure=structure):
            self._index_person(person)
        self._partners: dict[str, Partner] | None = None

    def _index_person(self, person: Person) -> list[tuple]:
        keys = [person_key(person.last_name, person.first_name, person.birth_date)]
        if person.birth_name:
            keys.append(person_key(person.birth_name, person.first_name, person.birth_date))
        for key in keys:
            self.people.setdefault(key, person)
        return keys

    def remember(self, index: dict, key, value) -> None:
        self._undo.append((index, key, index.get(key, _MISSING)))
        index[key] = value

    def touch(self, obj) -> None:
        """An object the row changes in memory: reloaded if the row fails."""
        self._touched.append(obj)

    def add_person(self, person: Person) -> None:
        for key in (person_key(person.last_name, person.first_name, person.birth_date),):
            self.remember(self.people, key, person)

    def find_person(self, last_name: str, first_name: str, birth_date) -> Person | None:
        return self.people.get(person_key(last_name, first_name, birth_date))

    def partner(self, name: str, notes: list[str]) -> Partner:
        """The prescriber of that name in the directory of the structure porteuse, added to it
        when it is not there yet."""
        if self._partners is None:
            self._partners = {
                normalise(p.name): p for p in Partner.objects.filter(organisation_id=self.structure.organisation_id)
            }
        key = normalise(name)
        partner = self._partners.get(key)
        if partner is None:
            partner = partner_create(
                organisation=self.structure.organisation, name=name[:200], kind=partner_kind_for(name)
            )
            self.remember(self._partners, key, partner)
            notes.append(PARTNER_ADDED.format(name=partner.name, kind=partner.get_kind_display()))
        return partner

    def row_done(self) -> None:
        self._undo.clear()
        self._touched.clear()

    def row_failed(self) -> None:
        for index, key, previous in reversed(self._undo):
            if previous is _MISSING:
                index.pop(key, None)
            else:
                index[key] = previous
        for obj in self._touched:
            with contextlib.suppress(obj.DoesNotExist):
                obj.refresh_from_db()
        self.row_done()


_MISSING = object()


class Importer:
    """One kind of file. Subclasses set `columns` and `field_columns` (service field -> column
    key, so that a service's refusal lands under the right column) and implement `validate`
    (pure: the row read into an intent, or None with the reader's errors) and `apply`."""

    columns: tuple[Column, ...] = ()
    field_columns: dict[str, str] = {}
    context_class = RunContext

    def check_columns(self, positions: dict[str, int]) -> None:
        """Refuse the file when a combination of columns is missing (raise ValidationError)."""

    def validate(self, row: RowReader):
        raise NotImplementedError

    def label(self, intent) -> str:
        raise NotImplementedError

    def start(self, *, structure: Structure, actor: User) -> RunContext:
        return self.context_class(structure=structure, actor=actor)

    def apply(self, intent, context: RunContext) -> Outcome:
        raise NotImplementedError

    def error_messages(self, error: ValidationError) -> list[list[str]]:
        """A service's refusal as [column header, message] pairs ("" for the row as a whole)."""
        labels = {c.key: c.label for c in self.columns}
        if not hasattr(error, "error_dict"):
            return [["", message] for message in error.messages]
        pairs = []
        for name, messages in error.message_dict.items():
            label = labels.get(self.field_columns.get(name, ""), "")
            pairs += [[label, message] for message in messages]
        return pairs
