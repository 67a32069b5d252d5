from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tremplin.accounts.enums import Role
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.imports import services
from tremplin.imports.enums import ImportKind, ImportMode, ImportStatus
from tremplin.imports.importers.base import PARTNER_ADDED
from tremplin.imports.importers.les_emplois import SEX_REQUIRED, STATE_KEPT
from tremplin.imports.importers.timesheets import NAME_MISMATCH, NO_CONTRACT, UNKNOWN_NIR
from tremplin.imports.rules import ACCEPTED_HIRE_NOTE
from tremplin.organisations.tests.factories import StructureFactory
from tremplin.partners.models import Partner
from tremplin.partners.tests.factories import PartnerFactory
from tremplin.people.models import Person
from tremplin.people.nir import decrypt_nir, encrypt_nir
from tremplin.people.services import POSSIBLE_DUPLICATE
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.recruitment.models import Referral
from tremplin.worktime import rules as worktime_rules
from tremplin.worktime.models import MonthValidation, TimesheetEntry

from .files import LES_EMPLOIS_HEADER, PEOPLE_HEADER, csv_bytes, les_emplois_row, upload, xlsx_bytes

NIR = "269054958815780"


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel("2026-03-02 10:00 +01:00", tick=False):
        yield


def run(actor, structure, kind, content, *, name="import.csv", valid_rows_only=False, apply=True, **kwargs):
    batch = services.batch_upload(actor=actor, structure=structure, kind=kind, upload=upload(content, name), **kwargs)
    if apply:
        batch = services.batch_apply(actor=actor, batch=batch, valid_rows_only=valid_rows_only)
    return batch


def people_file(*rows):
    return csv_bytes([PEOPLE_HEADER, *rows], bom=True)


LEA = ["Martin", "Léa", "15/03/1990", "F", "lea@example.org", "02/02/2026", "France Travail Montpellier"]
KARIM = ["Benali", "Karim", "01/12/1985", "M", "", "", ""]
BROKEN = ["Roux", "Zoé", "31/02/1990", "F", "", "", ""]


class TestUpload:
    def test_a_file_is_kept_with_its_hash_and_previewed_without_writing(self, structure, director):
        content = people_file(LEA, KARIM)
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, content, name="candidats.csv", apply=False)
        assert batch.status == ImportStatus.PREVIEWED
        assert batch.original_name == "candidats.csv"
        assert batch.sha256 == services.sha256(content)
        assert batch.file.read() == content
        assert (batch.total_rows, batch.created_count, batch.error_count) == (2, 2, 0)
        assert [row["status"] for row in batch.report] == ["created", "created"]
        assert batch.report[0]["label"] == "MARTIN Léa (15/03/1990)"
        assert not Person.objects.exists() and not Partner.objects.exists()

    def test_missing_columns_refuse_the_file_and_record_nothing(self, structure, director):
        content = csv_bytes([["Nom", "Prénom"], ["Martin", "Léa"]])
        with pytest.raises(ValidationError) as error:
            run(director, structure, ImportKind.PEOPLE_REFERRALS, content)
        assert error.value.message_dict["file"] == [
            "Colonnes manquantes dans la ligne d'en-tête : « Date de naissance », « Sexe ». "
            "Colonnes trouvées : « Nom », « Prénom »."
        ]
        assert not services.ImportBatch.objects.exists()

    def test_a_counsellor_may_not_import_nir(self, structure, make_member):
        counsellor = make_member(Role.COUNSELLOR, structure)
        content = csv_bytes([[*PEOPLE_HEADER, "NIR"], [*KARIM, NIR]])
        with pytest.raises(ValidationError) as error:
            run(counsellor, structure, ImportKind.PEOPLE_REFERRALS, content, may_import_nir=False)
        assert error.value.message_dict["file"] == [services.NIR_NOT_ALLOWED]

    def test_the_director_imports_the_nir_encrypted(self, structure, director):
        content = csv_bytes([[*PEOPLE_HEADER, "NIR"], [*KARIM, "2 69 05 49 588 157 80"]])
        run(director, structure, ImportKind.PEOPLE_REFERRALS, content, may_import_nir=True)
        assert decrypt_nir(Person.objects.get().nir_encrypted) == NIR

    def test_windows_1252_names_arrive_intact(self, structure, director):
        content = csv_bytes([PEOPLE_HEADER, ["Lefèvre", "Hélène", "05/03/1990", "F", "", "", ""]], encoding="cp1252")
        run(director, structure, ImportKind.PEOPLE_REFERRALS, content)
        assert Person.objects.get().first_name == "Hélène"


class TestPeopleImport:
    def test_people_referrals_and_the_prescriber_added_to_the_directory(self, structure, director):
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(LEA, KARIM))
        assert batch.status == ImportStatus.APPLIED
        assert (batch.created_count, batch.applied_by, batch.mode) == (2, director, ImportMode.ALL_OR_NOTHING)
        assert batch.finished_at is not None
        lea = Person.objects.get(first_name="Léa")
        referral = Referral.objects.get()
        assert (referral.person, referral.referred_on, referral.state) == (lea, date(2026, 2, 2), "received")
        assert referral.partner.name == "France Travail Montpellier"
        assert referral.partner.organisation == structure.organisation
        assert referral.partner.kind == "france_travail"
        assert batch.report[0]["notes"] == [
            PARTNER_ADDED.format(name="France Travail Montpellier", kind="France Travail")
        ]

    def test_the_same_file_twice_changes_nothing(self, structure, director):
        content = people_file(LEA, KARIM)
        run(director, structure, ImportKind.PEOPLE_REFERRALS, content)
        again = run(director, structure, ImportKind.PEOPLE_REFERRALS, content)
        assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
        assert Person.objects.count() == 2 and Referral.objects.count() == 1 and Partner.objects.count() == 1

    def test_a_known_person_is_updated_with_the_values_that_differ(self, structure, director):
        person = PersonFactory(structure=structure, last_name="MARTIN", first_name="Léa", birth_date=date(1990, 3, 15))
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file([*LEA[:6], ""]))
        assert batch.report[0]["status"] == "created"  # the referral is new
        person.refresh_from_db()
        assert person.email == "lea@example.org"
        assert Person.objects.count() == 1
        again = run(
            director, structure, ImportKind.PEOPLE_REFERRALS, people_file([*LEA[:4], "lea.m@example.org", "", ""])
        )
        assert again.report[0]["status"] == "updated"
        person.refresh_from_db()
        assert person.email == "lea.m@example.org"

    def test_a_known_partner_is_matched_whatever_its_case_and_accents(self, structure, director):
        partner = PartnerFactory(organisation=structure.organisation, name="FRANCE TRAVAIL - Montpellier")
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(LEA))
        assert Referral.objects.get().partner == partner
        assert batch.report[0]["notes"] == []

    def test_a_person_of_a_sibling_aci_is_a_row_error(self, structure, director):
        sibling = StructureFactory(organisation=structure.organisation, name="Table du Val")
        PersonFactory(structure=sibling, last_name="Benali", first_name="Karim", birth_date=date(1985, 12, 1))
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(KARIM), apply=False)
        assert batch.error_count == 1
        ((column, message),) = batch.report[0]["messages"]
        assert column == ""
        assert message == POSSIBLE_DUPLICATE.format(matches="Karim Benali (Table du Val)")


class TestAllOrNothing:
    def test_a_file_with_errors_imports_nothing(self, structure, director):
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(LEA, BROKEN), apply=False)
        assert (batch.created_count, batch.error_count) == (1, 1)
        assert batch.report[1]["messages"] == [
            ["Date de naissance", "« 31/02/1990 » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple 15/03/1990)."]
        ]
        with pytest.raises(ValidationError) as error:
            services.batch_apply(actor=director, batch=batch)
        assert error.value.messages == [services.HAS_ERRORS.format(count=1)]
        batch.refresh_from_db()
        assert batch.status == ImportStatus.PREVIEWED
        assert not Person.objects.exists()

    def test_valid_rows_only_when_chosen(self, structure, director):
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(LEA, BROKEN), valid_rows_only=True)
        assert batch.status == ImportStatus.APPLIED
        assert batch.mode == ImportMode.VALID_ROWS_ONLY
        assert (batch.created_count, batch.error_count) == (1, 1)
        assert list(Person.objects.values_list("first_name", flat=True)) == ["Léa"]

    def test_nothing_valid_nothing_to_import(self, structure, director):
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(BROKEN), apply=False)
        with pytest.raises(ValidationError) as error:
            services.batch_apply(actor=director, batch=batch, valid_rows_only=True)
        assert error.value.messages == [services.NOTHING_VALID]

    def test_data_changed_since_the_preview_imports_nothing(self, structure, director):
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(LEA, KARIM), apply=False)
        sibling = StructureFactory(organisation=structure.organisation)
        PersonFactory(structure=sibling, last_name="Benali", first_name="Karim", birth_date=date(1985, 12, 1))
        batch = services.batch_apply(actor=director, batch=batch)
        assert batch.status == ImportStatus.FAILED
        assert batch.error == services.CHANGED_SINCE_PREVIEW
        assert batch.error_count == 1
        assert not Person.objects.filter(structure=structure).exists()
        assert not Referral.objects.exists()

    def test_an_import_runs_once(self, structure, director):
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(LEA))
        with pytest.raises(ValidationError) as error:
            services.batch_apply(actor=director, batch=batch)
        assert error.value.messages == [services.NOT_PREVIEWED.format(status="Importé")]


class TestBackground:
    def test_a_large_file_is_analysed_and_applied_by_the_tasks(self, structure, director, monkeypatch):
        monkeypatch.setattr(services, "BACKGROUND_ROWS", 1)
        calls = []
        original = services.batch_run
        monkeypatch.setattr(services, "batch_run", lambda **kw: calls.append(kw) or original(**kw))
        batch = run(director, structure, ImportKind.PEOPLE_REFERRALS, people_file(LEA, KARIM))
        assert batch.status == ImportStatus.APPLIED
        assert batch.rows_done == batch.total_rows == 2
        assert calls == [{"batch_id": batch.pk, "write": False}, {"batch_id": batch.pk, "write": True}]


class TestLesEmplois:
    def file(self, *rows):
        return xlsx_bytes([LES_EMPLOIS_HEADER, *rows])

    def test_one_person_per_names_and_birth_date_one_referral_per_candidacy(self, structure, director):
        content = self.file(
            les_emplois_row(),
            les_emplois_row(
                **{
                    "Nom organisation prescripteur": "Mission locale Garrigues",
                    "Date de la candidature": date(2026, 2, 3),
                    "Statut de la candidature": "Candidature déclinée",
                    "Motifs de refus": "Candidat non joignable",
                }
            ),
            les_emplois_row(
                **{
                    "Nom candidat": "NDIAYE",
                    "Prénom candidat": "Fatou",
                    "Date de naissance candidat": date(1988, 7, 1),
                    "Nom organisation prescripteur": "",
                    "Source de la candidature": "Candidature spontanée",
                    "Statut de la candidature": "Candidature acceptée",
                }
            ),
        )
        batch = run(director, structure, ImportKind.LES_EMPLOIS, content, name="candidatures.xlsx")
        assert batch.status == ImportStatus.APPLIED, batch.report
        assert batch.created_count == 3
        lea = Person.objects.get(first_name="Léa")
        assert (lea.sex, lea.postal_code, lea.city, lea.phone) == ("F", "34000", "Montpellier", "0612345678")
        assert Person.objects.count() == 2
        first, declined = Referral.objects.filter(person=lea).order_by("referred_on")
        assert (first.state, first.partner.name, first.referent_name) == (
            "received",
            "France Travail Montpellier",
            "Claire Dubois",
        )
        assert (declined.state, declined.refusal_reason) == (ReferralState.REFUSED, RefusalReason.DID_NOT_COME)
        assert declined.transitions.count() == 2
        accepted = Referral.objects.get(person__first_name="Fatou")
        assert (accepted.partner, accepted.state) == (None, ReferralState.WAITING_LIST)
        assert batch.report[2]["notes"] == [ACCEPTED_HIRE_NOTE]

        again = run(director, structure, ImportKind.LES_EMPLOIS, content, name="candidatures.xlsx")
        assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 3)
        assert Referral.objects.count() == 3

    def test_the_pass_iae_columns_record_the_pass_once(self, structure, director):
        from tremplin.eligibility.models import Approval
        from tremplin.imports.importers.les_emplois import HIRING_DATES, PASS_END_DIFFERS, PASS_RECORDED

        accepted = les_emplois_row(
            **{
                "Statut de la candidature": "Candidature acceptée",
                "Dates de début d’embauche": date(2026, 3, 9),
                "Dates de fin d’embauche": date(2026, 9, 8),
                "Numéro PASS IAE": "99999 26 12345",
                "Début PASS IAE": date(2026, 3, 9),
                "Fin PASS IAE": date(2028, 3, 7),
                "Statut PASS IAE": "Valide (non démarré)",
            }
        )
        content = self.file(accepted)
        batch = run(director, structure, ImportKind.LES_EMPLOIS, content, name="a.xlsx")
        approval = Approval.objects.get()
        assert (approval.person.first_name, approval.number) == ("Léa", "999992612345")
        assert (approval.start, approval.end) == (date(2026, 3, 9), date(2028, 3, 7))
        assert batch.report[0]["notes"][1:] == [
            ACCEPTED_HIRE_NOTE,
            HIRING_DATES.format(start="09/03/2026", end=" au 08/09/2026"),
            PASS_RECORDED.format(number="999992612345", start="09/03/2026", end="07/03/2028"),
        ]
        again = run(director, structure, ImportKind.LES_EMPLOIS, content, name="a.xlsx")
        assert (again.created_count, again.unchanged_count) == (0, 1)
        assert Approval.objects.count() == 1

        prolonged = les_emplois_row(
            **{
                "Numéro PASS IAE": "999992612345",
                "Début PASS IAE": date(2026, 3, 9),
                "Fin PASS IAE": date(2028, 9, 7),
                "Statut PASS IAE": "Valide",
            }
        )
        batch = run(director, structure, ImportKind.LES_EMPLOIS, self.file(prolonged), name="b.xlsx")
        assert (
            PASS_END_DIFFERS.format(number="999992612345", end="07/09/2028", status="Valide", computed="07/03/2028")
            in batch.report[0]["notes"]
        )

    def test_a_bad_pass_number_is_a_row_error_and_an_overlapping_pass_a_note(self, structure, director):
        from tremplin.eligibility.models import Approval
        from tremplin.eligibility.tests.factories import ApprovalFactory

        bad = les_emplois_row(**{"Numéro PASS IAE": "12345", "Début PASS IAE": date(2026, 3, 9)})
        batch = run(director, structure, ImportKind.LES_EMPLOIS, self.file(bad), name="a.xlsx", apply=False)
        assert batch.report[0]["messages"][0][0] == "Numéro PASS IAE"
        no_start = les_emplois_row(**{"Numéro PASS IAE": "999992612345"})
        batch = run(director, structure, ImportKind.LES_EMPLOIS, self.file(no_start), name="b.xlsx", apply=False)
        assert batch.report[0]["messages"] == [
            ["Début PASS IAE", "Un PASS IAE se lit avec sa date de début (colonne « Début PASS IAE »)."]
        ]

        lea = PersonFactory(structure=structure, last_name="Martin", first_name="Léa", birth_date=date(1990, 3, 15))
        ApprovalFactory(person=lea, number="999992600001", start=date(2026, 1, 5))
        overlapping = les_emplois_row(**{"Numéro PASS IAE": "999992612345", "Début PASS IAE": date(2026, 3, 9)})
        batch = run(director, structure, ImportKind.LES_EMPLOIS, self.file(overlapping), name="c.xlsx")
        assert batch.status == ImportStatus.APPLIED and Referral.objects.count() == 1
        assert (
            "PASS IAE n° 999992612345 non enregistré : Cette personne a déjà le PASS IAE n° 999992600001"
            in batch.report[0]["notes"][-1]
        )
        assert Approval.objects.count() == 1

    def test_a_newer_export_moves_the_referral_along_the_workflow(self, structure, director):
        run(director, structure, ImportKind.LES_EMPLOIS, self.file(les_emplois_row()), name="a.xlsx")
        newer = les_emplois_row(**{"Statut de la candidature": "Candidature déclinée", "Motifs de refus": "Autre"})
        batch = run(director, structure, ImportKind.LES_EMPLOIS, self.file(newer), name="b.xlsx")
        assert batch.report[0]["status"] == "updated"
        referral = Referral.objects.get()
        assert (referral.state, referral.refusal_reason) == (ReferralState.REFUSED, RefusalReason.OTHER)
        assert "Motif de refus sur les emplois de l'inclusion : Autre." in referral.transitions.last().comment

    def test_a_state_the_workflow_cannot_reach_is_kept(self, structure, director):
        run(director, structure, ImportKind.LES_EMPLOIS, self.file(les_emplois_row()), name="a.xlsx")
        Referral.objects.update(state=ReferralState.HIRED)
        older = les_emplois_row(**{"Statut de la candidature": "Candidature en attente"})
        batch = run(director, structure, ImportKind.LES_EMPLOIS, self.file(older), name="b.xlsx")
        assert batch.report[0]["status"] == "unchanged"
        assert batch.report[0]["notes"] == [STATE_KEPT.format(current="Embauchée", status="Candidature en attente")]

    def test_a_known_person_keeps_what_tremplin_has(self, structure, director):
        person = PersonFactory(
            structure=structure, last_name="Martin", first_name="Léa", birth_date=date(1990, 3, 15), phone="0499"
        )
        run(director, structure, ImportKind.LES_EMPLOIS, self.file(les_emplois_row()), name="a.xlsx")
        person.refresh_from_db()
        assert person.phone == "0499"  # not overwritten
        assert person.city == "Montpellier"  # was empty: filled

    def test_without_civility_a_new_person_cannot_be_created(self, structure, director):
        content = self.file(les_emplois_row(**{"Civilité candidat": ""}))
        batch = run(director, structure, ImportKind.LES_EMPLOIS, content, name="a.xlsx", apply=False)
        assert batch.report[0]["messages"] == [["Civilité candidat", SEX_REQUIRED]]

    def test_the_export_as_csv_windows_1252(self, structure, director):
        row = les_emplois_row(**{"Date de naissance candidat": "15/03/1990", "Date de la candidature": "12/01/2026"})
        content = csv_bytes([LES_EMPLOIS_HEADER, row], encoding="cp1252", delimiter=";")
        batch = run(director, structure, ImportKind.LES_EMPLOIS, content)
        assert batch.created_count == 1


class TestTimesheets:
    @pytest.fixture
    def contract(self, structure):
        person = PersonFactory(structure=structure, last_name="Martin", nir_encrypted=encrypt_nir(NIR))
        return ContractFactory(person=person, start=date(2026, 1, 5), initial_end=date(2026, 7, 4))

    def file(self, *rows, header=("NIR", "Nom", "Date", "Heures", "Type")):
        return csv_bytes([list(header), *rows])

    def test_hours_recorded_through_the_worktime_rules_and_idempotent(self, structure, director, contract):
        content = self.file(
            [NIR, "MARTIN", "02/02/2026", "7,5", ""],
            [NIR, "MARTIN", "03/02/2026", "7:00", "CP"],
        )
        batch = run(director, structure, ImportKind.TIMESHEETS, content)
        assert batch.created_count == 2, batch.report
        entries = TimesheetEntry.objects.order_by("day")
        assert [(e.day, e.kind, e.hours) for e in entries] == [
            (date(2026, 2, 2), "worked", Decimal("7.50")),
            (date(2026, 2, 3), "paid_leave", Decimal("7.00")),
        ]
        assert entries[0].created_by == director
        again = run(director, structure, ImportKind.TIMESHEETS, content)
        assert again.unchanged_count == 2
        changed = run(director, structure, ImportKind.TIMESHEETS, self.file([NIR, "", "02/02/2026", "6", ""]))
        assert changed.updated_count == 1
        assert TimesheetEntry.objects.get(day=date(2026, 2, 2)).hours == Decimal("6.00")

    def test_by_tremplin_identifier(self, structure, director, contract):
        content = self.file(
            [str(contract.person_id), "02/02/2026", "7"], header=("Identifiant Tremplin", "Date", "Heures")
        )
        assert run(director, structure, ImportKind.TIMESHEETS, content).created_count == 1

    def test_the_rules_of_working_time_refuse_rows(self, structure, director, contract):
        MonthValidation.objects.create(structure=structure, month=date(2026, 1, 1), validated_by=director)
        content = self.file(
            [NIR, "", "02/02/2026", "11", ""],
            [NIR, "", "04/01/2026", "7", ""],
            [NIR, "", "06/01/2026", "7", ""],
            ["180126955222380", "", "02/02/2026", "7", ""],
            [NIR, "DUPONT", "03/02/2026", "7", ""],
        )
        batch = run(director, structure, ImportKind.TIMESHEETS, content, apply=False)
        assert batch.error_count == 5
        messages = [row["messages"] for row in batch.report]
        assert messages[0] == [["Heures", worktime_rules.DAY_OVER_MAX.format(total="11", day="02/02/2026")]]
        assert messages[1] == [["Date", NO_CONTRACT.format(person=contract.person, day="04/01/2026")]]
        assert messages[2] == [["Date", worktime_rules.MONTH_LOCKED.format(month="janvier 2026")]]
        assert messages[3] == [["NIR", UNKNOWN_NIR]]
        assert messages[4] == [["", NAME_MISMATCH.format(person=contract.person, name="DUPONT")]]

    def test_the_week_limit_counts_the_rows_of_the_file(self, structure, director, contract):
        rows = [[NIR, "", f"0{day}/02/2026", "10", ""] for day in range(2, 7)]  # 5 x 10 h = 50 h
        batch = run(director, structure, ImportKind.TIMESHEETS, self.file(*rows), apply=False)
        assert [row["status"] for row in batch.report] == ["created"] * 4 + ["error"]
        assert "48 heures au plus" in batch.report[4]["messages"][0][1]
