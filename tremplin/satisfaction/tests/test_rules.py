import hashlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from tremplin.satisfaction import rules


def test_the_token_hash_is_its_sha256():
    assert rules.hash_token("abc") == hashlib.sha256(b"abc").hexdigest()
    assert len(rules.hash_token("abc")) == 64


def test_an_invitation_is_open_until_used_or_expired():
    created = datetime(2025, 6, 1, 10, 0, tzinfo=UTC)
    expires = rules.invitation_expiry(created)
    assert expires == created + timedelta(days=30)
    assert rules.invitation_state(used=False, expires_at=expires, now=expires - timedelta(seconds=1)) == "open"
    assert rules.invitation_state(used=False, expires_at=expires, now=expires) == "expired"
    assert rules.invitation_state(used=True, expires_at=expires, now=created) == "used"


def test_answers_are_levels_of_known_questions_and_not_empty():
    assert rules.clean_answers({"welcome": "4", "project": None, "training": ""}) == {"welcome": 4}
    assert rules.check_answers({}, "  ") == rules.EMPTY_RESPONSE
    assert rules.check_answers({}, "Merci") is None
    assert rules.check_answers({"welcome": 5}, "") == rules.UNKNOWN_ANSWER
    assert rules.check_answers({"salary": 3}, "") == rules.UNKNOWN_ANSWER
    assert rules.check_answers({"welcome": 1}, "") is None


def test_aggregate_against_a_hand_computation():
    results = rules.aggregate(
        [
            ({"welcome": 4, "project": 2}, "Très bonne équipe"),
            ({"welcome": 3, "project": 4}, ""),
            ({"welcome": 4}, "  "),
            ({}, "atelier trop froid l'hiver"),
        ]
    )
    assert results.count == 4
    by_key = {q.key: q for q in results.questions}
    welcome = by_key["welcome"]
    # welcome: 4, 3, 4 -> 11 / 3
    assert welcome.answered == 3
    assert welcome.average == Decimal(11) / Decimal(3)
    assert [(d.level, d.count) for d in welcome.distribution] == [(1, 0), (2, 0), (3, 1), (4, 2)]
    assert welcome.distribution[3].percent == Decimal(200) / Decimal(3)
    # project: 2, 4 -> 3
    assert by_key["project"].average == Decimal(3)
    assert by_key["training"].answered == 0 and by_key["training"].average is None
    assert by_key["training"].distribution[0].percent is None
    # Comments: the blank one left out, in alphabetical order (not the order of the answers).
    assert results.comments == ["atelier trop froid l'hiver", "Très bonne équipe"]


def test_consent_dates():
    today = date(2025, 6, 15)
    assert rules.check_consent_date(date(2025, 6, 15), today) is None
    assert rules.check_consent_date(date(2025, 6, 16), today) == rules.CONSENT_IN_FUTURE.format(day="16/06/2025")
    assert rules.check_revocation(None, None, today, today) == rules.REVOCATION_WITHOUT_CONSENT
    assert rules.check_revocation(date(2025, 6, 1), None, date(2025, 5, 31), today) == (
        rules.REVOCATION_BEFORE_CONSENT.format(revoked="31/05/2025", given="01/06/2025")
    )
    assert rules.check_revocation(date(2025, 6, 1), None, date(2025, 6, 16), today) == (
        rules.REVOCATION_IN_FUTURE.format(day="16/06/2025")
    )
    assert rules.check_revocation(date(2025, 6, 1), date(2025, 6, 2), today, today) == (
        rules.ALREADY_REVOKED.format(day="02/06/2025")
    )
    assert rules.check_publishable(None, None) == rules.PUBLISH_WITHOUT_CONSENT
    assert rules.check_publishable(date(2025, 6, 1), date(2025, 6, 2)) == rules.PUBLISH_AFTER_REVOCATION.format(
        day="02/06/2025"
    )
    assert rules.check_publishable(date(2025, 6, 1), None) is None
