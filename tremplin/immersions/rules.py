"""The rules of the PMSMP (L5135-1, D5135-3; domain.md section 5), as plain functions of dates.
Services gather the data and call these; every refusal names the rule in French.

Durations are counted date to date, as for the CDDI (decision 0006): a PMSMP starting on
15 March ends on 14 April at the latest. Days are calendar days, both ends included. The limits
per host are read in the way that protects the person (decision 0014): a renewal is a convention
of its own, and a convention counts, with all its days, in every window of 12 consecutive months
that it touches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tremplin.kernel.dates import Period, covered_days, last_day_within
from tremplin.kernel.formats import fr

from .enums import ImmersionStatus, Objective

MAX_MONTHS = 1
HOST_WINDOW_MONTHS = 12
HOST_MAX_CONVENTIONS = 2
HOST_MAX_DAYS = 60
CDDI_SHARE_PERCENT = 25  # reported, unverified (domain.md section 5): a warning only

# Messages (module constants: tests assert on them).
END_BEFORE_START = "La fin de la PMSMP ({end}) ne peut précéder son début ({start})."
TOO_LONG = (
    "Une PMSMP dure au plus 1 mois, de date à date (D5135-3) : commencée le {start}, "
    "elle finit au plus tard le {maximum}. Au-delà, renouvelez-la une fois pour le même objectif."
)
OUTSIDE_CONTRACT = (
    "Une PMSMP faite pendant le CDDI doit se situer dans le contrat : du {start} au {end}. "
    "Après le contrat, elle relève d'une autre convention."
)
CONTRACT_OF_ANOTHER_PERSON = "Ce contrat n'est pas celui de la personne."
HOST_OF_ANOTHER_STRUCTURE = "Cette structure d'accueil n'est pas dans l'annuaire de l'ACI de la personne."
RENEWAL_OF_ANOTHER_PERSON = "La PMSMP renouvelée doit être une PMSMP de la même personne."
RENEWAL_OF_RENEWAL = (
    "Une PMSMP ne se renouvelle qu'une fois (D5135-3) : la période du {start} au {end} est déjà "
    "un renouvellement, elle ne peut pas être renouvelée à nouveau."
)
RENEWAL_ALREADY = (
    "Une PMSMP ne se renouvelle qu'une fois (D5135-3) : la période du {start} au {end} a déjà été "
    "renouvelée (renouvellement du {renewal_start})."
)
RENEWAL_OTHER_OBJECTIVE = (
    "Une PMSMP ne se renouvelle que pour le même objectif (D5135-3) : « {objective} ». "
    "Pour un autre objectif, établissez une nouvelle convention."
)
RENEWAL_OTHER_HOST = (
    "Le renouvellement se fait avec la même structure d'accueil ({host}) ; "
    "avec une autre structure, établissez une nouvelle convention."
)
RENEWAL_NOT_AFTER = "Le renouvellement commence après la fin de la période renouvelée, soit après le {end}."
RENEWAL_OF_CANCELLED = "Une PMSMP annulée ne se renouvelle pas."
HOST_TOO_MANY = (
    "Au plus 2 conventions de PMSMP avec la même structure d'accueil (même SIRET) sur 12 mois "
    "consécutifs, renouvellements compris : avec celle-ci, {count} conventions du {window_start} "
    "au {window_end} ({others})."
)
HOST_TOO_MANY_DAYS = (
    "Au plus 60 jours de PMSMP avec la même structure d'accueil (même SIRET) sur 12 mois "
    "consécutifs, renouvellements compris : avec celle-ci, {days} jours du {window_start} au {window_end} ({others})."
)
OVERLAP = "Cette personne a déjà une PMSMP du {start} au {end} : deux PMSMP ne peuvent se chevaucher."
STATUS_NOT_STARTED = "La PMSMP commence le {start} : elle ne peut pas être « {status} » avant cette date."
EVALUATION_DATE = "L'évaluation se fait entre le début de la PMSMP ({start}) et aujourd'hui ({today})."
OUTCOME_BEFORE_START = "La suite donnée par l'hôte ne peut précéder le début de la PMSMP ({start})."
CANCELLED_NO_FOLLOW_UP = "Une PMSMP annulée n'a ni évaluation ni suite."
CDDI_SHARE_WARNING = (
    "À vérifier : les PMSMP de ce CDDI totalisent {days} jours, soit {percent} % de la durée du contrat "
    "({contract_days} jours). Une limite de 25 % est citée (questions-réponses DGEFP de 2015) sans texte "
    "vérifié : ce n'est pas un refus."
)


@dataclass(frozen=True)
class Convention:
    """What the rules need to know of an existing PMSMP."""

    start: date
    end: date
    objective: str
    host_siret: str
    host_name: str = ""
    is_renewal: bool = False
    cancelled: bool = False

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


def latest_end(start: date) -> date:
    """The last day of a PMSMP starting on `start`: 1 month date to date (15/03 -> 14/04)."""
    return last_day_within(start, MAX_MONTHS)


def check_dates(*, start: date, end: date) -> str | None:
    if end < start:
        return END_BEFORE_START.format(start=fr(start), end=fr(end))
    return None


def check_duration(*, start: date, end: date) -> str | None:
    maximum = latest_end(start)
    if end > maximum:
        return TOO_LONG.format(start=fr(start), maximum=fr(maximum))
    return None


def check_within_contract(*, period: Period, contract: Period) -> str | None:
    if period.start < contract.start or period.end > contract.end:
        return OUTSIDE_CONTRACT.format(start=fr(contract.start), end=fr(contract.end))
    return None


def check_renewal(
    *, start: date, objective: str, host_siret: str, original: Convention, other_renewal: Convention | None
) -> list[str]:
    """A PMSMP is renewable once, for the same objective, with the same host, after it."""
    if original.cancelled:
        return [RENEWAL_OF_CANCELLED]
    messages = []
    if original.is_renewal:
        messages.append(RENEWAL_OF_RENEWAL.format(start=fr(original.start), end=fr(original.end)))
    if other_renewal is not None:
        messages.append(
            RENEWAL_ALREADY.format(
                start=fr(original.start), end=fr(original.end), renewal_start=fr(other_renewal.start)
            )
        )
    if objective != original.objective:
        messages.append(RENEWAL_OTHER_OBJECTIVE.format(objective=Objective(original.objective).label))
    if host_siret != original.host_siret:
        messages.append(RENEWAL_OTHER_HOST.format(host=original.host_name or original.host_siret))
    if start <= original.end:
        messages.append(RENEWAL_NOT_AFTER.format(end=fr(original.end)))
    return messages


def _window(day: date) -> Period:
    return Period(day, last_day_within(day, HOST_WINDOW_MONTHS))


def _listed(periods: Sequence[Period]) -> str:
    return ", ".join(f"du {fr(p.start)} au {fr(p.end)}" for p in sorted(periods, key=lambda p: p.start))


def check_host_limits(*, period: Period, others: Sequence[Period]) -> list[str]:
    """At most 2 conventions and 60 days with the same host over 12 consecutive months.

    `others`: the person's other PMSMP with a host of the same SIRET, renewals included,
    cancelled ones left out. Every window of 12 consecutive months (date to date) that touches
    the new period is checked; a convention that touches a window counts in it with all its days."""
    messages: list[str] = []
    too_many = too_long = False
    day = period.start - timedelta(days=370)
    while day <= period.end and not (too_many and too_long):
        window = _window(day)
        day += timedelta(days=1)
        if not window.overlaps(period):
            continue
        touching = [p for p in others if p.overlaps(window)]
        count = len(touching) + 1
        days = sum(p.days for p in touching) + period.days
        context = {"window_start": fr(window.start), "window_end": fr(window.end), "others": _listed(touching)}
        if count > HOST_MAX_CONVENTIONS and not too_many:
            too_many = True
            messages.append(HOST_TOO_MANY.format(count=count, **context))
        if days > HOST_MAX_DAYS and not too_long:
            too_long = True
            messages.append(HOST_TOO_MANY_DAYS.format(days=days, **context))
    return messages


def check_overlap(*, period: Period, others: Sequence[Period]) -> str | None:
    for other in sorted(others, key=lambda p: p.start):
        if other.overlaps(period):
            return OVERLAP.format(start=fr(other.start), end=fr(other.end))
    return None


def check_status(*, status: str, start: date, today: date) -> str | None:
    """In progress or done only once it has started (a cancelled or planned one at any time)."""
    if status in (ImmersionStatus.IN_PROGRESS, ImmersionStatus.DONE) and today < start:
        return STATUS_NOT_STARTED.format(start=fr(start), status=ImmersionStatus(status).label)
    return None


def check_evaluation(*, evaluated_on: date, start: date, today: date) -> str | None:
    if evaluated_on < start or evaluated_on > today:
        return EVALUATION_DATE.format(start=fr(start), today=fr(today))
    return None


def check_outcome(*, outcome_date: date, start: date) -> str | None:
    if outcome_date < start:
        return OUTCOME_BEFORE_START.format(start=fr(start))
    return None


def cddi_share_warning(*, contract: Period, immersions: Sequence[Period]) -> str | None:
    """The reported (unverified) 25 % cap of the CDDI duration for cumulated PMSMP: a warning."""
    inside = [
        Period(max(p.start, contract.start), min(p.end, contract.end)) for p in immersions if p.overlaps(contract)
    ]
    days = covered_days(inside)
    if days * 100 <= contract.days * CDDI_SHARE_PERCENT:
        return None
    percent = f"{days * 100 / contract.days:.1f}".replace(".", ",")
    return CDDI_SHARE_WARNING.format(days=days, percent=percent, contract_days=contract.days)


def follow_up_open(*, start: date, status: str, today: date) -> bool:
    """The tutor's evaluation and the host's decision are recorded once the PMSMP has started,
    never on a cancelled one (the services refuse them otherwise; the page does not offer them)."""
    return start <= today and status != ImmersionStatus.CANCELLED
