"""The one list of audited models. Every create/update/delete of these records who, when,
which object and which fields changed (old/new), with sensitive fields masked.

A model added by a later app is audited by adding one line here; `tests/test_audit.py`
fails when a model of a Tremplin app is neither audited nor listed as not case data."""

from auditlog.registry import auditlog
from django.apps import apps

AUDITED_MODELS: dict[str, dict] = {
    "organisations.Organisation": {},
    "organisations.Structure": {},
    "organisations.ProductionSupport": {},
    "accounts.User": {"exclude_fields": ["password", "last_login"]},
    "accounts.Membership": {},
    "partners.Partner": {},
    "people.Person": {"mask_fields": ["nir_encrypted"]},
    "people.PersonDocument": {},
    "contracts.Contract": {},
    "contracts.Amendment": {},
    "contracts.Derogation": {},
    "contracts.Suspension": {},
    "contracts.Exit": {},
    "contracts.FollowUp": {},
    "eligibility.EligibilityDiagnosis": {},
    "eligibility.DiagnosisCriterion": {},
    "eligibility.Approval": {},
    "eligibility.ApprovalProlongation": {},
    "eligibility.ApprovalSuspension": {},
    "recruitment.Referral": {},
    "recruitment.ReferralTransition": {},
    "recruitment.ReferralAttachment": {},
    "recruitment.InformationSession": {},
    "recruitment.SessionAttendance": {},
    "worktime.TimesheetEntry": {},
    "worktime.MonthValidation": {},
    "worktime.TimesheetCorrection": {},
    "worktime.PlannedDay": {},
    "funding.Convention": {},
    "funding.FinancialAnnex": {},
    "funding.AnnexAmendment": {},
    "funding.Grant": {},
    "justice.JusticeMeasure": {"mask_fields": ["notes"]},
    "justice.JusticeAttendance": {},
    "justice.OrientationSession": {},
    "justice.OrientationAttendance": {},
    "training.TrainingAction": {},
    "training.QualificationProgramme": {},
    "training.ProgrammePhase": {},
    "training.Enrolment": {},
    "immersions.HostCompany": {},
    "immersions.Immersion": {"mask_fields": ["evaluation_text"]},
    "skills.SkillGrid": {},
    "skills.SkillCriterion": {},
    "skills.SkillEvaluation": {"mask_fields": ["comment"]},
    "skills.SkillRating": {},
    "reviews.Review": {"mask_fields": ["professional_project", "next_steps", "technical_assessment"]},
    "support.Diagnosis": {},
    "support.ObstacleAssessment": {"mask_fields": ["actions"]},
    "support.Objective": {},
    "support.Appointment": {"mask_fields": ["notes"]},
    "support.PartnerReferral": {"mask_fields": ["comment"]},
    "committees.Committee": {"mask_fields": ["minutes"]},
    "committees.CommitteeDecision": {"mask_fields": ["text"]},
    "satisfaction.Invitation": {"exclude_fields": ["token_hash", "used"]},
    "satisfaction.Testimonial": {},
    "api.ApiToken": {"exclude_fields": ["token_hash", "last_used_at"]},
}

# Models of Tremplin apps that are not case data and are therefore not audited.
NOT_AUDITED: dict[str, str] = {
    "reference.SmicRate": "reference data, changed by decree through the admin",
    "reference.RomeJob": "reference data (ROME referential)",
    "reference.AnnualReferenceHours": "reference data, changed by decree through the admin",
    "reference.AidePosteRate": "reference data, changed by decree through the admin",
    "reference.RsaAmount": "reference data, changed by decree through the admin",
    "audit.SensitiveRead": "the log of sensitive reads itself, append-only",
    "core.ScheduledRun": "technical: one row per run of a scheduled job, no case data",
    "satisfaction.SatisfactionResponse": (
        "anonymous answers: a dated audit entry would tie each one to the invitation used"
    ),
    "reporting.ReportRequest": "a generated file of aggregated figures (no personal data), kept for its requester",
    "imports.ImportBatch": (
        "the record of an import itself (who, when, file hash, counts); the records it writes are audited one by one"
    ),
}


def register_audited_models() -> None:
    for label, options in AUDITED_MODELS.items():
        model = apps.get_model(label)
        if not auditlog.contains(model):
            auditlog.register(model, **options)
