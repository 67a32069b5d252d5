import pytest

from tremplin.imports.rules import (
    ACCEPTED_HIRE_NOTE,
    KIND_UNKNOWN,
    SEX_UNKNOWN,
    STATUS_UNKNOWN,
    candidacy_state,
    entry_kind,
    is_masked,
    parse_sex,
    partner_kind_for,
    refusal_reason,
)
from tremplin.partners.enums import PartnerKind
from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.worktime.enums import EntryKind


@pytest.mark.parametrize(("value", "sex"), [("F", "F"), ("Mme", "F"), ("MME", "F"), ("femme", "F"), ("M", "M"),
                                             ("M.", "M"), ("Homme", "M"), ("monsieur", "M")])  # fmt: skip
def test_sex_from_what_files_write(value, sex):
    assert parse_sex(value) == sex


def test_an_unknown_sex_is_refused_in_french():
    with pytest.raises(ValueError) as error:
        parse_sex("X")
    assert str(error.value) == SEX_UNKNOWN.format(value="X")


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("Nouvelle candidature", ReferralState.RECEIVED),
        ("Candidature à l'étude", ReferralState.RECEIVED),
        ("Candidature en attente", ReferralState.WAITING_LIST),
        ("Action préalable à l’embauche", ReferralState.INTERVIEW),
        ("Action préalable à l'embauche", ReferralState.INTERVIEW),
        ("Candidature acceptée", ReferralState.WAITING_LIST),
        ("Candidature déclinée", ReferralState.REFUSED),
        ("Embauche annulée", ReferralState.WITHDRAWN),
        ("Embauché ailleurs", ReferralState.WITHDRAWN),
        ("Vivier de candidatures", ReferralState.WAITING_LIST),
    ],
)
def test_every_les_emplois_status_has_a_referral_state(status, state):
    assert candidacy_state(status).state == state


def test_an_accepted_candidacy_waits_for_the_hire_in_tremplin():
    assert candidacy_state("Candidature acceptée").note == ACCEPTED_HIRE_NOTE


def test_an_unknown_status_is_refused_in_french():
    with pytest.raises(ValueError) as error:
        candidacy_state("Archivée")
    assert str(error.value) == STATUS_UNKNOWN.format(value="Archivée")


def test_refusal_reasons_map_one_to_one_whatever_the_apostrophes():
    assert refusal_reason("Candidat non joignable") == RefusalReason.DID_NOT_COME
    assert refusal_reason("Candidat ne s'étant pas présenté à l'entretien") == RefusalReason.DID_NOT_COME_TO_INTERVIEW
    assert refusal_reason("Refus automatique") == RefusalReason.OTHER
    assert refusal_reason("") == RefusalReason.OTHER


def test_masked_names():
    assert is_masked("J…") and is_masked("J...")
    assert not is_masked("Jean")


@pytest.mark.parametrize(
    ("value", "kind"),
    [("", EntryKind.WORKED), ("Heures travaillées", EntryKind.WORKED), ("worked", EntryKind.WORKED),
     ("CP", EntryKind.PAID_LEAVE), ("Congés payés", EntryKind.PAID_LEAVE), ("Maladie", EntryKind.SICK_LEAVE),
     ("AT", EntryKind.WORK_ACCIDENT), ("Férié", EntryKind.PUBLIC_HOLIDAY), ("Formation", EntryKind.TRAINING),
     ("Absence injustifiée", EntryKind.UNJUSTIFIED_ABSENCE)],
)  # fmt: skip
def test_kinds_of_hours_from_payroll_and_badge_files(value, kind):
    assert entry_kind(value) == kind


def test_an_unknown_kind_lists_the_accepted_ones():
    with pytest.raises(ValueError) as error:
        entry_kind("RTT")
    assert str(error.value).startswith(KIND_UNKNOWN.format(value="RTT", accepted="")[:-1].rstrip(". "))
    assert "« Congés payés »" in str(error.value)


@pytest.mark.parametrize(
    ("name", "kind"),
    [("France Travail Montpellier", PartnerKind.FRANCE_TRAVAIL), ("Pôle emploi Lunel", PartnerKind.FRANCE_TRAVAIL),
     ("Mission Locale des Garrigues", PartnerKind.MISSION_LOCALE), ("SPIP de l'Hérault", PartnerKind.SPIP),
     ("PLIE Est Hérault", PartnerKind.PLIE), ("Conseil départemental de l'Hérault", PartnerKind.DEPARTMENT),
     ("Association Les Compagnons", PartnerKind.OTHER), ("Caféteria solidaire", PartnerKind.OTHER)],
)  # fmt: skip
def test_the_kind_of_a_prescriber_known_by_its_name(name, kind):
    assert partner_kind_for(name) == kind
