"""What the sweep (tremplin/core/tests/test_sweep.py) needs to know about the API.

- The token pages (`api:token_list`, `api:token_revoke`) are ordinary pages: login required,
  and a token of another user answers 404.
- The REST API's views (`api:v1:*`) answer a 401 JSON themselves without a valid token or
  session, instead of the login redirect: they are `login_not_required`, hence listed here.
  Their record parameter is named `id` (the OpenAPI convention), not `pk`: the sweep still
  tries them as every role of another ACI (no 5xx, no data of ours), and
  tests/test_isolation.py checks the 404 of every operation of the OpenAPI schema, with a
  token of every role of another ACI.
"""

from django.urls import URLResolver

from tremplin.api.urls import urlpatterns


def _api_names() -> set[str]:
    (resolver,) = [p for p in urlpatterns if isinstance(p, URLResolver) and p.namespace == "v1"]
    return {f"api:v1:{pattern.name}" for pattern in resolver.url_patterns}


PUBLIC_URL_NAMES = _api_names()


def sweep_kwargs(ours: dict) -> dict:
    from tremplin.api.services import api_token_create
    from tremplin.immersions.tests.factories import HostCompanyFactory, ImmersionFactory
    from tremplin.partners.tests.factories import PartnerFactory
    from tremplin.support.enums import Confidentiality, SensitiveTopic
    from tremplin.support.tests.factories import AppointmentFactory
    from tremplin.training.tests.factories import TrainingActionFactory
    from tremplin.worktime.models import TimesheetEntry

    director = ours["director"]
    membership = director.memberships.get()
    token = api_token_create(
        user=director,
        context_key=f"{membership.pk}:{ours['structure'].pk}",
        name="Jeton SENTINELLE-VAL-VERT",
        second_factor_passed=True,
    ).token
    partner = PartnerFactory(organisation=ours["structure"].organisation, name="Prescripteur API SENTINELLE-VAL-VERT")
    entry = TimesheetEntry.objects.filter(contract=ours["contract"]).first()
    person = ours["person"]
    host = HostCompanyFactory(structure=ours["structure"], name="Accueil SENTINELLE-VAL-VERT")
    records = {
        "structure": ours["structure"],
        "support": ours["support"],
        "partner": partner,
        "person": ours["person"],
        "contract": ours["contract"],
        "diagnosis": ours["criterion"].diagnosis,
        "approval": ours["approval"],
        "referral": ours["referral"],
        "entry": entry,
        "appointment": AppointmentFactory(
            person=person,
            author=director,
            notes="Note SENTINELLE-VAL-VERT",
            confidentiality=Confidentiality.SENSITIVE,
            topic=SensitiveTopic.HEALTH,
        ),
        "host": host,
        "immersion": ImmersionFactory(person=person, host=host, place="SENTINELLE-VAL-VERT"),
        "training": TrainingActionFactory(person=person, title="Formation SENTINELLE-VAL-VERT"),
    }
    by_record = {
        "structure": ["structure_detail", "structure_update"],
        "support": ["support_detail", "support_update"],
        "partner": ["partner_detail", "partner_update"],
        "person": ["person_detail", "person_update"],
        "contract": [
            "contract_detail",
            "contract_end_early",
            "amendment_create",
            "suspension_create",
            "exit_create",
        ],
        "diagnosis": ["diagnosis_detail", "diagnosis_update"],
        "approval": ["approval_detail", "approval_prolong", "approval_suspend"],
        "referral": ["referral_detail", "referral_update", "referral_transitions", "referral_transition_create"],
        "entry": ["entry_detail", "entry_update"],
        "appointment": ["appointment_detail", "appointment_update"],
        "host": ["host_company_detail"],
        "immersion": ["immersion_detail", "immersion_update"],
        "training": ["training_detail", "training_update"],
    }
    kwargs = {f"api:v1:{name}": {"id": records[record].pk} for record, names in by_record.items() for name in names}
    kwargs["api:token_revoke"] = {"pk": token.pk}
    return kwargs
