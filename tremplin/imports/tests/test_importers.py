"""Each importer's row validation, without the database: the intent, or French messages under
the column to fix."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tremplin.imports.importers import IMPORTERS
from tremplin.imports.importers.people import (
    BIRTH_IN_FUTURE,
    DEFAULT_REASON,
    EMAIL_INVALID,
    POSTAL_CODE_INVALID,
    REFERRAL_DATE_REQUIRED,
)
from tremplin.imports.importers.timesheets import HOURS_RANGE, IDENTIFIER_COLUMNS, IDENTIFIER_REQUIRED
from tremplin.imports.parsing import DATE_INVALID, REQUIRED, RowReader, match_columns
from tremplin.imports.rules import MASKED_NAME, SEX_UNKNOWN, STATUS_UNKNOWN
from tremplin.people.nir import NIR_INVALID
from tremplin.recruitment.enums import ReferralState
from tremplin.worktime.enums import EntryKind

NIR = "269054958815780"


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield  # valid key (stdnum's example)


def read(kind: str, **cells):
    """A row of a file whose header is the keys given (column labels with spaces as `_`)."""
    importer = IMPORTERS[kind]
    headers = [name.replace("_", " ") for name in cells]
    positions = match_columns(headers, importer.columns)
    row = RowReader(list(cells.values()), positions, {c.key: c.label for c in importer.columns})
    return importer.validate(row), row.errors


PERSON = {"Nom": "Lefèvre", "Prénom": "Hélène", "Date_de_naissance": "05/03/1990", "Sexe": "Mme"}


class TestPeopleRows:
    def test_a_full_row_is_an_intent_with_its_referral(self):
        intent, errors = read(
            "people_referrals",
            **PERSON,
            **{"E-mail": "helene@example.org", "Code_postal": "34000", "NIR": "2 69 05 49 588 157 80"},
            Date_d_orientation="02/02/2026",
            Prescripteur="France Travail Montpellier",
        )
        assert errors == {}
        assert intent.identity["birth_date"] == date(1990, 3, 5)
        assert intent.identity["sex"] == "F"
        assert intent.nir == NIR
        assert intent.referral.referred_on == date(2026, 2, 2)
        assert intent.referral.partner_name == "France Travail Montpellier"
        assert intent.referral.reason == DEFAULT_REASON

    def test_a_row_without_referral_columns_has_no_referral(self):
        intent, errors = read("people_referrals", **PERSON)
        assert errors == {} and intent.referral is None

    def test_french_messages_under_each_column(self):
        intent, errors = read(
            "people_referrals",
            Nom="",
            Prénom="Hélène",
            Date_de_naissance="31/02/1990",
            Sexe="X",
            **{"E-mail": "helene@", "Code_postal": "3400", "NIR": "123"},
        )
        assert intent is None
        assert errors == {
            "Nom": [REQUIRED],
            "Date de naissance": [DATE_INVALID.format(value="31/02/1990")],
            "Sexe": [SEX_UNKNOWN.format(value="X")],
            "Code postal": [POSTAL_CODE_INVALID.format(value="3400")],
            "E-mail": [EMAIL_INVALID.format(value="helene@")],
            "NIR": [NIR_INVALID],
        }

    def test_a_birth_date_in_the_future(self):
        _, errors = read("people_referrals", **{**PERSON, "Date_de_naissance": "03/03/2026"})
        assert errors == {"Date de naissance": [BIRTH_IN_FUTURE]}

    def test_referral_columns_without_its_date(self):
        _, errors = read("people_referrals", **PERSON, Date_d_orientation="", Prescripteur="CCAS de Lunel")
        assert errors == {"Date d'orientation": [REFERRAL_DATE_REQUIRED]}


class TestLesEmploisRows:
    def row(self, **changes):
        cells = {
            "Civilité_candidat": "MME",
            "Nom_candidat": "Martin",
            "Prénom_candidat": "Léa",
            "Date_de_naissance_candidat": date(1990, 3, 15),
            "Département_candidat": "34000",
            "Métiers": "Jardinier paysagiste",
            "Source_de_la_candidature": "Prescripteur habilité",
            "Nom_organisation_prescripteur": "Mission locale Garrigues",
            "Date_de_la_candidature": date(2026, 1, 12),
            "Statut_de_la_candidature": "Candidature déclinée",
            "Motifs_de_refus": "Candidat non joignable",
        }
        cells.update(changes)
        return read("les_emplois", **cells)

    def test_a_candidacy_is_an_intent(self):
        intent, errors = self.row()
        assert errors == {}
        assert intent.identity["postal_code"] == "34000"
        assert intent.identity["sex"] == "F"
        assert intent.target.state == ReferralState.REFUSED
        assert intent.refusal_label == "Candidat non joignable"
        assert intent.reason == (
            "Candidature reçue sur les emplois de l'inclusion (Prescripteur habilité). Métiers : Jardinier paysagiste."
        )

    def test_a_departement_number_is_no_postal_code(self):
        intent, _ = self.row(Département_candidat="34")
        assert intent.identity["postal_code"] == ""

    def test_masked_names_and_unknown_status(self):
        intent, errors = self.row(Nom_candidat="M…", Prénom_candidat="L…", Statut_de_la_candidature="Archivée")
        assert intent is None
        assert errors == {
            "Nom candidat": [MASKED_NAME.format(value="M…")],
            "Prénom candidat": [MASKED_NAME.format(value="L…")],
            "Statut de la candidature": [STATUS_UNKNOWN.format(value="Archivée")],
        }

    def test_missing_dates(self):
        _, errors = self.row(Date_de_naissance_candidat="", Date_de_la_candidature="")
        assert errors == {"Date de naissance candidat": [REQUIRED], "Date de la candidature": [REQUIRED]}


class TestTimesheetRows:
    def test_a_badge_line(self):
        intent, errors = read("timesheets", NIR=NIR, Date="02/02/2026", Heures="7:30", Type="")
        assert errors == {}
        assert (intent.nir, intent.day, intent.hours, intent.kind) == (NIR, date(2026, 2, 2), Decimal("7.50"), "worked")

    def test_a_payroll_line_by_identifier(self):
        intent, errors = read("timesheets", Identifiant_Tremplin="42", Date="2026-02-02", Heures="7", Type="CP")
        assert errors == {}
        assert (intent.person_id, intent.kind) == (42, EntryKind.PAID_LEAVE)

    def test_french_messages(self):
        intent, errors = read("timesheets", NIR="", Date="", Heures="25")
        assert intent is None
        assert errors == {
            "NIR": [IDENTIFIER_REQUIRED],
            "Date": [REQUIRED],
            "Heures": [HOURS_RANGE.format(value="25")],
        }

    def test_a_file_needs_the_nir_or_the_identifier(self):
        importer = IMPORTERS["timesheets"]
        with pytest.raises(ValidationError) as error:
            importer.check_columns(match_columns(["Nom", "Date", "Heures"], importer.columns))
        assert error.value.messages == [IDENTIFIER_COLUMNS]
