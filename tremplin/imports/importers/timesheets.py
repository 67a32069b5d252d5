"""Hours from a payroll or badge system (CSV or XLSX): one line per person, day and kind of
hours. The person is found by NIR or by Tremplin identifier, the contract is the one covering the
day, and every line goes through worktime.services.timesheet_record: the 10 h a day and 48 h a
week limits, the contract's bounds, suspensions and validated (locked) months apply as when hours
are typed. A line is known by (contract, day, kind): the same hours again are unchanged."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from tremplin.contracts.models import Contract
from tremplin.people.models import Person
from tremplin.people.nir import clean_nir, decrypt_nir
from tremplin.people.services import normalise_name
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.models import TimesheetEntry
from tremplin.worktime.services import timesheet_record

from ..enums import RowStatus
from ..parsing import Column, RowReader
from ..rules import entry_kind
from .base import Importer, Outcome, RunContext

IDENTIFIER_COLUMNS = "Colonnes manquantes dans la ligne d'en-tête : « NIR » ou « Identifiant Tremplin »."
IDENTIFIER_REQUIRED = "Indiquez le NIR ou l'identifiant Tremplin de la personne."
IDENTIFIER_INVALID = "« {value} » n'est pas un identifiant Tremplin (un nombre)."
HOURS_RANGE = "Les heures d'une journée sont comprises entre 0 et 24 : « {value} » est refusé."
UNKNOWN_NIR = "Aucune personne de l'ACI n'a ce NIR."
UNKNOWN_ID = "Aucune personne de l'ACI n'a l'identifiant {value}."
NAME_MISMATCH = "Ce NIR ou cet identifiant est celui de {person}, pas de « {name} »."
NO_CONTRACT = "Aucun contrat de {person} ne couvre le {day}."

COLUMNS = (
    Column("nir", "NIR", ("Numéro de sécurité sociale", "N° de sécurité sociale", "N° SS", "NSS")),
    Column("person_id", "Identifiant Tremplin", ("Identifiant", "Identifiant personne", "ID personne")),
    Column("last_name", "Nom", ("Nom du salarié",), help="Facultatif : vérifié contre la personne trouvée."),
    Column("first_name", "Prénom"),
    Column("day", "Date", ("Jour", "Date du jour"), required=True, help="jj/mm/aaaa."),
    Column("hours", "Heures", ("Nombre d'heures", "Durée", "Nb heures"), required=True, help="7,5 ou 7:30."),
    Column("kind", "Type", ("Nature", "Type d'heures", "Code absence"), help="Vide : heures travaillées."),
    Column("comment", "Commentaire"),
)


@dataclass(frozen=True)
class HoursIntent:
    nir: str
    person_id: int | None
    last_name: str
    day: date
    hours: Decimal
    kind: str
    comment: str


class TimesheetContext(RunContext):
    """The ACI's people by NIR and by identifier, and their contracts."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        people = list(Person.objects.filter(structure=self.structure))
        self.by_id = {p.pk: p for p in people}
        self.by_nir = {decrypt_nir(p.nir_encrypted): p for p in people if p.nir_encrypted}
        self.contracts: dict[int, list[Contract]] = defaultdict(list)
        for contract in Contract.objects.filter(structure=self.structure).order_by("start"):
            self.contracts[contract.person_id].append(contract)

    def contract_on(self, person: Person, day: date) -> Contract | None:
        for contract in self.contracts.get(person.pk, []):
            last = contract.effective_end
            if contract.start <= day and (last is None or day <= last):
                return contract
        return None


class TimesheetImporter(Importer):
    columns = COLUMNS
    context_class = TimesheetContext
    field_columns = {
        "nir": "nir",
        "person_id": "person_id",
        "day": "day",
        "hours": "hours",
        "kind": "kind",
        "comment": "comment",
    }

    def check_columns(self, positions: dict[str, int]) -> None:
        if "nir" not in positions and "person_id" not in positions:
            raise ValidationError(IDENTIFIER_COLUMNS)

    def validate(self, row: RowReader) -> HoursIntent | None:
        nir, person_id = row.text("nir"), row.text("person_id")
        if nir:
            try:
                nir = clean_nir(nir)
            except ValidationError as error:
                row.error("nir", error.messages[0])
        elif person_id:
            if person_id.isdigit():
                person_id = int(person_id)
            else:
                row.error("person_id", IDENTIFIER_INVALID.format(value=person_id))
        else:
            row.error("nir" if row.has("nir") else "person_id", IDENTIFIER_REQUIRED)
        day = row.date("day", required=True)
        hours = row.hours("hours", required=True)
        if hours is not None and not 0 <= hours <= 24:
            row.error("hours", HOURS_RANGE.format(value=row.text("hours")))
        kind = EntryKind.WORKED
        try:
            kind = entry_kind(row.text("kind"))
        except ValueError as error:
            row.error("kind", str(error))
        if row.errors:
            return None
        return HoursIntent(
            nir=nir,
            person_id=None if nir else person_id,
            last_name=row.text("last_name"),
            day=day,
            hours=hours,
            kind=kind,
            comment=row.text("comment")[:300],
        )

    def label(self, intent: HoursIntent) -> str:
        who = intent.last_name.upper() or (f"n° {intent.person_id}" if intent.person_id else "NIR")
        return f"{who} : {EntryKind(intent.kind).label.lower()} le {intent.day:%d/%m/%Y}, {intent.hours} h"

    def apply(self, intent: HoursIntent, context: TimesheetContext) -> Outcome:
        if intent.nir:
            person = context.by_nir.get(intent.nir)
            if person is None:
                raise ValidationError({"nir": UNKNOWN_NIR})
        else:
            person = context.by_id.get(intent.person_id)
            if person is None:
                raise ValidationError({"person_id": UNKNOWN_ID.format(value=intent.person_id)})
        if intent.last_name and normalise_name(intent.last_name) not in {
            normalise_name(person.last_name),
            normalise_name(person.birth_name),
        }:
            raise ValidationError(NAME_MISMATCH.format(person=person, name=intent.last_name))
        contract = context.contract_on(person, intent.day)
        if contract is None:
            raise ValidationError({"day": NO_CONTRACT.format(person=person, day=f"{intent.day:%d/%m/%Y}")})
        entry = TimesheetEntry.objects.filter(contract=contract, day=intent.day, kind=intent.kind).first()
        same_comment = not intent.comment or (entry is not None and entry.comment == intent.comment)
        if entry is not None and entry.hours == intent.hours and same_comment:
            return Outcome(RowStatus.UNCHANGED)
        timesheet_record(
            actor=context.actor,
            contract=contract,
            day=intent.day,
            kind=intent.kind,
            hours=intent.hours,
            comment=intent.comment or (entry.comment if entry else ""),
        )
        return Outcome(RowStatus.CREATED if entry is None else RowStatus.UPDATED)
