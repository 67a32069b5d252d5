"""The candidacies exported from « les emplois de l'inclusion » (XLSX, or the same columns in
CSV), as they are: one person per names + birth date (a person applies several times), one
referral per candidacy, its state mapped onto Tremplin's referral states, the prescriber
organisation matched in the directory of the structure porteuse (added when unknown).

The export has no candidacy identifier: a candidacy is known by (person, prescriber, date of
the candidacy). A known person only gets the contact fields Tremplin does not have yet; a known
referral follows the export's newer state when the workflow allows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from tremplin.recruitment.enums import HIRING_ONLY_STATES, TRANSITIONS, ReferralState, RefusalReason
from tremplin.recruitment.services import referral_create, referral_transition

from ..enums import RowStatus
from ..parsing import Column, RowReader
from ..rules import MASKED_NAME, CandidacyState, candidacy_state, is_masked, parse_sex, refusal_reason
from .base import Importer, Outcome, combine
from .people import PeopleContext, check_email, check_identity, upsert_person

SEX_REQUIRED = (
    "Civilité absente : la personne ne peut pas être créée (M ou MME ; les données personnelles sont "
    "peut-être masquées dans l'export)."
)
STATE_KEPT = "Étape conservée dans Tremplin (« {current} ») : l'export dit « {status} »."
IMPORT_COMMENT = "Statut « {status} » sur les emplois de l'inclusion (import du fichier)."
REFUSAL_COMMENT = "Motif de refus sur les emplois de l'inclusion : {reason}."

COLUMNS = (
    Column("sex", "Civilité candidat"),
    Column("last_name", "Nom candidat", required=True),
    Column("first_name", "Prénom candidat", required=True),
    Column("email", "Email candidat"),
    Column("phone", "Téléphone candidat"),
    Column("birth_date", "Date de naissance candidat", required=True),
    Column("city", "Ville candidat"),
    Column("postal_code", "Département candidat"),
    Column("employer", "Nom structure employeur"),
    Column("jobs", "Métiers"),
    Column("source", "Source de la candidature"),
    Column("partner", "Nom organisation prescripteur"),
    Column("referent_name", "Nom utilisateur prescripteur"),
    Column("referred_on", "Date de la candidature", required=True),
    Column("status", "Statut de la candidature", required=True),
    Column("hiring_start", "Dates de début d’embauche"),
    Column("hiring_end", "Dates de fin d’embauche"),
    Column("refusal", "Motifs de refus"),
)


@dataclass(frozen=True)
class CandidacyIntent:
    identity: dict
    referred_on: date
    partner_name: str
    referent_name: str
    reason: str
    status: str
    target: CandidacyState
    refusal_label: str


class LesEmploisImporter(Importer):
    columns = COLUMNS
    context_class = PeopleContext
    field_columns = {
        "last_name": "last_name",
        "first_name": "first_name",
        "birth_date": "birth_date",
        "sex": "sex",
        "email": "email",
        "phone": "phone",
        "city": "city",
        "postal_code": "postal_code",
        "referred_on": "referred_on",
        "partner": "partner",
        "to_state": "status",
        "refusal_reason": "refusal",
        "comment": "refusal",
    }

    def validate(self, row: RowReader) -> CandidacyIntent | None:
        for key in ("last_name", "first_name"):
            if is_masked(row.text(key)):
                row.error(key, MASKED_NAME.format(value=row.text(key)))
        department = row.text("postal_code")
        identity = check_identity(row, postal_code=False)
        identity["email"] = check_email(row, "email")
        identity["phone"] = row.text("phone")[:20]
        identity["city"] = row.text("city")
        # « Département candidat » holds the postal code; a bare département number is no postal code.
        identity["postal_code"] = department if len(department) == 5 and department.isdigit() else ""
        sex = row.text("sex")
        if sex:
            try:
                identity["sex"] = parse_sex(sex)
            except ValueError as error:
                row.error("sex", str(error))
        referred_on = row.date("referred_on", required=True)
        status = row.text("status", required=True)
        target = None
        if status:
            try:
                target = candidacy_state(status)
            except ValueError as error:
                row.error("status", str(error))
        if row.errors:
            return None
        source, jobs = row.text("source"), row.text("jobs")
        reason = "Candidature reçue sur les emplois de l'inclusion"
        reason += f" ({source})." if source else "."
        if jobs:
            reason += f" Métiers : {jobs}."
        return CandidacyIntent(
            identity=identity,
            referred_on=referred_on,
            partner_name=row.text("partner"),
            referent_name=row.text("referent_name")[:200],
            reason=reason,
            status=status,
            target=target,
            refusal_label=row.text("refusal"),
        )

    def label(self, intent: CandidacyIntent) -> str:
        identity = intent.identity
        return (
            f"{identity['last_name'].upper()} {identity['first_name']} ({identity['birth_date']:%d/%m/%Y}) : "
            f"candidature du {intent.referred_on:%d/%m/%Y}"
        )

    def apply(self, intent: CandidacyIntent, context: PeopleContext) -> Outcome:
        notes: list[str] = []
        identity = intent.identity
        known = context.find_person(identity["last_name"], identity["first_name"], identity["birth_date"])
        if known is None and "sex" not in identity:
            raise ValidationError({"sex": SEX_REQUIRED})
        person, person_status = upsert_person(context, identity, overwrite=False)
        partner = context.partner(intent.partner_name, notes) if intent.partner_name else None
        key = (person.pk, partner.pk if partner else None, intent.referred_on)
        referral = context.referrals.get(key)
        if referral is None:
            referral = referral_create(
                actor=context.actor,
                structure=context.structure,
                person=person,
                referred_on=intent.referred_on,
                reason=intent.reason,
                partner=partner,
                referent_name=intent.referent_name,
            )
            context.remember(context.referrals, key, referral)
            referral_status = RowStatus.CREATED
        else:
            referral_status = RowStatus.UNCHANGED
        target = intent.target.state
        if referral.state != target:
            if target in TRANSITIONS[referral.state] and target not in HIRING_ONLY_STATES:
                reason = refusal_reason(intent.refusal_label) if target == ReferralState.REFUSED else ""
                comment = IMPORT_COMMENT.format(status=intent.status)
                if reason == RefusalReason.OTHER:
                    comment += " " + REFUSAL_COMMENT.format(reason=intent.refusal_label or "non précisé")
                context.touch(referral)
                moved = referral_transition(
                    actor=context.actor, referral=referral, to_state=target, comment=comment, refusal_reason=reason
                )
                referral.state, referral.refusal_reason = moved.state, moved.refusal_reason
                if referral_status == RowStatus.UNCHANGED:
                    referral_status = RowStatus.UPDATED
            else:
                notes.append(STATE_KEPT.format(current=referral.get_state_display(), status=intent.status))
        if intent.target.note and referral.state == target:
            notes.append(intent.target.note)
        return Outcome(combine(person_status, referral_status), notes)
