from datetime import date

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from tremplin.accounts.enums import Role
from tremplin.eligibility.models import DiagnosisCriterion
from tremplin.people.tests.factories import PersonFactory


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(date(2026, 11, 23), tick=False):
        yield


def test_diagnosis_with_a_proof_then_hire_allowed(client, make_member, structure):
    person = PersonFactory(structure=structure)
    client.force_login(make_member(Role.COUNSELLOR, structure))
    proof = SimpleUploadedFile("attestation.pdf", b"%PDF-1.4 attestation CAF", content_type="application/pdf")
    response = client.post(
        reverse("eligibility:diagnosis_create", args=[person.pk]),
        {
            "author_kind": "employer",
            "author_name": "Karim Benali",
            "made_on": "2026-11-20",
            "criteria": ["rsa"],
            "proof_criterion": "rsa",
            "proof": proof,
            "proof_note": "Attestation CAF d'octobre",
        },
    )
    assert response.status_code == 302
    criterion = DiagnosisCriterion.objects.get()
    assert criterion.proof_note == "Attestation CAF d'octobre"
    download = client.get(reverse("eligibility:proof_download", args=[criterion.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 attestation CAF"
    page = client.get(reverse("people:detail", args=[person.pk])).text
    assert "Embauche possible au 23/11/2026" in page


def test_the_aci_rule_is_explained(client, make_member, structure):
    person = PersonFactory(structure=structure)
    client.force_login(make_member(Role.COUNSELLOR, structure))
    response = client.post(
        reverse("eligibility:diagnosis_create", args=[person.pk]),
        {"author_kind": "employer", "made_on": "2026-11-20", "criteria": ["qpv", "mobility"]},
    )
    assert response.status_code == 200
    assert "au moins 3 critères de niveau 2" in response.text


def test_sensitive_criterion_proof_is_hidden_from_hr(client, make_member, structure):
    from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory

    person = PersonFactory(structure=structure)
    diagnosis = EligibilityDiagnosisFactory(person=person, criteria=["rqth", "qpv", "mobility"])
    rqth = diagnosis.criteria.get(criterion="rqth")
    rqth.proof.save("rqth.pdf", SimpleUploadedFile("rqth.pdf", b"%PDF-1.4"), save=True)
    client.force_login(make_member(Role.ADMIN_STAFF, structure))
    assert client.get(reverse("eligibility:proof_download", args=[rqth.pk])).status_code == 404
    from tremplin.eligibility.enums import Criterion

    page = client.get(reverse("people:detail", args=[person.pk])).text
    assert escape(Criterion.RQTH.label) not in page
    assert escape(Criterion.QPV.label) in page


def test_the_nir_never_reaches_the_audit_trail(client, make_member, structure):
    client.force_login(make_member(Role.DIRECTOR, structure))
    client.post(
        reverse("people:create"),
        {
            "first_name": "Léa",
            "last_name": "Morel",
            "birth_date": "1990-06-15",
            "sex": "F",
            "nationality_group": "france",
            "nir": "184127645108946",
        },
    )
    for entry in LogEntry.objects.all():
        assert "184127645108946" not in str(entry.changes)
        assert "451 089" not in str(entry.changes)


def test_a_proof_is_added_to_a_recorded_diagnosis(client, make_member, structure):
    from tremplin.eligibility.tests.factories import EligibilityDiagnosisFactory

    diagnosis = EligibilityDiagnosisFactory(person__structure=structure, criteria=["rsa", "rqth"])
    client.force_login(make_member(Role.ADMIN_STAFF, structure))  # HR: not the RQTH
    page = client.get(reverse("people:detail", args=[diagnosis.person.pk])).text
    url = reverse("eligibility:diagnosis_proofs", args=[diagnosis.pk])
    assert url in page
    form = client.get(url).text
    assert 'value="rsa"' in form and 'value="rqth"' not in form
    assert "Joignez un document ou écrivez une précision." in client.post(url, {"criterion": "rsa"}).text
    client.post(url, {"criterion": "rsa", "proof_note": "Attestation CAF du 02/03/2026"})
    proof = SimpleUploadedFile("caf.pdf", b"%PDF-1.4 attestation", content_type="application/pdf")
    assert client.post(url, {"criterion": "rsa", "proof": proof}).status_code == 302
    line = DiagnosisCriterion.objects.get(diagnosis=diagnosis, criterion="rsa")
    assert line.proof_note == "Attestation CAF du 02/03/2026"  # a document sent alone keeps the note
    assert line.proof.read().startswith(b"%PDF")
    assert client.post(url, {"criterion": "rqth", "proof_note": "MDPH"}).status_code == 200
    assert DiagnosisCriterion.objects.get(diagnosis=diagnosis, criterion="rqth").proof_note == ""
    client.force_login(make_member(Role.SUPERVISOR, structure))
    assert client.get(url).status_code == 404
