"""What the sweep test (core/tests/test_sweep.py) needs from the recruitment app: records of "our" ACI for
its parameterised URLs (added to `ours` for the apps after it), and its public URL names."""

from django.core.files.base import ContentFile

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    from tremplin.recruitment.models import ReferralAttachment
    from tremplin.recruitment.tests.factories import InformationSessionFactory, ReferralFactory

    referral = ReferralFactory(structure=ours["structure"], person=ours["person"], reason=SENTINEL)
    attachment = ReferralAttachment.objects.create(
        referral=referral,
        file=ContentFile(b"%PDF-1.4", name="piece.pdf"),
        original_name=f"{SENTINEL}.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=ours["director"],
    )
    session = InformationSessionFactory(structure=ours["structure"], place=SENTINEL)
    ours["referral"] = referral
    by_referral = ("detail", "edit", "transition", "attachment_upload")
    return {f"recruitment:{name}": {"pk": referral.pk} for name in by_referral} | {
        "recruitment:attachment_download": {"pk": attachment.pk},
        "recruitment:session_detail": {"pk": session.pk},
    }
