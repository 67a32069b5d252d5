"""The shape of the transition table itself."""

from tremplin.recruitment.enums import CLOSED_STATES, HIRING_ONLY_STATES, INITIAL_STATE, TRANSITIONS, ReferralState


def test_every_state_has_a_row_and_every_target_is_a_state():
    assert set(TRANSITIONS) == set(ReferralState)
    for targets in TRANSITIONS.values():
        assert targets <= set(ReferralState)


def test_no_state_moves_to_itself():
    for state, targets in TRANSITIONS.items():
        assert state not in targets


def test_hired_is_final_and_reached_only_after_an_interview_or_the_waiting_list():
    assert TRANSITIONS[ReferralState.HIRED] == frozenset()
    assert {s for s, targets in TRANSITIONS.items() if ReferralState.HIRED in targets} == {
        ReferralState.INTERVIEW,
        ReferralState.WAITING_LIST,
    }
    assert ReferralState.HIRED in HIRING_ONLY_STATES


def test_refused_and_withdrawn_only_reopen():
    assert TRANSITIONS[ReferralState.REFUSED] == {ReferralState.RECEIVED}
    assert TRANSITIONS[ReferralState.WITHDRAWN] == {ReferralState.RECEIVED}
    assert {ReferralState.HIRED, ReferralState.REFUSED, ReferralState.WITHDRAWN} == CLOSED_STATES


def test_every_state_is_reachable_from_the_initial_one():
    seen, todo = {INITIAL_STATE}, [INITIAL_STATE]
    while todo:
        for target in TRANSITIONS[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    assert seen == set(ReferralState)
