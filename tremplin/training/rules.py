"""The rules of training actions and qualification programmes (domain.md section 6), as plain
functions of dates and figures returning the French message of the broken rule, or None.
Services gather the data and call these; the rates are computed here too (decision 0015)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tremplin.kernel.formats import fr, hours_fr

from .enums import CERTIFICATION_RESULTS, Employment, TrainingResult

MAX_HOURS_PER_DAY = Decimal(10)
MIN_COMPANY_WEEKS = 6

# Messages (module constants: tests assert on them).
TRAINING_END_BEFORE_START = "La fin de la formation ({end}) ne peut précéder son début ({start})."
TRAINING_HOURS_NOT_POSITIVE = "La durée de la formation doit être d'au moins une heure."
TRAINING_HOURS_IMPLAUSIBLE = (
    "{hours} h sur {days} jour{plural} ({start} – {end}) dépasse 10 heures de formation par jour : "
    "vérifiez les dates ou la durée (au plus {maximum} h sur cette période)."
)
RESULT_BEFORE_END = (
    "Le résultat « {result} » ne s'enregistre qu'une fois la formation terminée : elle se termine le {end}."
)
RESULT_DATE_MISSING = "Indiquez la date du résultat « {result} »."
RESULT_DATE_FUTURE = "La date du résultat ({day}) ne peut être dans le futur."
RESULT_DATE_BEFORE_START = "La date du résultat ({day}) ne peut précéder le début de la formation ({start})."
RESULT_DATE_IN_PROGRESS = "Une formation en cours n'a pas encore de date de résultat : laissez ce champ vide."
RESULT_NEEDS_CERTIFICATION = (
    "Le résultat « {result} » concerne une certification : indiquez la certification visée "
    "(ou choisissez « Terminée (sans certification) »)."
)
COMPLETED_WITH_CERTIFICATION = (
    "Cette formation vise une certification ({certification}) : son résultat est « Réussie », « Échec » ou "
    "« Validation partielle »."
)

PROGRAMME_END_BEFORE_START = "La fin du programme ({end}) doit être postérieure à son début ({start})."
PHASE_WEEKS_NOT_POSITIVE = "Une phase dure au moins une semaine."
COMPANY_WEEKS_LOW = (
    "Le programme ne compte que {weeks} semaine{plural} en entreprise : un AQI prévoit au moins 6 à 8 semaines "
    "de mise en situation en entreprise."
)
ENROLMENT_OTHER_STRUCTURE = "Cette personne n'est pas suivie par l'ACI qui porte le programme."
ENROLMENT_DUPLICATE = "{person} est déjà inscrit·e à ce programme."
ENROLMENT_AFTER_PROGRAMME = "L'inscription ({day}) ne peut être postérieure à la fin du programme ({end})."
LEFT_BEFORE_ENROLMENT = "La fin de parcours ({left}) ne peut précéder l'inscription ({enrolled})."
LEFT_FUTURE = "La fin de parcours ({day}) ne peut être dans le futur."
EMPLOYMENT_BEFORE_END = (
    "La situation d'emploi à l'issue du programme s'enregistre à la fin du parcours : indiquez d'abord sa date."
)
EMPLOYMENT_JOB_MISSING = "Précisez l'emploi occupé (type de contrat et poste)."
EMPLOYMENT_JOB_WITHOUT_EMPLOYMENT = "L'emploi occupé ne se renseigne que pour une personne en emploi."
LEFT_EARLY_WITHOUT_DATE = "Un abandon se date : indiquez la fin de parcours."


def _plural(n) -> str:
    return "s" if n > 1 else ""


def period_days(start: date, end: date) -> int:
    """Calendar days of a period, both ends included."""
    return (end - start).days + 1


def check_training_dates(start: date, end: date) -> str | None:
    if end < start:
        return TRAINING_END_BEFORE_START.format(start=fr(start), end=fr(end))
    return None


def check_training_hours(hours: Decimal, start: date, end: date) -> str | None:
    """At least one hour, and at most 10 hours for each calendar day of the period."""
    if hours is None or hours <= 0:
        return TRAINING_HOURS_NOT_POSITIVE
    if end < start:
        return None  # the dates rule speaks first
    days = period_days(start, end)
    maximum = MAX_HOURS_PER_DAY * days
    if hours > maximum:
        return TRAINING_HOURS_IMPLAUSIBLE.format(
            hours=hours_fr(hours), days=days, plural=_plural(days), start=fr(start), end=fr(end), maximum=maximum
        )
    return None


def check_training_result(
    *, result: str, start: date, end: date, result_on: date | None, certification: str, today: date
) -> tuple[str, str] | None:
    """The (field, message) of the broken rule about the result, or None."""
    label = TrainingResult(result).label
    if result == TrainingResult.IN_PROGRESS:
        if result_on is not None:
            return "result_on", RESULT_DATE_IN_PROGRESS
        return None
    if result in CERTIFICATION_RESULTS and not certification.strip():
        return "certification", RESULT_NEEDS_CERTIFICATION.format(result=label)
    if result == TrainingResult.COMPLETED and certification.strip():
        return "result", COMPLETED_WITH_CERTIFICATION.format(certification=certification.strip())
    if end > today:
        return "result", RESULT_BEFORE_END.format(result=label, end=fr(end))
    if result_on is None:
        return "result_on", RESULT_DATE_MISSING.format(result=label)
    if result_on > today:
        return "result_on", RESULT_DATE_FUTURE.format(day=fr(result_on))
    if result_on < start:
        return "result_on", RESULT_DATE_BEFORE_START.format(day=fr(result_on), start=fr(start))
    return None


def check_programme_dates(start: date, end: date) -> str | None:
    if end <= start:
        return PROGRAMME_END_BEFORE_START.format(start=fr(start), end=fr(end))
    return None


def company_weeks_warning(weeks: int) -> str | None:
    """A warning (not a refusal): an AQI plans at least 6 weeks in companies."""
    if weeks < MIN_COMPANY_WEEKS:
        return COMPANY_WEEKS_LOW.format(weeks=weeks, plural=_plural(weeks))
    return None


def check_enrolment_dates(
    *, enrolled_on: date, programme_end: date, left_on: date | None, today: date
) -> tuple[str, str] | None:
    if enrolled_on > programme_end:
        return "enrolled_on", ENROLMENT_AFTER_PROGRAMME.format(day=fr(enrolled_on), end=fr(programme_end))
    if left_on is not None:
        if left_on < enrolled_on:
            return "left_on", LEFT_BEFORE_ENROLMENT.format(left=fr(left_on), enrolled=fr(enrolled_on))
        if left_on > today:
            return "left_on", LEFT_FUTURE.format(day=fr(left_on))
    return None


def check_enrolment_outcome(
    *, left_on: date | None, left_early: bool, employment: str, job: str
) -> tuple[str, str] | None:
    if left_early and left_on is None:
        return "left_on", LEFT_EARLY_WITHOUT_DATE
    if employment != Employment.UNKNOWN and left_on is None:
        return "employment", EMPLOYMENT_BEFORE_END
    if employment == Employment.YES and not job.strip():
        return "job", EMPLOYMENT_JOB_MISSING
    if employment != Employment.YES and job.strip():
        return "job", EMPLOYMENT_JOB_WITHOUT_EMPLOYMENT
    return None


def rate(numerator: int, denominator: int) -> Decimal | None:
    """A percentage with one decimal (half up), or None when there is no denominator."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent_fr(value: Decimal | None) -> str:
    """'92,3 %' (no-break space before the sign), or '—' when there is no rate."""
    if value is None:
        return "—"
    return f"{value:.1f}".replace(".", ",") + "\u00a0%"
