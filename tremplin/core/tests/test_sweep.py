"""The sweep: every URL pattern of the project, tried anonymously and as every role of another
ACI. It fails when a new view forgets the access check, and when a new URL pattern is added
without telling this test how to fill its parameters.

- Anonymous: every non-public URL redirects to the login page; the public ones are listed here
  and must match exactly the views marked `login_not_required`.
- Every role of another ACI: a URL naming a record of "our" ACI answers 404, GET and POST;
  a URL without a record never shows our ACI's data (the sentinel strings).
"""

from datetime import date
from importlib import import_module

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tremplin.accounts.enums import Role
from tremplin.accounts.tests.factories import MembershipFactory
from tremplin.contracts.models import Exit, FollowUp
from tremplin.contracts.tests.factories import ContractFactory
from tremplin.eligibility.tests.factories import ApprovalFactory, EligibilityDiagnosisFactory
from tremplin.funding.models import Grant
from tremplin.funding.tests.factories import ConventionFactory, FinancialAnnexFactory
from tremplin.organisations.tests.factories import ProductionSupportFactory, StructureFactory
from tremplin.people.models import PersonDocument
from tremplin.people.tests.factories import PersonFactory
from tremplin.recruitment.models import ReferralAttachment
from tremplin.recruitment.tests.factories import InformationSessionFactory, ReferralFactory
from tremplin.reporting.models import ReportRequest
from tremplin.worktime.models import TimesheetEntry

SENTINEL = "SENTINELLE-VAL-VERT"

# Apps that describe their own records and public pages to the sweep (`tests/sweep.py`).
SWEEP_MODULES = [
    import_module(f"tremplin.{app}.tests.sweep")
    for app in (
        "support",
        "skills",
        "reviews",
        "immersions",
        "training",
        "justice",
        "committees",
        "satisfaction",
        "imports",
        "api",
        "portability",
    )
]

# Views that answer without login. Anything else must redirect an anonymous visitor to login.
PUBLIC_URL_NAMES = {
    "core:health",
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_inactive",
    "account_confirm_login_code",
    "account_request_login_code",
    "account_reauthenticate",
    "account_login_code_confirm",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_trust",
    "account_logout",
    "admin:login",  # redirects to allauth's login (config/urls.py: secure_admin_login)
}.union(*(module.PUBLIC_URL_NAMES for module in SWEEP_MODULES))

# Third-party URL names with their own access control (allauth's own pages act on the logged-in
# user only; Django's admin requires is_staff, which no role grants). They are still swept for
# leaks below, but they do not take our record ids.
THIRD_PARTY_PREFIXES = ("account_", "mfa_", "admin:", "socialaccount_", "usersessions_")


def iter_patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}{pattern.namespace}:"
            yield from iter_patterns(pattern, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else None, prefix + str(pattern.pattern), pattern


@pytest.fixture
def ours(db):
    """Our ACI, with sentinel data that no one from another ACI may ever see."""
    structure = StructureFactory(name=f"ACI {SENTINEL}", city=SENTINEL)
    support = ProductionSupportFactory(structure=structure, name=f"Chantier {SENTINEL}", client=SENTINEL)
    director = MembershipFactory(structure=structure, role=Role.DIRECTOR).user
    person = PersonFactory(structure=structure, last_name=SENTINEL)
    contract = ContractFactory(person=person, job_label=SENTINEL)
    document = PersonDocument.objects.create(
        person=person,
        kind="cv",
        file=ContentFile(b"%PDF-1.4", name="cv.pdf"),
        original_name=f"{SENTINEL}.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=director,
    )
    exit_ = Exit.objects.create(
        contract=contract, person=person, exit_date=contract.end, reason="cdi", created_by=director
    )
    TimesheetEntry.objects.create(
        contract=contract,
        person=person,
        structure=structure,
        day=date(2026, 2, 2),
        kind="worked",
        hours=7,
        created_by=director,
    )
    follow_up = FollowUp.objects.create(exit=exit_, months_after=3, due_date=contract.end, comment=SENTINEL)
    referral = ReferralFactory(structure=structure, person=person, reason=SENTINEL)
    attachment = ReferralAttachment.objects.create(
        referral=referral,
        file=ContentFile(b"%PDF-1.4", name="piece.pdf"),
        original_name=f"{SENTINEL}.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=director,
    )
    session = InformationSessionFactory(structure=structure, place=SENTINEL)
    approval = ApprovalFactory(person=person)
    diagnosis = EligibilityDiagnosisFactory(person=person)
    criterion = diagnosis.criteria.first()
    criterion.proof.save("justificatif.pdf", ContentFile(b"%PDF-1.4 " + SENTINEL.encode()), save=True)
    convention = ConventionFactory(structure=structure, reference=SENTINEL)
    annex = FinancialAnnexFactory(convention=convention, number="ACI034269999")
    grant = Grant.objects.create(
        structure=structure,
        funder="region",
        funder_name=SENTINEL,
        amount=1000,
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        purpose=SENTINEL,
        created_by=director,
    )
    report = ReportRequest.objects.create(
        requested_by=director, structure=structure, start=date(2026, 1, 1), end=date(2026, 1, 31), file_format="xlsx"
    )
    ours = {
        "report": report,
        "convention": convention,
        "annex": annex,
        "grant": grant,
        "approval": approval,
        "criterion": criterion,
        "diagnosis": diagnosis,
        "referral": referral,
        "attachment": attachment,
        "session": session,
        "structure": structure,
        "support": support,
        "director": director,
        "person": person,
        "contract": contract,
        "document": document,
        "follow_up": follow_up,
    }
    ours["extra_urls"] = {}
    for module in SWEEP_MODULES:
        ours["extra_urls"].update(module.sweep_kwargs(ours))
    return ours


def kwargs_for(name: str, pattern, ours) -> dict | None:
    """The record of our ACI that each parameterised URL of Tremplin names."""
    params = set(pattern.pattern.regex.groupindex)
    if not params:
        return {}
    by_record = {
        "structure": ["organisations:structure_detail", "organisations:structure_update"],
        "support": [
            "worktime:support_detail",
            "organisations:support_update",
            "worktime:support_summary_pdf",
        ],
        "person": [
            "people:detail",
            "people:update",
            "people:document_upload",
            "contracts:hire",
            "contracts:derogation_create",
            "eligibility:diagnosis_create",
            "eligibility:approval_create",
        ],
        "approval": ["eligibility:approval_prolong", "eligibility:approval_suspend"],
        "diagnosis": ["eligibility:diagnosis_proofs"],
        "criterion": ["eligibility:proof_download"],
        "document": ["people:document_download"],
        "contract": [
            "contracts:renew",
            "contracts:change_hours",
            "contracts:change_job",
            "contracts:suspend",
            "contracts:end_early",
            "contracts:exit",
        ],
        "follow_up": ["contracts:follow_up"],
        "referral": [
            "recruitment:detail",
            "recruitment:edit",
            "recruitment:transition",
            "recruitment:attachment_upload",
        ],
        "attachment": ["recruitment:attachment_download"],
        "session": ["recruitment:session_detail"],
        "convention": ["funding:annex_create"],
        "annex": ["funding:annex_detail", "funding:annex_amend"],
        "grant": ["funding:grant_delete"],
        "report": ["reporting:report_detail", "reporting:report_download"],
    }
    records = {url_name: {"pk": ours[record].pk} for record, names in by_record.items() for url_name in names}
    if name in records:
        return records[name]
    if name in ours["extra_urls"]:
        return ours["extra_urls"][name]
    if params == {"month"}:  # a month of the acting user's own ACI, not a record of ours
        return {"month": "2026-02"}
    if name and name.startswith(THIRD_PARTY_PREFIXES):
        if name.startswith("admin:"):
            return None
        return dict.fromkeys(params, "abc123")
    raise AssertionError(
        f"L'URL « {name} » ({pattern.pattern}) prend des paramètres {sorted(params)} : "
        "ajoutez-la à kwargs_for() du test de balayage avec un enregistrement de l'ACI."
    )


def all_urls(ours):
    seen = []
    for name, route, pattern in iter_patterns():
        if name is None and route.startswith("admin/"):
            continue  # Django admin's unnamed redirects, behind its own staff check
        if name is None:
            raise AssertionError(f"Le motif d'URL {route} n'a pas de nom : nommez-le pour le balayage.")
        kwargs = kwargs_for(name, pattern, ours)
        if kwargs is None:
            continue
        names_a_record = "pk" in kwargs and not name.startswith(THIRD_PARTY_PREFIXES)
        seen.append((name, reverse(name, kwargs=kwargs), names_a_record))
    return seen


def test_every_tremplin_pattern_is_swept(ours):
    names = {name for name, _, _ in all_urls(ours)}
    for expected in ("core:home", "worktime:support_detail", "audit:log", "accounts:switch_context"):
        assert expected in names


def test_public_views_are_exactly_the_listed_ones(db):
    public = set()
    for name, _route, pattern in iter_patterns():
        callback = pattern.callback
        if getattr(callback, "login_required", True) is False:
            public.add(name)
    unlisted = public - PUBLIC_URL_NAMES
    assert not unlisted, f"Vues publiques non listées dans PUBLIC_URL_NAMES : {sorted(unlisted)}"
    assert "core:health" in public


def test_anonymous_is_sent_to_login_everywhere(client, ours):
    login_url = reverse("account_login")
    for name, url, _ in all_urls(ours):
        if name in PUBLIC_URL_NAMES or name.startswith("admin:"):
            continue
        response = client.get(url)
        assert response.status_code == 302, f"{name} ({url}) répond {response.status_code} sans connexion"
        assert response["Location"].startswith(login_url), f"{name} ne renvoie pas vers la connexion"


def test_admin_is_closed_to_anonymous(client, ours):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", list(Role))
def test_every_url_as_each_role_of_another_structure(client, ours, role, make_member):
    stranger_structure = StructureFactory(name="ACI voisin")
    stranger = make_member(role, stranger_structure)
    client.force_login(stranger)
    for name, url, names_a_record in all_urls(ours):
        for method in ("get", "post"):
            if SESSION_KEY not in client.session:  # logged in again after the logout URL (or a timeout)
                client.force_login(stranger)
            response = getattr(client, method)(url)
            body = response.content.decode(errors="replace")
            assert SENTINEL not in body, f"{method.upper()} {name} ({url}) montre des données d'un autre ACI à {role}"
            assert response.status_code < 500, f"{method.upper()} {name} ({url}) : erreur {response.status_code}"
            if names_a_record:
                if method == "get" and response.status_code == 405:
                    continue  # a POST-only view: same answer for any id, no data; its POST is checked
                assert response.status_code == 404, (
                    f"{method.upper()} {name} ({url}) répond {response.status_code} au rôle {role} "
                    "d'un autre ACI : attendu 404"
                )
