"""People, each with an optional referral, from Tremplin's own template (CSV or XLSX).

A person is known by names and birth date in the ACI: the same person again updates the fields
given (non-empty) that differ, else is unchanged. A referral is known by (person, prescriber,
date of the referral): the same again is unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from tremplin.eligibility.models import Approval
from tremplin.people.nir import clean_nir, decrypt_nir
from tremplin.people.services import person_create, person_update
from tremplin.recruitment.models import Referral
from tremplin.recruitment.services import referral_create

from ..enums import RowStatus
from ..parsing import Column, RowReader
from ..rules import parse_sex
from .base import Importer, Outcome, RunContext, combine

BIRTH_IN_FUTURE = "La date de naissance ne peut pas être dans le futur."
EMAIL_INVALID = "« {value} » n'est pas une adresse e-mail valide."
POSTAL_CODE_INVALID = "« {value} » n'est pas un code postal (5 chiffres)."
REFERRAL_DATE_REQUIRED = "Indiquez la date d'orientation : les colonnes de l'orientation sont remplies."
DEFAULT_REASON = "Orientation reprise d'un fichier importé."

COLUMNS = (
    Column("last_name", "Nom", ("Nom d'usage", "Nom de famille"), required=True, help="Nom d'usage."),
    Column("first_name", "Prénom", required=True),
    Column("birth_date", "Date de naissance", required=True, help="jj/mm/aaaa."),
    Column("sex", "Sexe", ("Civilité",), required=True, help="F ou M (Femme, Homme, Mme, M. acceptés)."),
    Column("birth_name", "Nom de naissance"),
    Column("email", "E-mail", ("Email", "Courriel", "Adresse e-mail")),
    Column("phone", "Téléphone", ("Tél", "Portable")),
    Column("address", "Adresse"),
    Column("postal_code", "Code postal", ("CP",)),
    Column("city", "Commune", ("Ville",)),
    Column("france_travail_id", "Identifiant France Travail", ("Identifiant Pôle emploi",)),
    Column(
        "nir",
        "NIR",
        ("Numéro de sécurité sociale", "N° de sécurité sociale"),
        help="15 chiffres ; direction et RH seulement.",
    ),
    Column(
        "referred_on", "Date d'orientation", ("Date de l'orientation",), help="jj/mm/aaaa ; vide : pas d'orientation."
    ),
    Column("partner", "Prescripteur", ("Organisme prescripteur",), help="Vide : candidature spontanée."),
    Column("referent_name", "Référent", ("Référent prescripteur", "Nom du référent")),
    Column("referent_email", "E-mail du référent", ("Email du référent",)),
    Column("reason", "Motif de l'orientation", ("Motif",)),
)
REFERRAL_KEYS = ("referred_on", "partner", "referent_name", "referent_email", "reason")
IDENTITY_KEYS = (
    "last_name", "first_name", "birth_date", "sex", "birth_name", "email", "phone", "address", "postal_code",
    "city", "france_travail_id",
)  # fmt: skip


@dataclass(frozen=True)
class ReferralIntent:
    referred_on: date
    partner_name: str
    referent_name: str
    referent_email: str
    reason: str


@dataclass(frozen=True)
class PersonIntent:
    identity: dict
    nir: str = ""
    referral: ReferralIntent | None = None


def check_email(row: RowReader, key: str) -> str:
    value = row.text(key)
    if value:
        try:
            validate_email(value)
        except ValidationError:
            row.error(key, EMAIL_INVALID.format(value=value))
    return value


def check_identity(row: RowReader, *, postal_code: bool = True) -> dict:
    """The identity columns common to both people files, checked without the database."""
    identity = {
        "last_name": row.text("last_name", required=True),
        "first_name": row.text("first_name", required=True),
        "birth_date": row.date("birth_date", required=True),
    }
    if identity["birth_date"] and identity["birth_date"] > timezone.localdate():
        row.error("birth_date", BIRTH_IN_FUTURE)
    code = row.text("postal_code") if postal_code else ""
    if code and not (len(code) == 5 and code.isdigit()):
        row.error("postal_code", POSTAL_CODE_INVALID.format(value=code))
    return identity


class PeopleImporter(Importer):
    columns = COLUMNS
    field_columns = {key: key for key in (*IDENTITY_KEYS, "nir", "referred_on", "referent_email", "reason")} | {
        "partner": "partner",
        "__all__": "",
    }

    def validate(self, row: RowReader) -> PersonIntent | None:
        identity = check_identity(row)
        sex = row.text("sex", required=True)
        if sex:
            try:
                identity["sex"] = parse_sex(sex)
            except ValueError as error:
                row.error("sex", str(error))
        for key in ("birth_name", "phone", "address", "postal_code", "city", "france_travail_id"):
            identity[key] = row.text(key)
        identity["email"] = check_email(row, "email")
        nir = row.text("nir")
        if nir:
            try:
                nir = clean_nir(nir)
            except ValidationError as error:
                row.error("nir", error.messages[0])
        referral = None
        if any(row.text(key) for key in REFERRAL_KEYS):
            referred_on = row.date("referred_on")
            if referred_on is None and "Date d'orientation" not in row.errors:
                row.error("referred_on", REFERRAL_DATE_REQUIRED)
            referral = ReferralIntent(
                referred_on=referred_on,
                partner_name=row.text("partner"),
                referent_name=row.text("referent_name"),
                referent_email=check_email(row, "referent_email"),
                reason=row.text("reason") or DEFAULT_REASON,
            )
        if row.errors:
            return None
        return PersonIntent(identity=identity, nir=nir, referral=referral)

    def label(self, intent: PersonIntent) -> str:
        identity = intent.identity
        return f"{identity['last_name'].upper()} {identity['first_name']} ({identity['birth_date']:%d/%m/%Y})"

    def apply(self, intent: PersonIntent, context: RunContext) -> Outcome:
        notes: list[str] = []
        person, status = upsert_person(context, intent.identity, nir=intent.nir, overwrite=True)
        statuses = [status]
        if intent.referral is not None:
            statuses.append(add_referral(context, person, intent.referral, notes))
        return Outcome(combine(*statuses), notes)


class PeopleContext(RunContext):
    """Also the referrals of the ACI, by (person, prescriber, date)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.referrals: dict[tuple, Referral] = {}
        for referral in Referral.objects.filter(structure=self.structure).only(
            "pk", "person_id", "partner_id", "referred_on", "state", "refusal_reason"
        ):
            self.referrals.setdefault((referral.person_id, referral.partner_id, referral.referred_on), referral)
        self.approvals: dict[str, Approval] = {
            approval.number: approval
            for approval in Approval.objects.filter(person__structure=self.structure).only(
                "pk", "number", "person_id", "start"
            )
        }


PeopleImporter.context_class = PeopleContext


def upsert_person(context: RunContext, identity: dict, *, nir: str = "", overwrite: bool) -> tuple:
    """The person of that natural key: created when unknown (through person_create, with its
    duplicate check across the organisation); else the file's non-empty values that differ are
    written (`overwrite`) or only those that fill an empty field."""
    person = context.find_person(identity["last_name"], identity["first_name"], identity["birth_date"])
    if person is None:
        fields = {key: value for key, value in identity.items() if value not in ("", None)}
        person = person_create(structure=context.structure, nir=nir, **fields)
        context.add_person(person)
        return person, RowStatus.CREATED
    changes = {}
    for key, value in identity.items():
        if key in ("last_name", "first_name", "birth_date") or value in ("", None):
            continue
        current = getattr(person, key)
        if current != value and (overwrite or current in ("", None)):
            changes[key] = value
    if nir and decrypt_nir(person.nir_encrypted) != nir and (overwrite or not person.nir_encrypted):
        changes["nir"] = nir
    if not changes:
        return person, RowStatus.UNCHANGED
    context.touch(person)
    person_update(person=person, **changes)
    return person, RowStatus.UPDATED


def add_referral(context: PeopleContext, person, intent: ReferralIntent, notes: list[str]) -> RowStatus:
    partner = context.partner(intent.partner_name, notes) if intent.partner_name else None
    key = (person.pk, partner.pk if partner else None, intent.referred_on)
    if key in context.referrals:
        return RowStatus.UNCHANGED
    referral = referral_create(
        actor=context.actor,
        structure=context.structure,
        person=person,
        referred_on=intent.referred_on,
        reason=intent.reason,
        partner=partner,
        referent_name=intent.referent_name[:200],
        referent_email=intent.referent_email,
    )
    context.remember(context.referrals, key, referral)
    return RowStatus.CREATED
