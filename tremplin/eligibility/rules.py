"""The rules of IAE eligibility and of the PASS IAE (domain.md section 2), as plain functions of
dates and criteria. Services and selectors gather the data and call these; every refusal names
the rule in French.

Dates are inclusive and counted date to date, as in contracts/rules.py:
- a prescriber's diagnosis made on D is valid through the day before D + 6 months
  (15/01/2026 -> 14/07/2026); the employer's through D + 92 days - 1;
- a PASS IAE starting on D ends on D + 730 days - 1 (01/01/2026 -> 31/12/2027);
- a suspension of N days (start and end included) pushes the end back by N days;
- a prolongation starts the day after the end in force and extends the PASS to its own end, so
  the end in force is the initial end plus the days of every prolongation and every suspension.
  A suspension recorded afterwards, even dated before a prolongation, still pushes the end."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from tremplin.kernel.dates import ONE_DAY, Period, age_on, last_day_within
from tremplin.kernel.formats import fr

from .enums import LEVEL_1, LEVEL_2, PROLONGATION_TOTAL_CAP_MONTHS, AuthorKind, Criterion, ProlongationReason

PRESCRIBER_VALIDITY_MONTHS = 6
EMPLOYER_VALIDITY_DAYS = 92
ACI_MIN_LEVEL_2 = 3
APPROVAL_DAYS = 730
PROLONGATION_MAX_MONTHS = 12
SENIOR_MIN_AGE = 50
CDI_INCLUSION_MIN_AGE = 57
UNDER_26_AGE = 26

APPROVAL_NUMBER_RE = re.compile(r"^[0-9A-Z]{12}$")

# Messages (module constants: tests assert on them).
ACI_RULE_REQUIREMENT = "il faut 1 critère de niveau 1, ou au moins 3 critères de niveau 2 ({count})"
ACI_RULE = "Les critères ne permettent pas l'embauche en ACI : {requirement}."
APPROVAL_NUMBER_FORMAT = (
    "Un numéro de PASS IAE compte 12 caractères, chiffres et lettres majuscules (ex. : XXXXX2412345) : "
    "« {number} » ne convient pas."
)
PROLONGATION_END_BEFORE_START = "La fin de la prolongation ({end}) doit suivre son début ({start})."
PROLONGATION_TOO_LONG = (
    "Une prolongation du PASS IAE vaut 12 mois au plus : commençant le {start}, elle finit le {maximum} au plus tard."
)
PROLONGATION_OVER_CAP = (
    "Pour le motif « {reason} », le PASS IAE ne peut dépasser {years} ans au total depuis son début ({approval_start})"
    "{suspended} : la prolongation doit finir le {limit} au plus tard."
)
PROLONGATION_SENIOR_AGE = (
    "La prolongation pour les 50 ans et plus demande que la personne ait 50 ans au début de la prolongation : "
    "{person} a {age} ans au {start}."
)
PROLONGATION_CDI_INCLUSION_AGE = (
    "La prolongation pour un CDI inclusion demande que la personne ait 57 ans au début de la prolongation : "
    "{person} a {age} ans au {start}."
)
PROLONGATION_RQTH_MISSING = (
    "La prolongation pour RQTH demande une reconnaissance de la qualité de travailleur handicapé : "
    "elle n'est pas enregistrée pour {person} (fiche de la personne)."
)
CRITERION_SENIOR_AGE = "Le critère « 50 ans et plus » ne convient pas : {person} a {age} ans au {day}."
CRITERION_UNDER_26_AGE = "Le critère « Moins de 26 ans » ne convient pas : {person} a {age} ans au {day}."


# Diagnosis


def diagnosis_expiry(author_kind: str, made_on: date) -> date:
    """The last day a diagnosis made on `made_on` is valid."""
    if author_kind == AuthorKind.PRESCRIBER:
        return last_day_within(made_on, PRESCRIBER_VALIDITY_MONTHS)
    return made_on + timedelta(days=EMPLOYER_VALIDITY_DAYS - 1)


def is_valid_on(made_on: date, expires_on: date, day: date) -> bool:
    return made_on <= day <= expires_on


def level_counts(criteria: Iterable[str]) -> tuple[int, int]:
    """(level-1 criteria, level-2 criteria) among `criteria`, each counted once."""
    chosen = set(criteria)
    return len(chosen & LEVEL_1), len(chosen & LEVEL_2)


def meets_aci_rule(criteria: Iterable[str]) -> bool:
    """An ACI may hire with 1 level-1 criterion, or at least 3 level-2 criteria."""
    level_1, level_2 = level_counts(criteria)
    return level_1 >= 1 or level_2 >= ACI_MIN_LEVEL_2


def _count_fr(count: int) -> str:
    if count == 0:
        return "aucun renseigné"
    return f"{count} renseigné" if count == 1 else f"{count} renseignés"


def aci_rule_requirement(criteria: Iterable[str]) -> str:
    """What the ACI rule asks, with the number of level-2 criteria given."""
    return ACI_RULE_REQUIREMENT.format(count=_count_fr(level_counts(criteria)[1]))


def aci_rule_message(criteria: Iterable[str]) -> str | None:
    """The refusal naming what is missing, or None when the ACI rule is met."""
    criteria = list(criteria)
    if meets_aci_rule(criteria):
        return None
    return ACI_RULE.format(requirement=aci_rule_requirement(criteria))


def check_age_criteria(*, criteria: Iterable[str], birth_date: date, made_on: date, person: str) -> str | None:
    """The criteria that the birth date decides: 50 and over, under 26, on the day of the diagnosis."""
    chosen = set(criteria)
    age = age_on(birth_date, made_on)
    if Criterion.SENIOR_50 in chosen and age < SENIOR_MIN_AGE:
        return CRITERION_SENIOR_AGE.format(person=person, age=age, day=fr(made_on))
    if Criterion.UNDER_26 in chosen and age >= UNDER_26_AGE:
        return CRITERION_UNDER_26_AGE.format(person=person, age=age, day=fr(made_on))
    return None


# PASS IAE


def normalise_approval_number(value: str) -> str:
    """Spaces removed, upper case: "99999 24 12345" and "xxxxx2412345" are accepted as typed."""
    return re.sub(r"\s+", "", value or "").upper()


def check_approval_number(number: str) -> str | None:
    if not APPROVAL_NUMBER_RE.match(number or ""):
        return APPROVAL_NUMBER_FORMAT.format(number=number)
    return None


def approval_initial_end(start: date) -> date:
    """24 months: start + 730 days - 1, end included."""
    return start + timedelta(days=APPROVAL_DAYS - 1)


def approval_end(initial_end: date, prolongations: Iterable[Period], suspensions: Iterable[Period]) -> date:
    """The end in force: each suspension pushes it back by its number of days, each prolongation
    (which starts the day after the end in force when recorded) extends it to its own end."""
    days = sum(p.days for p in prolongations) + sum(s.days for s in suspensions)
    return initial_end + timedelta(days=days)


def prolongation_start(end_in_force: date) -> date:
    return end_in_force + ONE_DAY


def prolongation_limit(*, reason: str, approval_start: date, suspended_days: int = 0) -> date | None:
    """The latest end the reason allows, or None when it has no total cap. Suspended days are not
    PASS days used, so they move the limit as they move the end."""
    months = PROLONGATION_TOTAL_CAP_MONTHS[reason]
    if months is None:
        return None
    return last_day_within(approval_start, months) + timedelta(days=suspended_days)


def check_prolongation(
    *, reason: str, approval_start: date, start: date, end: date, suspended_days: int = 0
) -> str | None:
    """12 months at most per prolongation, and within the total cap of its reason (RQTH and
    particular difficulties: 5 years; 50 and over: 7 years; end of a training: until the end of
    the training, the prolongation's end; CDI inclusion: none)."""
    if end < start:
        return PROLONGATION_END_BEFORE_START.format(start=fr(start), end=fr(end))
    maximum = last_day_within(start, PROLONGATION_MAX_MONTHS)
    if end > maximum:
        return PROLONGATION_TOO_LONG.format(start=fr(start), maximum=fr(maximum))
    limit = prolongation_limit(reason=reason, approval_start=approval_start, suspended_days=suspended_days)
    if limit is not None and end > limit:
        return PROLONGATION_OVER_CAP.format(
            reason=ProlongationReason(reason).label,
            years=PROLONGATION_TOTAL_CAP_MONTHS[reason] // 12,
            approval_start=fr(approval_start),
            suspended=f", sans compter {suspended_days} jours de suspension" if suspended_days else "",
            limit=fr(limit),
        )
    return None


def check_prolongation_person(*, reason: str, birth_date: date, rqth: bool, start: date, person: str) -> str | None:
    """What the person must be for the reason: 50 or over, 57 or over, or with a RQTH."""
    age = age_on(birth_date, start)
    if reason == ProlongationReason.SENIOR_50 and age < SENIOR_MIN_AGE:
        return PROLONGATION_SENIOR_AGE.format(person=person, age=age, start=fr(start))
    if reason == ProlongationReason.CDI_INCLUSION_57 and age < CDI_INCLUSION_MIN_AGE:
        return PROLONGATION_CDI_INCLUSION_AGE.format(person=person, age=age, start=fr(start))
    if reason == ProlongationReason.RQTH and not rqth:
        return PROLONGATION_RQTH_MISSING.format(person=person)
    return None
