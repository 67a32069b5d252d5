"""The pure rules of skills evaluations."""

from datetime import date

from tremplin.skills import rules


def test_an_evaluation_is_under_contract_and_not_in_the_future():
    periods = [(date(2026, 1, 5), date(2026, 7, 4))]
    today = date(2026, 5, 1)
    assert rules.check_evaluation_day(date(2026, 3, 2), today=today, periods=periods) is None
    assert rules.check_evaluation_day(date(2026, 7, 4), today=date(2026, 8, 1), periods=periods) is None
    assert rules.check_evaluation_day(date(2026, 5, 2), today=today, periods=periods) == (
        "La date de l'évaluation (02/05/2026) ne peut pas être dans le futur."
    )
    assert "n'est pas sous contrat dans l'ACI le 04/01/2026" in rules.check_evaluation_day(
        date(2026, 1, 4), today=today, periods=periods
    )
    assert (
        rules.check_evaluation_day(date(2030, 1, 1), today=date(2030, 2, 1), periods=[(date(2026, 1, 5), None)]) is None
    )


def test_the_notice_comes_after_four_months_without_evaluation():
    start = date(2026, 1, 5)
    assert rules.evaluation_notice(last_evaluated_on=None, contract_start=start, today=date(2026, 5, 5)) is None
    assert rules.evaluation_notice(last_evaluated_on=None, contract_start=start, today=date(2026, 5, 6)) == (
        "Aucune évaluation des compétences depuis le début du contrat le 05/01/2026, il y a plus de 4 mois : "
        "prévoyez-en une avec l'encadrant·e."
    )
    last = date(2026, 2, 10)
    assert rules.evaluation_notice(last_evaluated_on=last, contract_start=start, today=date(2026, 6, 10)) is None
    assert rules.evaluation_notice(last_evaluated_on=last, contract_start=start, today=date(2026, 6, 11)) == (
        "Dernière évaluation des compétences le 10/02/2026, il y a plus de 4 mois : "
        "prévoyez la suivante avec l'encadrant·e."
    )


def test_no_notice_outside_a_contract_and_an_evaluation_of_a_former_contract_does_not_count():
    assert (
        rules.evaluation_notice(last_evaluated_on=date(2020, 1, 1), contract_start=None, today=date(2026, 6, 1)) is None
    )
    assert rules.evaluation_due_on(last_evaluated_on=date(2024, 1, 1), contract_start=date(2026, 1, 5)) == date(
        2026, 5, 5
    )


def test_criteria_are_one_a_line_without_duplicates():
    assert rules.parse_criteria("  - Ponctualité\n\n• Assiduité \n") == ["Ponctualité", "Assiduité"]
    assert rules.duplicate_label(["Tonte", "Taille", "tonte"]) == (
        "Le critère « tonte » figure deux fois dans la même famille."
    )
    assert rules.duplicate_label(["Tonte", "Taille"]) is None
