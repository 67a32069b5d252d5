"""The candidacies exported from « les emplois de l'inclusion » (XLSX, or the same columns in
CSV), as they are: one person per names + birth date (a person applies several times), one
referral per candidacy, its state mapped onto Tremplin's referral states, the prescriber
organisation matched in the directory of the structure porteuse (added when unknown).

The export has no candidacy identifier: a candidacy is known by (person, prescriber, date of
the candidacy). A known person only gets the contact fields Tremplin does not have yet; a known
referral follows the export's newer state when the workflow allows it.

The PASS IAE columns record the person's PASS (eligibility.services.approval_record: number and
start; known by its number). An accepted candidacy does not create the contract: the export has
neither the weekly hours nor the pay nor the job, which the CDDI and its legal checks need (decision
0020); the referral waits on the list, with the planned dates in the row's notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError

from tremplin.eligibility import rules as eligibility_rules
from tremplin.eligibility.services import approval_record
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
PASS_START_REQUIRED = "Un PASS IAE se lit avec sa date de début (colonne « Début PASS IAE »)."
PASS_RECORDED = "PASS IAE n° {number} enregistré (du {start} au {end})."
PASS_NOT_RECORDED = "PASS IAE n° {number} non enregistré : {reason}"
PASS_END_DIFFERS = (
    "Le PASS IAE n° {number} finit le {end} sur les emplois de l'inclusion ({status}) ; Tremplin calcule "
    "{computed} sans prolongation ni suspension : enregistrez-les sur la fiche de la personne."
)
HIRING_DATES = "Embauche prévue sur les emplois de l'inclusion : du {start}{end}."

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
    Column("pass_number", "Numéro PASS IAE"),
    Column("pass_start", "Début PASS IAE"),
    Column("pass_end", "Fin PASS IAE"),
    Column("pass_status", "Statut PASS IAE"),
)


@dataclass(frozen=True)
class PassIntent:
    number: str
    start: date
    end: date | None
    status: str


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
    hiring_start: date | None = None
    hiring_end: date | None = None
    approval: PassIntent | None = None


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
        "number": "pass_number",
        "start": "pass_start",
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
        approval = self._approval(row)
        hiring_start, hiring_end = row.date("hiring_start"), row.date("hiring_end")
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
            hiring_start=hiring_start,
            hiring_end=hiring_end,
            approval=approval,
        )

    def _approval(self, row: RowReader) -> PassIntent | None:
        number = eligibility_rules.normalise_approval_number(row.text("pass_number"))
        if not number:
            return None
        message = eligibility_rules.check_approval_number(number)
        if message:
            row.error("pass_number", message)
        start = row.date("pass_start")
        if start is None and not row.text("pass_start"):
            row.error("pass_start", PASS_START_REQUIRED)
        end = row.date("pass_end")
        if message or start is None:
            return None
        return PassIntent(number=number, start=start, end=end, status=row.text("pass_status"))

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
            if intent.hiring_start:
                end = f" au {intent.hiring_end:%d/%m/%Y}" if intent.hiring_end else ""
                notes.append(HIRING_DATES.format(start=f"{intent.hiring_start:%d/%m/%Y}", end=end))
        pass_status = self._record_pass(intent.approval, person, context, notes) if intent.approval else None
        return Outcome(combine(person_status, referral_status, *filter(None, [pass_status])), notes)

    def _record_pass(self, intent: PassIntent, person, context: PeopleContext, notes: list[str]) -> RowStatus:
        """The person's PASS IAE, known by its number; a PASS that Tremplin refuses (it overlaps another
        one, its number is another person's) does not stop the candidacy: the row says why."""
        approval = context.approvals.get(intent.number)
        if approval is None:
            try:
                approval = approval_record(actor=context.actor, person=person, number=intent.number, start=intent.start)
            except ValidationError as error:
                notes.append(PASS_NOT_RECORDED.format(number=intent.number, reason=" ".join(error.messages)))
                return RowStatus.UNCHANGED
            context.remember(context.approvals, intent.number, approval)
            notes.append(
                PASS_RECORDED.format(
                    number=approval.number, start=f"{approval.start:%d/%m/%Y}", end=f"{approval.end:%d/%m/%Y}"
                )
            )
            status = RowStatus.CREATED
        elif approval.person_id != person.pk:
            notes.append(
                PASS_NOT_RECORDED.format(
                    number=intent.number, reason="il est enregistré pour une autre personne de l'ACI."
                )
            )
            return RowStatus.UNCHANGED
        else:
            status = RowStatus.UNCHANGED
        computed = eligibility_rules.approval_initial_end(intent.start)
        if intent.end and intent.end != computed and approval.start == intent.start:
            notes.append(
                PASS_END_DIFFERS.format(
                    number=intent.number,
                    end=f"{intent.end:%d/%m/%Y}",
                    status=intent.status or "statut non précisé",
                    computed=f"{computed:%d/%m/%Y}",
                )
            )
        return status
