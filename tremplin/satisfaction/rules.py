"""The rules of the questionnaire, the invitations and the testimonials, as pure functions
returning the French message of the rule broken (None when it holds), and the arithmetic of the
aggregated results."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from tremplin.kernel.formats import fr

from .enums import Level, Question

INVITATION_DAYS = 30

EMPTY_RESPONSE = "Répondez au moins à une question ou laissez un commentaire."
UNKNOWN_ANSWER = "Réponse non reconnue : choisissez l'un des quatre niveaux proposés."
INVITATION_INVALID = "Ce lien n'est plus valable : il a déjà servi, a expiré ou n'existe pas."
PERSON_OTHER_STRUCTURE = "Cette personne n'est pas suivie par l'ACI."
CONSENT_IN_FUTURE = "La date du consentement ({day}) ne peut pas être dans le futur."
REVOCATION_IN_FUTURE = "La date du retrait du consentement ({day}) ne peut pas être dans le futur."
REVOCATION_BEFORE_CONSENT = "Le consentement ne peut pas être retiré ({revoked}) avant d'avoir été donné ({given})."
REVOCATION_WITHOUT_CONSENT = "Aucun consentement n'a été recueilli : il n'y a rien à retirer."
ALREADY_REVOKED = "Le consentement a déjà été retiré le {day}."
CONSENT_CHANGE_AFTER_REVOCATION = (
    "Le consentement a été retiré le {day} : il ne se redonne pas sur ce témoignage. "
    "Recueillez un nouveau témoignage avec un nouveau consentement."
)
PUBLISH_WITHOUT_CONSENT = (
    "Un témoignage ne se publie qu'avec le consentement écrit de son auteur·e, non retiré : "
    "indiquez la date à laquelle il a été donné."
)
PUBLISH_AFTER_REVOCATION = "Le consentement a été retiré le {day} : ce témoignage ne peut plus être publié."


def hash_token(token: str) -> str:
    """What is stored of an invitation's token: its SHA-256, in hexadecimal."""
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_expiry(created: datetime) -> datetime:
    return created + timedelta(days=INVITATION_DAYS)


def invitation_state(*, used: bool, expires_at: datetime, now: datetime) -> str:
    if used:
        return "used"
    if now >= expires_at:
        return "expired"
    return "open"


def clean_answers(answers: dict) -> dict[str, int]:
    """Keep the questions answered (a question left out is "no opinion"); raise nothing, the
    caller checks with check_answers."""
    return {key: int(value) for key, value in answers.items() if value not in (None, "")}


def check_answers(answers: dict[str, int], comment: str) -> str | None:
    known, levels = set(Question.values), set(Level.values)
    if any(key not in known or value not in levels for key, value in answers.items()):
        return UNKNOWN_ANSWER
    if not answers and not comment.strip():
        return EMPTY_RESPONSE
    return None


def check_consent_date(given: date | None, today: date) -> str | None:
    if given and given > today:
        return CONSENT_IN_FUTURE.format(day=fr(given))
    return None


def check_revocation(given: date | None, revoked: date | None, on: date, today: date) -> str | None:
    if given is None:
        return REVOCATION_WITHOUT_CONSENT
    if revoked is not None:
        return ALREADY_REVOKED.format(day=fr(revoked))
    if on > today:
        return REVOCATION_IN_FUTURE.format(day=fr(on))
    if on < given:
        return REVOCATION_BEFORE_CONSENT.format(revoked=fr(on), given=fr(given))
    return None


def check_publishable(given: date | None, revoked: date | None) -> str | None:
    if revoked is not None:
        return PUBLISH_AFTER_REVOCATION.format(day=fr(revoked))
    if given is None:
        return PUBLISH_WITHOUT_CONSENT
    return None


@dataclass(frozen=True)
class LevelCount:
    level: int
    label: str
    count: int
    percent: Decimal | None  # of the answers to the question, unrounded


@dataclass(frozen=True)
class QuestionResult:
    key: str
    label: str
    answered: int
    average: Decimal | None  # 1 to 4, unrounded; None without an answer
    distribution: list[LevelCount]


# Below this number of answers over the period, the results are not shown: with two or three
# answers, a counsellor who knows who answered could tell who wrote what (decision 0017).
MIN_ANSWERS_SHOWN = 5


@dataclass(frozen=True)
class Results:
    count: int
    questions: list[QuestionResult]
    comments: list[str]

    @property
    def too_few(self) -> bool:
        return 0 < self.count < MIN_ANSWERS_SHOWN

    @property
    def min_answers(self) -> int:
        return MIN_ANSWERS_SHOWN


def aggregate(responses: Iterable[tuple[dict, str]]) -> Results:
    """The results of (answers, comment) pairs: per question the number of answers, the mean
    level and the count of each level; the comments in alphabetical order (not by date, so
    that their order does not tell who wrote them)."""
    count, comments = 0, []
    levels: dict[str, dict[int, int]] = {q: dict.fromkeys(Level.values, 0) for q in Question.values}
    for answers, comment in responses:
        count += 1
        if comment.strip():
            comments.append(comment.strip())
        for key, value in answers.items():
            if key in levels and value in levels[key]:
                levels[key][value] += 1
    questions = []
    for question in Question:
        by_level = levels[question.value]
        answered = sum(by_level.values())
        total = sum(level * n for level, n in by_level.items())
        questions.append(
            QuestionResult(
                key=question.value,
                label=question.label,
                answered=answered,
                average=Decimal(total) / answered if answered else None,
                distribution=[
                    LevelCount(
                        level.value,
                        level.label,
                        by_level[level.value],
                        Decimal(100 * by_level[level.value]) / answered if answered else None,
                    )
                    for level in Level
                ],
            )
        )
    return Results(count=count, questions=questions, comments=sorted(comments, key=str.lower))
