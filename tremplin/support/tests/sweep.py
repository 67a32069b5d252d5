"""What the sweep test (core/tests/test_sweep.py) needs from the support app: a record of "our" ACI
for each of its parameterised URLs, and its public URL names (none unless listed)."""

PUBLIC_URL_NAMES: set[str] = set()

SENTINEL = "SENTINELLE-VAL-VERT"


def sweep_kwargs(ours) -> dict[str, dict]:
    """URL name -> kwargs naming a record of our ACI (built here with the sentinel)."""
    from tremplin.partners.tests.factories import PartnerFactory

    from .factories import (
        AppointmentFactory,
        DiagnosisFactory,
        ObjectiveFactory,
        ObstacleFactory,
        PartnerReferralFactory,
    )

    person = ours["person"]
    diagnosis = DiagnosisFactory(person=person, author=ours["director"])
    ObstacleFactory(diagnosis=diagnosis, actions=SENTINEL)
    objective = ObjectiveFactory(person=person, owner=ours["director"], title=SENTINEL)
    appointment = AppointmentFactory(person=person, author=ours["director"], notes=SENTINEL)
    partner = PartnerFactory(organisation=ours["structure"].organisation, name=f"Partenaire {SENTINEL}")
    referral = PartnerReferralFactory(person=person, partner=partner, comment=SENTINEL)
    by_person = {"pk": person.pk}
    return {
        "support:person": by_person,
        "support:diagnosis_create": by_person,
        "support:objective_create": by_person,
        "support:appointment_create": by_person,
        "support:referral_create": by_person,
        "support:objective_close": {"pk": objective.pk},
        "support:referral_outcome": {"pk": referral.pk},
        "support:partner_edit": {"pk": partner.pk},
        "support:appointment_edit": {"pk": appointment.pk},
    }
