"""The pure rules of the reviews."""

from datetime import date

from tremplin.reviews import rules


def test_one_entry_review_per_pathway_an_exit_opens_a_new_one():
    entry = date(2025, 1, 20)
    assert rules.entry_review_refusal(date(2025, 3, 1), other_entry_days=[entry], exit_dates=[]) == (
        "Un bilan d'entrée existe déjà pour ce parcours (bilan du 20/01/2025) : "
        "un seul bilan d'entrée par parcours en contrat."
    )
    assert (
        rules.entry_review_refusal(date(2026, 3, 1), other_entry_days=[entry], exit_dates=[date(2025, 12, 31)]) is None
    )
    # an exit on the day of the earlier review closes that pathway, one after the later review does not separate
    assert rules.entry_review_refusal(date(2026, 3, 1), other_entry_days=[entry], exit_dates=[entry]) is None
    assert rules.entry_review_refusal(date(2026, 3, 1), other_entry_days=[entry], exit_dates=[date(2026, 3, 1)])
    assert rules.entry_review_refusal(date(2026, 3, 1), other_entry_days=[], exit_dates=[]) is None


def test_an_exit_review_needs_a_contract_started():
    assert rules.exit_review_refusal(date(2026, 3, 1), contract_starts=[date(2026, 1, 5)]) is None
    assert rules.exit_review_refusal(date(2026, 1, 4), contract_starts=[date(2026, 1, 5)]) == (
        "Un bilan de sortie suppose un contrat : la personne n'a aucun contrat commencé dans l'ACI au 04/01/2026."
    )
    assert rules.exit_review_refusal(date(2026, 1, 4), contract_starts=[])


def test_a_review_is_not_dated_in_the_future_and_a_signed_one_is_locked():
    assert rules.held_on_refusal(date(2026, 6, 15), today=date(2026, 6, 15)) is None
    assert rules.held_on_refusal(date(2026, 6, 16), today=date(2026, 6, 15)) == (
        "La date du bilan (16/06/2026) ne peut pas être dans le futur."
    )
    assert rules.edit_refusal(signed=True) == "Ce bilan est signé : il ne peut plus être modifié."
    assert rules.edit_refusal(signed=False) is None
    assert rules.technical_edit_refusal(signed=False, technical_signed=True) == (
        "La partie technique est signée : elle ne peut plus être modifiée."
    )
    assert rules.technical_edit_refusal(signed=True, technical_signed=False) == rules.REVIEW_SIGNED


def test_rome_codes_are_read_from_a_free_list():
    assert rules.parse_rome_codes(" a1203, G1602 ;g1602\nA1414") == ["A1203", "G1602", "A1414"]
    assert rules.parse_rome_codes("") == []
