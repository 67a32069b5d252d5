"""Demo people and their pathways (part of seed_demo). Dates are placed relative to the first
day of the current month, so the demo always shows current contracts, alerts and follow-ups;
running the seed again in the same month gives the same data, and never duplicates a person
(natural key: structure, names, birth date)."""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from tremplin.contracts import services as contract_services
from tremplin.contracts.enums import DerogationKind, EarlyEndReason, ExitReason, FollowUpSituation
from tremplin.eligibility import services as eligibility_services
from tremplin.eligibility.enums import AuthorKind, Criterion
from tremplin.people import services as people_services
from tremplin.people.enums import EducationLevel, Sex
from tremplin.people.models import Person
from tremplin.recruitment import services as recruitment_services
from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.recruitment.models import Referral, ReferralTransition
from tremplin.reference.models import RomeJob

# Where the candidates (people without contract) stand in the recruitment pipeline, in turn.
CANDIDATE_STEPS = [
    [],
    [ReferralState.INFO_SESSION],
    [ReferralState.INTERVIEW],
    [ReferralState.INTERVIEW, ReferralState.WAITING_LIST],
    [ReferralState.REFUSED],
    [ReferralState.INFO_SESSION, ReferralState.INTERVIEW],
]


@dataclass(frozen=True)
class Pathway:
    first_name: str
    last_name: str
    sex: str
    birth: date
    # (start offset in months from the anchor, duration in months) of the first contract; None: candidate
    contract: tuple[int, int] | None = None
    renewals: tuple[int, ...] = ()  # extra months per renewal
    derogation_months: int = 0  # a 50+/RQTH derogation of that many months before the last renewal
    early_end_after_months: int | None = None
    exit_reason: str | None = None
    hours: str = "26"
    rome: str = "A1203"
    flags: dict = field(default_factory=dict)


VAL_VERT = [
    Pathway("Amina", "Diallo", Sex.FEMALE, date(1994, 3, 12), (-3, 6), flags={"rsa": True}),
    Pathway("Julien", "Mercier", Sex.MALE, date(1988, 11, 2), (-5, 6), renewals=(6,)),
    Pathway("Sofiane", "Haddad", Sex.MALE, date(2003, 7, 21), (-1, 4), flags={"qpv": True}),
    Pathway("Marie", "Lefèvre", Sex.FEMALE, date(1975, 5, 30), (-22, 12), renewals=(12,), flags={"ass": True}),
    Pathway(
        "Patrick",
        "Roussel",
        Sex.MALE,
        date(1968, 2, 14),
        (-24, 12),
        renewals=(12, 6),
        derogation_months=12,
        flags={"rqth": True},
    ),
    Pathway("Nadia", "Benkirane", Sex.FEMALE, date(1991, 9, 9), (-8, 6), renewals=(3,), hours="22"),
    Pathway("Kevin", "Marchand", Sex.MALE, date(1999, 12, 1), (-6, 6), flags={"rsa": True}),
    Pathway("Fatou", "Sow", Sex.FEMALE, date(1985, 4, 18), (-2, 6), rome="A1414"),
    Pathway("Thierry", "Gauthier", Sex.MALE, date(1970, 8, 8), (-11, 12), flags={"rsa": True, "qpv": True}),
    Pathway("Laura", "Petit", Sex.FEMALE, date(2001, 1, 25), (-4, 6), rome="A1414"),
    Pathway("Mehdi", "Cherif", Sex.MALE, date(1996, 6, 6), (-13, 12), renewals=(6,)),
    Pathway("Sandrine", "Blanc", Sex.FEMALE, date(1979, 10, 3), (-9, 12), hours="30"),
    Pathway("Youssef", "Amrani", Sex.MALE, date(1993, 2, 28), (-7, 6), renewals=(6,), rome="A1414"),
    Pathway("Chloé", "Fontaine", Sex.FEMALE, date(2004, 4, 4), (0, 4), flags={"qpv": True}),
    Pathway("Bruno", "Lemaire", Sex.MALE, date(1966, 3, 3), (-10, 12), flags={"ass": True}),
    Pathway(
        "Alice",
        "Garnier",
        Sex.FEMALE,
        date(1990, 7, 14),
        (-14, 6),
        early_end_after_months=4,
        exit_reason=ExitReason.CDI,
        flags={"rsa": True},
    ),
    Pathway("Rachid", "Bensaïd", Sex.MALE, date(1982, 9, 19), (-16, 12), exit_reason=ExitReason.CDD_UNDER_6),
    Pathway("Emma", "Chevalier", Sex.FEMALE, date(1998, 5, 5), (-12, 8), exit_reason=ExitReason.QUALIFYING_TRAINING),
    Pathway("Olivier", "Renaud", Sex.MALE, date(1977, 11, 11), (-20, 12), exit_reason=ExitReason.JOB_SEEKER),
    Pathway(
        "Samia",
        "Toumi",
        Sex.FEMALE,
        date(1987, 1, 9),
        (-9, 6),
        early_end_after_months=2,
        exit_reason=ExitReason.LONG_ILLNESS,
    ),
    Pathway("Dylan", "Perrin", Sex.MALE, date(2005, 3, 17)),
    Pathway("Inès", "Bouaziz", Sex.FEMALE, date(1995, 8, 23)),
    Pathway("Gérard", "Colin", Sex.MALE, date(1964, 6, 29), flags={"rqth": True}),
    Pathway("Aïcha", "Traoré", Sex.FEMALE, date(1992, 12, 12), flags={"rsa": True}),
    Pathway("Hugo", "Lambert", Sex.MALE, date(2002, 10, 10)),
    Pathway("Valérie", "Dumas", Sex.FEMALE, date(1973, 4, 1)),
    Pathway(
        "Karima", "Saidi", Sex.FEMALE, date(1989, 2, 2), (-18, 12), renewals=(4,), exit_reason=ExitReason.OTHER_SIAE
    ),
    Pathway("Franck", "Moulin", Sex.MALE, date(1980, 7, 7), (-2, 6), hours="35"),
]
TABLE_DU_VAL = [
    Pathway("Nathalie", "Robin", Sex.FEMALE, date(1983, 3, 21), (-4, 6), rome="G1602"),
    Pathway("Ibrahim", "Koné", Sex.MALE, date(1997, 9, 30), (-6, 12), rome="G1602", flags={"rsa": True}),
    Pathway("Céline", "Masson", Sex.FEMALE, date(1976, 12, 24), (-12, 12), renewals=(6,), rome="G1603"),
    Pathway("Abdel", "Mansouri", Sex.MALE, date(1990, 5, 15), (-3, 6), rome="G1603"),
    Pathway(
        "Sylvie", "Barbier", Sex.FEMALE, date(1969, 8, 31), (-15, 9), exit_reason=ExitReason.CDD_6_PLUS, rome="G1602"
    ),
    Pathway("Mathieu", "Giraud", Sex.MALE, date(2000, 1, 1), (-1, 6), rome="G1603"),
    Pathway("Rose", "Marie-Joseph", Sex.FEMALE, date(1986, 11, 5), (-8, 6), renewals=(6,), rome="G1602"),
    Pathway("Ali", "Yilmaz", Sex.MALE, date(1994, 4, 16)),
    Pathway("Léon", "Fabre", Sex.MALE, date(1961, 10, 20)),
    Pathway("Manon", "Carpentier", Sex.FEMALE, date(2003, 6, 2)),
    Pathway("Eric", "Vidal", Sex.MALE, date(1978, 2, 11), (-10, 6), renewals=(6,), rome="G1602"),
    Pathway("Zoé", "Lacroix", Sex.FEMALE, date(1999, 9, 9)),
]


def seed_people(*, structure, counsellor, supports, actor, today: date, partners: list) -> None:
    anchor = today.replace(day=1)
    pathways = VAL_VERT if structure.name.startswith("Val Vert") else TABLE_DU_VAL
    prefix = "VV" if structure.name.startswith("Val Vert") else "TV"
    candidates = 0
    for index, pathway in enumerate(pathways):
        if Person.objects.filter(
            structure=structure,
            first_name=pathway.first_name,
            last_name=pathway.last_name,
            birth_date=pathway.birth,
        ).exists():
            continue
        person = people_services.person_create(
            structure=structure,
            first_name=pathway.first_name,
            last_name=pathway.last_name,
            birth_date=pathway.birth,
            sex=pathway.sex,
            education_level=[EducationLevel.INFRA_3, EducationLevel.LEVEL_3, EducationLevel.LEVEL_4][index % 3],
            city=structure.city,
            postal_code=structure.postal_code,
            counsellor=counsellor,
            job_seeker_since=anchor - relativedelta(months=14 + index),
            **pathway.flags,
        )
        partner = partners[index % len(partners)]
        if pathway.contract:
            _place(pathway, person, supports[index % len(supports)], actor, anchor, today, partner, prefix, index)
        else:
            _candidate(person, actor, today, partner, CANDIDATE_STEPS[candidates % len(CANDIDATE_STEPS)])
            candidates += 1


def _candidate(person, actor, today: date, partner, steps) -> None:
    """A referral in the pipeline, with a prescriber's diagnosis of the person's situation."""
    referred_on = today - relativedelta(days=10 + 3 * len(steps))
    eligibility_services.diagnosis_create(
        actor=actor,
        person=person,
        author_kind=AuthorKind.PRESCRIBER,
        author_partner=partner,
        author_name="Référent·e du prescripteur",
        made_on=referred_on,
        criteria=[Criterion.RSA] if person.rsa else [Criterion.DELD, Criterion.LOW_EDUCATION, Criterion.MOBILITY],
    )
    referral = recruitment_services.referral_create(
        actor=actor,
        structure=person.structure,
        person=person,
        referred_on=referred_on,
        reason="Projet professionnel dans le secteur de l'ACI ; besoin d'une reprise d'activité encadrée.",
        partner=partner,
        referent_name="Référent·e du prescripteur",
    )
    for step in steps:
        referral = recruitment_services.referral_transition(
            actor=actor,
            referral=referral,
            to_state=step,
            refusal_reason=RefusalReason.NOT_INTERESTED if step == ReferralState.REFUSED else "",
        )
    _backdate(referral, today)


def _place(pathway: Pathway, person, support, actor, anchor: date, today: date, partner, prefix, index) -> None:
    """The referral, the PASS IAE and the hire, then renewals, derogation, early end and exit."""
    offset, months = pathway.contract
    start = anchor + relativedelta(months=offset)
    referral = recruitment_services.referral_create(
        actor=actor,
        structure=person.structure,
        person=person,
        referred_on=min(today, start - relativedelta(months=1)),
        reason="Orientation vers un parcours en CDDI.",
        partner=partner,
        referent_name="Référent·e du prescripteur",
    )
    referral = recruitment_services.referral_transition(
        actor=actor, referral=referral, to_state=ReferralState.INTERVIEW
    )
    eligibility_services.diagnosis_create(
        actor=actor,
        person=person,
        author_kind=AuthorKind.PRESCRIBER,
        author_partner=partner,
        author_name="Référent·e du prescripteur",
        made_on=referral.referred_on,
        criteria=_demo_criteria(person, referral.referred_on),
    )
    eligibility_services.approval_record(
        actor=actor,
        person=person,
        number=f"{prefix}999{start:%y}{index:05d}",
        start=start - relativedelta(days=7),
    )
    contract = recruitment_services.referral_hire(
        actor=actor,
        referral=referral,
        start=start,
        end=start + relativedelta(months=months) - relativedelta(days=1),
        weekly_hours=Decimal(pathway.hours),
        hourly_pay=Decimal("12.10"),
        job_label=RomeJob.objects.get(code=pathway.rome).label,
        rome_job=RomeJob.objects.get(code=pathway.rome),
        production_support=support,
    )
    _backdate(referral, min(start, today))
    for index, extra in enumerate(pathway.renewals):
        until = contract.end + relativedelta(months=extra)
        if pathway.derogation_months and index == len(pathway.renewals) - 1:
            contract_services.derogation_record(
                actor=actor,
                structure=person.structure,
                person=person,
                kind=DerogationKind.SENIOR_OR_RQTH,
                reason="RQTH et difficultés particulières : poursuite du parcours vers un emploi adapté.",
                decision_date=min(today, contract.end),
                decided_by="DDETS de l'Hérault",
                start=contract.end + relativedelta(days=1),
                end=contract.end + relativedelta(months=pathway.derogation_months),
            )
        contract_services.contract_renew(actor=actor, contract=contract, until=until)
        contract.refresh_from_db()
    if pathway.early_end_after_months:
        contract_services.contract_end_early(
            actor=actor,
            contract=contract,
            on=start + relativedelta(months=pathway.early_end_after_months) - relativedelta(days=1),
            reason=EarlyEndReason.HIRED_ELSEWHERE
            if pathway.exit_reason == ExitReason.CDI
            else EarlyEndReason.MEDICAL_UNFITNESS,
        )
        contract.refresh_from_db()
    if pathway.exit_reason and contract.effective_end < today:
        _worked_last_week(contract, actor)
        exit_ = contract_services.exit_record(
            actor=actor,
            contract=contract,
            reason=pathway.exit_reason,
            next_employer="Jardins du Midi" if pathway.exit_reason == ExitReason.CDI else "",
            next_contract_type="CDI" if pathway.exit_reason == ExitReason.CDI else "",
        )
        # The counsellor did the follow-ups that fell due more than a week ago; the others wait.
        for follow_up in exit_.follow_ups.filter(due_date__lt=today - relativedelta(days=7)):
            contract_services.follow_up_record(
                follow_up=follow_up,
                done_on=follow_up.due_date,
                situation=FollowUpSituation.SAME_AS_EXIT,
                comment="Contact téléphonique.",
            )


def _demo_criteria(person, made_on: date) -> list[str]:
    """The criteria of a hired person's diagnosis, from the person's situation: RSA (level 1) when
    the person receives it, else three of level 2 (low education only up to CAP/BEP); age and QPV
    when they apply."""
    low_education = person.education_level in (EducationLevel.NONE, EducationLevel.INFRA_3, EducationLevel.LEVEL_3)
    criteria = (
        [Criterion.RSA]
        if person.rsa
        else [Criterion.DELD, Criterion.MOBILITY, Criterion.LOW_EDUCATION if low_education else Criterion.HOUSING]
    )
    age = relativedelta(made_on, person.birth_date).years
    if age < 26:
        criteria.append(Criterion.UNDER_26)
    elif age >= 50:
        criteria.append(Criterion.SENIOR_50)
    if person.qpv:
        criteria.append(Criterion.QPV)
    return criteria


def _backdate(referral, last_day: date) -> None:
    """Demo only: the services stamp each move of a referral with the current time; spread the
    demo's moves between the referral date and `last_day`, as if they had happened then."""
    transitions = list(ReferralTransition.objects.filter(referral=referral).order_by("pk"))
    span = max((last_day - referral.referred_on).days, 0)
    for index, transition in enumerate(transitions):
        day = referral.referred_on + relativedelta(days=span * index // max(len(transitions) - 1, 1))
        moment = timezone.make_aware(datetime.combine(day, time(10, 0)))
        ReferralTransition.objects.filter(pk=transition.pk).update(at=moment)
    Referral.objects.filter(pk=referral.pk).update(
        updated_at=timezone.make_aware(datetime.combine(last_day, time(10, 0)))
    )


def _worked_last_week(contract, actor) -> None:
    """Demo only: the hours of the last full week before the end (an exit counts when the person
    worked in the year of the exit)."""
    from tremplin.worktime import services as worktime_services
    from tremplin.worktime.rules import week_monday

    monday = week_monday(contract.effective_end) - relativedelta(weeks=1)
    if monday >= contract.start:
        worktime_services.timesheet_confirm_week_as_planned(actor=actor, contracts=[contract], week_start=monday)
