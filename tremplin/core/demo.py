"""Deterministic demo data: one organisation, two ACI, three production supports and one login
per role. Running it again changes nothing (natural keys: SIREN, SIRET, email, support name).
Later issues add people, contracts and hours here."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from tremplin.accounts import services as account_services
from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership, User
from tremplin.kernel.registry import contributions
from tremplin.organisations import services as organisation_services
from tremplin.organisations.enums import ActivitySector, SupportKind
from tremplin.organisations.models import Organisation, ProductionSupport, Structure
from tremplin.partners import services as partner_services
from tremplin.partners.enums import PartnerKind
from tremplin.partners.models import Partner
from tremplin.people.models import Person
from tremplin.reference.loading import load_aide_au_poste, load_annual_hours, load_rome, load_rsa, load_smic
from tremplin.reference.models import AidePosteRate, AnnualReferenceHours, RomeJob, RsaAmount, SmicRate

from .demo_funding import seed_funding, seed_timesheet_history, validate_months
from .demo_people import seed_people

DEMO_PASSWORD = "Tremplin-Demo-2026"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    first_name: str
    last_name: str
    role: Role
    where: str  # "val-vert", "table-du-val" or "organisation"


DEMO_LOGINS = [
    DemoLogin("direction@demo.tremplin.fr", "Claire", "Martin", Role.DIRECTOR, "val-vert"),
    DemoLogin("cip@demo.tremplin.fr", "Karim", "Benali", Role.COUNSELLOR, "val-vert"),
    DemoLogin("encadrant@demo.tremplin.fr", "Paul", "Girard", Role.SUPERVISOR, "val-vert"),
    DemoLogin("rh@demo.tremplin.fr", "Sophie", "Lambert", Role.ADMIN_STAFF, "val-vert"),
    DemoLogin("prescripteur@demo.tremplin.fr", "Nadia", "Roux", Role.PRESCRIBER, "val-vert"),
    DemoLogin("financeur@demo.tremplin.fr", "Thomas", "Moreau", Role.FUNDER, "val-vert"),
    DemoLogin("direction.generale@demo.tremplin.fr", "Hélène", "Fabre", Role.DIRECTOR, "organisation"),
    DemoLogin("encadrante.cuisine@demo.tremplin.fr", "Inès", "Morel", Role.SUPERVISOR, "table-du-val"),
]
# The counsellor also follows people in the second ACI: she switches ACI in the header.
EXTRA_MEMBERSHIPS = [("cip@demo.tremplin.fr", Role.COUNSELLOR, "table-du-val")]


PARTNERS = [
    ("France Travail Montpellier Est", PartnerKind.FRANCE_TRAVAIL),
    ("Mission locale Montpellier Méditerranée", PartnerKind.MISSION_LOCALE),
    ("PLIE de Montpellier", PartnerKind.PLIE),
    ("SPIP de l'Hérault", PartnerKind.SPIP),
    ("CCAS de Sète", PartnerKind.CCAS),
    ("Département de l'Hérault – pôle insertion", PartnerKind.DEPARTMENT),
]


# The demo data of the domains of the pathway's support, each app's `demo.seed(...)`, in order.


@transaction.atomic
def seed_demo() -> dict[str, int]:
    load_smic(SmicRate)
    load_rome(RomeJob)
    load_annual_hours(AnnualReferenceHours)
    load_aide_au_poste(AidePosteRate)
    load_rsa(RsaAmount)
    organisation = Organisation.objects.filter(siren="775672272").first() or organisation_services.organisation_create(
        name="Association Tremplin Solidaire (démo)", siren="775672272", rna="W343001234"
    )
    structures = {
        "val-vert": _structure(
            organisation,
            siret="77567227200017",
            name="Val Vert – espaces verts",
            department="34",
            address="12 chemin des Jardins",
            postal_code="34000",
            city="Montpellier",
            convention_reference="ACI034240012",
        ),
        "table-du-val": _structure(
            organisation,
            siret="77567227200025",
            name="La Table du Val – restauration collective",
            department="34",
            address="3 quai de la Consigne",
            postal_code="34200",
            city="Sète",
            convention_reference="ACI034240013",
        ),
    }
    partners = {
        name: Partner.objects.filter(organisation=organisation, name=name).first()
        or partner_services.partner_create(organisation=organisation, name=name, kind=kind)
        for name, kind in PARTNERS
    }
    users = {}
    for login in DEMO_LOGINS:
        users[login.email] = _user(login)
        if login.where == "organisation":
            _membership(users[login.email], login.role, organisation=organisation)
        else:
            partner = partners[PARTNERS[0][0]] if login.role == Role.PRESCRIBER else None
            _membership(users[login.email], login.role, structure=structures[login.where], partner=partner)
    for email, role, where in EXTRA_MEMBERSHIPS:
        _membership(users[email], role, structure=structures[where])

    supervisor = users["encadrant@demo.tremplin.fr"]
    _support(
        structures["val-vert"],
        name="Berges du Lez",
        kind=SupportKind.WORKSITE,
        sector=ActivitySector.GREEN_SPACES,
        client="Montpellier Méditerranée Métropole",
        site_address="Berges du Lez, 34000 Montpellier",
        planned_start=date(2025, 9, 1),
        planned_end=date(2027, 2, 26),
        supervisor=supervisor,
    )
    _support(
        structures["val-vert"],
        name="Pépinière et maraîchage",
        kind=SupportKind.WORKSHOP,
        sector=ActivitySector.MARKET_GARDENING,
        site_address="12 chemin des Jardins, 34000 Montpellier",
        supervisor=supervisor,
    )
    _support(
        structures["table-du-val"],
        name="Cuisine centrale",
        kind=SupportKind.WORKSHOP,
        sector=ActivitySector.CATERING,
        client="Restaurants scolaires de Sète",
        site_address="3 quai de la Consigne, 34200 Sète",
        supervisor=users["encadrante.cuisine@demo.tremplin.fr"],
    )
    today = timezone.localdate()
    director = users["direction@demo.tremplin.fr"]
    counsellor = users["cip@demo.tremplin.fr"]
    for structure in structures.values():
        supports = list(structure.production_supports.order_by("name"))
        seed_people(
            structure=structure,
            counsellor=counsellor,
            supports=supports,
            actor=director,
            today=today,
            partners=[partners[name] for name, kind in PARTNERS if kind != PartnerKind.SPIP],
        )
    seed_timesheets(structures=structures.values(), actor=users["rh@demo.tremplin.fr"], today=today)
    seed_funding(structures=structures, director=director, today=today)
    for seed in contributions("demo", "seed"):  # each app's demo.py
        seed(structures=structures, users=users, partners=partners, today=today)
    return {
        "organisations": Organisation.objects.count(),
        "structures": Structure.objects.count(),
        "production_supports": ProductionSupport.objects.count(),
        "users": User.objects.count(),
        "partners": Partner.objects.count(),
        "people": Person.objects.count(),
    }


DEMO_WEEKS = 8


def seed_timesheets(*, structures, actor, today) -> None:
    """The hours since the 1st of January (idempotent), so that the monthly statements, the ETP
    of the annex and its projection have figures; the current week is left to the supervisors."""
    from tremplin.worktime import selectors as worktime_selectors
    from tremplin.worktime import services as worktime_services
    from tremplin.worktime.rules import week_monday

    this_monday = week_monday(today)
    first_confirmed = this_monday - timedelta(weeks=DEMO_WEEKS)
    for structure in structures:
        # Since the 1st of January in bulk, the past months validated; the last weeks week by week.
        history_start = date(first_confirmed.year, 1, 1)
        seed_timesheet_history(
            structure=structure, actor=actor, start=history_start, end=first_confirmed - timedelta(days=1)
        )
        validate_months(structure=structure, actor=actor, before=first_confirmed, year=first_confirmed.year)
        for weeks_ago in range(DEMO_WEEKS, 0, -1):
            monday = this_monday - timedelta(weeks=weeks_ago)
            contracts = list(worktime_selectors.contracts_of_week(structure, monday))
            worktime_services.timesheet_confirm_week_as_planned(actor=actor, contracts=contracts, week_start=monday)


def _structure(organisation, *, siret, **fields):
    return Structure.objects.filter(siret=siret).first() or organisation_services.structure_create(
        organisation=organisation, siret=siret, **fields
    )


def _user(login: DemoLogin) -> User:
    user = User.objects.filter(email=login.email).first()
    if user is None:
        user = account_services.user_create(
            email=login.email,
            first_name=login.first_name,
            last_name=login.last_name,
            password=DEMO_PASSWORD,
        )
    return user


def _membership(user, role, *, structure=None, organisation=None, partner=None):
    existing = Membership.objects.filter(user=user, structure=structure, organisation=organisation).first()
    return existing or account_services.membership_create(
        user=user, role=role, structure=structure, organisation=organisation, partner=partner
    )


def _support(structure, *, name, **fields):
    existing = ProductionSupport.objects.filter(structure=structure, name=name).first()
    return existing or organisation_services.production_support_create(structure=structure, name=name, **fields)
