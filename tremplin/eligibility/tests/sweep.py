"""What the sweep test (core/tests/test_sweep.py) needs from the eligibility app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

from django.core.files.base import ContentFile

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    from tremplin.eligibility.tests.factories import ApprovalFactory, EligibilityDiagnosisFactory

    approval = ApprovalFactory(person=ours["person"])
    diagnosis = EligibilityDiagnosisFactory(person=ours["person"])
    criterion = diagnosis.criteria.first()
    criterion.proof.save("justificatif.pdf", ContentFile(b"%PDF-1.4 " + SENTINEL.encode()), save=True)
    ours["approval"], ours["criterion"] = approval, criterion
    person = {"pk": ours["person"].pk}
    return {
        "eligibility:diagnosis_create": person,
        "eligibility:approval_create": person,
        "eligibility:approval_prolong": {"pk": approval.pk},
        "eligibility:approval_suspend": {"pk": approval.pk},
        "eligibility:diagnosis_proofs": {"pk": diagnosis.pk},
        "eligibility:proof_download": {"pk": criterion.pk},
    }
