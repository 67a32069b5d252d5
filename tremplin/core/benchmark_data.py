"""manage.py benchmark: response times and SQL query counts of the main pages on a national
network's worth of data. See docs/performance.md for the figures and how to read them.

It only ever runs on a throwaway database, named explicitly:

    rm -f /tmp/tremplin-bench.sqlite3
    DJANGO_SETTINGS_MODULE=config.settings.development \\
    DATABASE_URL=sqlite:////tmp/tremplin-bench.sqlite3 .venv/bin/python manage.py benchmark

It refuses to run without DATABASE_URL in the environment (the default database is the
developer's) and on a database that already holds an ACI. It migrates the database, bulk-creates
the data (bulk_create sends no signal, so the audit trail is written here directly, as auditlog
would have written it), then requests each page as the director of one ACI with the test client.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from auditlog import get_logentry_model
from auditlog.diff import model_instance_diff
from dateutil.relativedelta import relativedelta
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from stdnum import luhn

from tremplin.accounts.enums import Role
from tremplin.accounts.models import Membership, User
from tremplin.contracts import rules as contract_rules
from tremplin.contracts.enums import AmendmentKind, ContractKind, EarlyEndReason, ExitReason, FollowUpSituation
from tremplin.contracts.models import Amendment, Contract, Exit, FollowUp
from tremplin.eligibility import rules as eligibility_rules
from tremplin.eligibility.enums import AuthorKind, Criterion
from tremplin.eligibility.models import Approval, DiagnosisCriterion, EligibilityDiagnosis
from tremplin.funding.models import Convention, FinancialAnnex
from tremplin.kernel.dates import months_later
from tremplin.organisations.enums import ActivitySector, SupportKind
from tremplin.organisations.models import Organisation, ProductionSupport, Structure
from tremplin.partners.enums import PartnerKind
from tremplin.partners.models import Partner
from tremplin.people.enums import EducationLevel, Sex
from tremplin.people.models import Person
from tremplin.recruitment.enums import ReferralState, RefusalReason
from tremplin.recruitment.models import Referral, ReferralTransition
from tremplin.reference.models import RomeJob
from tremplin.worktime.enums import EntryKind
from tremplin.worktime.models import TimesheetEntry

LogEntry = get_logentry_model()  # auditlog's, or the project's own if AUDITLOG_LOGENTRY_MODEL is set

STRUCTURES_PER_ORGANISATION = 5
BATCH = 1000
SEED = 2026

FEMALE_NAMES = (
    "Amina Marie Nadia Fatou Laura Sandrine Chloé Alice Emma Samia Inès Aïcha Valérie Karima Nathalie Céline "
    "Sylvie Rose Manon Zoé Isabelle Khadija Jessica Océane Catherine Mélanie Yasmine Christine Farida Sarah"
)
MALE_NAMES = (
    "Julien Sofiane Patrick Kevin Thierry Mehdi Youssef Bruno Rachid Olivier Dylan Gérard Hugo Franck Ibrahim "
    "Abdel Mathieu Ali Léon Eric Christophe Mamadou Stéphane Moussa Jean-Pierre Bilal David Lucas Cédric Anthony"
)
FIRST_NAMES = [(name, Sex.FEMALE) for name in FEMALE_NAMES.split()] + [(name, Sex.MALE) for name in MALE_NAMES.split()]
# fmt: off
LAST_NAMES = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
    "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
    "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
    "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
    "Diallo", "Haddad", "Benali", "Traoré", "Koné", "Cherif", "Amrani", "Mansouri", "Yilmaz", "Sow",
    "Benkirane", "Bouaziz", "Saidi", "Toumi", "Bensaïd", "Marie-Joseph", "Nguyen", "Da Silva", "Pereira", "Lopez",
    "Marchand", "Duval", "Denis", "Dumas", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
]
PLACES = [
    ("34", "34000", "Montpellier"), ("13", "13003", "Marseille"), ("69", "69008", "Lyon"),
    ("59", "59000", "Lille"), ("33", "33300", "Bordeaux"), ("31", "31200", "Toulouse"),
    ("44", "44300", "Nantes"), ("67", "67100", "Strasbourg"), ("35", "35200", "Rennes"),
    ("76", "76600", "Le Havre"), ("63", "63100", "Clermont-Ferrand"), ("87", "87000", "Limoges"),
    ("2A", "20000", "Ajaccio"), ("971", "97110", "Pointe-à-Pitre"), ("29", "29200", "Brest"),
    ("21", "21000", "Dijon"), ("45", "45000", "Orléans"), ("80", "80000", "Amiens"),
    ("66", "66000", "Perpignan"), ("974", "97400", "Saint-Denis"),
]
# fmt: on
PARTNERS = [
    ("France Travail", PartnerKind.FRANCE_TRAVAIL),
    ("Mission locale", PartnerKind.MISSION_LOCALE),
    ("PLIE", PartnerKind.PLIE),
    ("SPIP", PartnerKind.SPIP),
    ("CCAS", PartnerKind.CCAS),
    ("Département – pôle insertion", PartnerKind.DEPARTMENT),
]
SUPPORTS = [
    ("Chantier espaces verts", SupportKind.WORKSITE, ActivitySector.GREEN_SPACES, "A1203"),
    ("Atelier cuisine", SupportKind.WORKSHOP, ActivitySector.CATERING, "G1602"),
]
CANDIDATE_PATHS = [
    [],
    [ReferralState.INFO_SESSION],
    [ReferralState.INTERVIEW],
    [ReferralState.INFO_SESSION, ReferralState.INTERVIEW],
    [ReferralState.INTERVIEW, ReferralState.WAITING_LIST],
    [ReferralState.REFUSED],
    [ReferralState.INTERVIEW, ReferralState.REFUSED],
    [ReferralState.WITHDRAWN],
]
EXIT_REASONS = [
    ExitReason.CDI,
    ExitReason.CDD_6_PLUS,
    ExitReason.CDD_UNDER_6,
    ExitReason.QUALIFYING_TRAINING,
    ExitReason.OTHER_SIAE,
    ExitReason.JOB_SEEKER,
    ExitReason.JOB_SEEKER,
    ExitReason.UNKNOWN,
    ExitReason.HEALTH,
]


@dataclass
class Site:
    """One ACI of the dataset, with the objects its people point at."""

    index: int
    structure: Structure
    director: User
    counsellor: User
    partners: list[Partner]
    supports: list[ProductionSupport]
    people: list[Person] = field(default_factory=list)


@dataclass
class Dataset:
    """Every row created, in creation order, for the bulk inserts and the audit trail."""

    rows: dict[type, list] = field(default_factory=dict)
    updates: list[tuple] = field(default_factory=list)  # (instance, changes, day, actor)

    def add(self, obj):
        self.rows.setdefault(type(obj), []).append(obj)
        return obj


def _at(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59)))


class NetworkDataset:
    """Bulk-creates a national network's worth of fictitious data (see the command)."""

    def create(self, structures: int, per_structure: int, today: date):
        self.rng, self.data, self.today = random.Random(SEED), Dataset(), today
        self.jobs = {job.code: job for job in RomeJob.objects.filter(code__in=[s[3] for s in SUPPORTS])}
        data = self.data
        sites = self._create_network(structures)
        for site in sites:
            for index in range(per_structure):
                self._plan_person(site, index)
        order = (Person, Referral, ReferralTransition, EligibilityDiagnosis, DiagnosisCriterion, Approval, Contract)
        for model in (*order, Amendment, Exit, FollowUp):
            model.objects.bulk_create(data.rows.get(model, []), batch_size=BATCH)
        annexes = self._annexes(sites)
        timesheet_lines = self._timesheets()
        entries = self._audit_trail()
        LogEntry.objects.bulk_create(entries, batch_size=BATCH)
        counts = {
            "ACI": len(sites),
            "personnes": len(data.rows[Person]),
            "orientations": len(data.rows[Referral]),
            "contrats": len(data.rows[Contract]),
            "sorties": len(data.rows.get(Exit, [])),
            "annexes financières": annexes,
            "lignes d'heures": timesheet_lines,
            "entrées du journal": LogEntry.objects.count(),
        }
        return sites, counts

    def _annexes(self, sites: list[Site]) -> int:
        """A convention and the financial annex of the current year for each ACI: the ETP
        conventioned is close to its occupation, so that the dashboard has realistic figures."""
        year = self.today.year
        conventions = [
            Convention(
                structure=site.structure,
                reference=site.structure.convention_reference,
                start=date(year, 1, 1),
                end=date(year + 2, 12, 31),
                created_by=site.director,
            )
            for site in sites
        ]
        Convention.objects.bulk_create(conventions)
        annexes = [
            FinancialAnnex(
                convention=convention,
                structure=convention.structure,
                number=f"ACI{convention.structure.department:0>3}{year % 100:02d}{index + 1:04d}",
                start=date(year, 1, 1),
                end=date(year, 12, 31),
                etp_conventioned=Decimal(len(site.people)) * Decimal("0.30"),
                modulated_part=Decimal(5),
                dynamic_exit_target=Decimal(60),
                amount=Decimal(len(site.people)) * Decimal("0.30") * Decimal(23921),
                created_by=site.director,
            )
            for index, (site, convention) in enumerate(zip(sites, conventions, strict=True))
        ]
        FinancialAnnex.objects.bulk_create(annexes)
        return len(annexes)

    def _timesheets(self) -> int:
        """The hours of every contract from the 1st of January to yesterday, Monday to Friday at a
        fifth of the weekly hours, on the contract's atelier or chantier, in bulk."""
        first, last = date(self.today.year, 1, 1), self.today - timedelta(days=1)
        ended = {exit_.contract_id: exit_.exit_date for exit_ in self.data.rows.get(Exit, [])}
        count = 0
        lines = []
        for contract in self.data.rows[Contract]:
            day = max(first, contract.start)
            stop = min(last, ended.get(contract.pk) or contract.ended_on or contract.end or last)
            hours = (contract.weekly_hours / 5).quantize(Decimal("0.01"))
            while day <= stop:
                if day.weekday() < 5:
                    lines.append(
                        TimesheetEntry(
                            contract_id=contract.pk,
                            person_id=contract.person_id,
                            structure_id=contract.structure_id,
                            production_support_id=contract.production_support_id,
                            day=day,
                            kind=EntryKind.WORKED,
                            hours=hours,
                            created_by_id=contract.created_by_id,
                        )
                    )
                day += timedelta(days=1)
            if len(lines) >= 20 * BATCH:
                TimesheetEntry.objects.bulk_create(lines, batch_size=BATCH)
                count += len(lines)
                lines = []
        TimesheetEntry.objects.bulk_create(lines, batch_size=BATCH)
        return count + len(lines)

    def _create_network(self, structures: int) -> list[Site]:
        organisations, partners_by_org = [], {}
        for number in range(1, math.ceil(structures / STRUCTURES_PER_ORGANISATION) + 1):
            base = f"{41000000 + number:08d}"
            organisation = Organisation(name=f"Structure porteuse n°{number}", siren=base + luhn.calc_check_digit(base))
            organisations.append(organisation)
            partners_by_org[number] = [
                Partner(organisation=organisation, name=f"{name} n°{number}", kind=kind) for name, kind in PARTNERS
            ]
        Organisation.objects.bulk_create(organisations)
        Partner.objects.bulk_create([p for partners in partners_by_org.values() for p in partners])
        unusable = make_password(None)
        sites = []
        for index in range(structures):
            organisation = organisations[index // STRUCTURES_PER_ORGANISATION]
            department, postal_code, city = PLACES[index % len(PLACES)]
            base = f"{organisation.siren}{index + 1:04d}"
            structure = Structure(
                organisation=organisation,
                name=f"ACI {city} n°{index + 1}",
                siret=base + luhn.calc_check_digit(base),
                department=department,
                postal_code=postal_code,
                city=city,
                address=f"{index + 1} rue de l'Insertion",
                convention_reference=f"ACI{department:0>3}25{index:04d}",
            )
            director = User(
                email=f"direction.aci{index + 1}@banc-essai.invalid",
                first_name="Direction",
                last_name=f"ACI {index + 1}",
                password=unusable,
            )
            counsellor = User(
                email=f"cip.aci{index + 1}@banc-essai.invalid",
                first_name="CIP",
                last_name=f"ACI {index + 1}",
                password=unusable,
            )
            partners = partners_by_org[index // STRUCTURES_PER_ORGANISATION + 1]
            sites.append(Site(index, structure, director, counsellor, partners, []))
        Structure.objects.bulk_create([s.structure for s in sites])
        User.objects.bulk_create([u for s in sites for u in (s.director, s.counsellor)])
        Membership.objects.bulk_create(
            [Membership(user=s.director, role=Role.DIRECTOR, structure=s.structure) for s in sites]
            + [Membership(user=s.counsellor, role=Role.COUNSELLOR, structure=s.structure) for s in sites]
        )
        for site in sites:
            site.supports = [
                ProductionSupport(structure=site.structure, name=name, kind=kind, sector=sector, supervisor=None)
                for name, kind, sector, _ in SUPPORTS
            ]
        ProductionSupport.objects.bulk_create([p for s in sites for p in s.supports])
        # The second factor of the measured director: with TREMPLIN_MFA_REQUIRED on (production,
        # or development with TREMPLIN_MFA_REQUIRED=1) the middleware lets them in.
        TOTP.activate(sites[0].director, generate_totp_secret())
        self.data.rows[Organisation] = organisations
        self.data.rows[Structure] = [s.structure for s in sites]
        self.data.rows[Partner] = [p for partners in partners_by_org.values() for p in partners]
        self.data.rows[ProductionSupport] = [p for s in sites for p in s.supports]
        return sites

    def _plan_person(self, site: Site, index: int) -> None:
        """40 % under contract, 25 % gone (exit and follow-ups), 35 % candidates in the pipeline."""
        rng, today = self.rng, self.today
        first_name, sex = rng.choice(FIRST_NAMES)
        rsa = rng.random() < 0.45
        person = self.data.add(
            Person(
                structure=site.structure,
                first_name=first_name,
                last_name=rng.choice(LAST_NAMES),
                birth_date=date(rng.randint(1960, 2006), rng.randint(1, 12), rng.randint(1, 28)),
                sex=sex,
                education_level=rng.choice(list(EducationLevel.values)),
                email=f"personne{site.index}.{index}@exemple.invalid" if rng.random() < 0.6 else "",
                phone=f"06{rng.randint(10000000, 99999999)}",
                city=site.structure.city,
                postal_code=site.structure.postal_code,
                rsa=rsa,
                ass=not rsa and rng.random() < 0.15,
                rqth=rng.random() < 0.12,
                qpv=rng.random() < 0.3,
                job_seeker_since=today - timedelta(days=rng.randint(200, 1500)),
                counsellor=site.counsellor,
            )
        )
        site.people.append(person)
        share = index % 20
        if share < 8:
            self._plan_current(site, person)
        elif share < 13:
            self._plan_gone(site, person)
        else:
            self._plan_candidate(site, person)

    def _plan_current(self, site: Site, person: Person) -> None:
        rng, today, data = self.rng, self.today, self.data
        start = today - relativedelta(months=rng.randint(0, 21)) - timedelta(days=rng.randint(0, 27))
        initial_end = start + relativedelta(months=rng.choice([4, 6, 6, 12])) - timedelta(days=1)
        cap = start + relativedelta(months=contract_rules.CAP_MONTHS) - timedelta(days=1)
        contract = self._plan_hire(site, person, start, initial_end)
        end = initial_end
        while end < today:
            new_end = min(end + relativedelta(months=rng.choice([4, 6, 12])), cap)
            data.add(
                Amendment(
                    contract=contract,
                    kind=AmendmentKind.RENEWAL,
                    effective_date=end + timedelta(days=1),
                    previous_end=end,
                    new_end=new_end,
                    created_by=site.director,
                )
            )
            data.updates.append(
                (contract, {"end": [str(end), str(new_end)]}, end - timedelta(days=rng.randint(5, 30)), site.director)
            )
            end = new_end
        contract.end = end

    def _plan_gone(self, site: Site, person: Person) -> None:
        rng, today, data = self.rng, self.today, self.data
        end = today - timedelta(days=rng.randint(1, 700))
        start = end - relativedelta(months=rng.choice([4, 6, 8, 12])) + timedelta(days=1)
        contract = self._plan_hire(site, person, start, end)
        if rng.random() < 0.2:
            contract.ended_on = start + timedelta(days=int((end - start).days * rng.uniform(0.2, 0.8)))
            contract.early_end_reason = rng.choice([EarlyEndReason.HIRED_ELSEWHERE, EarlyEndReason.MUTUAL_AGREEMENT])
        exit_date = contract.ended_on or contract.end
        exit_ = data.add(
            Exit(
                contract=contract,
                person=person,
                exit_date=exit_date,
                reason=rng.choice(EXIT_REASONS),
                created_by=site.counsellor,
            )
        )
        for months in (3, 6):
            due = months_later(exit_date, months)
            done = due < today and rng.random() < 0.85
            follow_up = data.add(
                FollowUp(
                    exit=exit_,
                    months_after=months,
                    due_date=due,
                    done_on=due + timedelta(days=rng.randint(0, 10)) if done else None,
                    situation=rng.choice(list(FollowUpSituation.values)) if done else "",
                )
            )
            if done:
                data.updates.append(
                    (
                        follow_up,
                        {"done_on": ["None", str(follow_up.done_on)]},
                        min(follow_up.done_on, today),
                        site.counsellor,
                    )
                )

    def _plan_hire(self, site: Site, person: Person, start: date, planned_end: date) -> Contract:
        """The referral that led to the hire, the diagnosis, the PASS IAE and the contract."""
        rng, data = self.rng, self.data
        partner = rng.choice(site.partners)
        referred_on = start - timedelta(days=rng.randint(15, 60))
        steps = [ReferralState.INTERVIEW, ReferralState.HIRED]
        if rng.random() < 0.5:
            steps.insert(0, ReferralState.INFO_SESSION)
        self._plan_referral(site, person, partner, referred_on, steps, start)
        self._plan_diagnosis(site, person, partner, referred_on - timedelta(days=rng.randint(0, 10)))
        approval_start = start - timedelta(days=rng.randint(0, 7))
        data.add(
            Approval(
                person=person,
                number=f"9{site.index:03d}{len(site.people):08d}",
                start=approval_start,
                end=eligibility_rules.approval_initial_end(approval_start),
                created_by=site.director,
            )
        )
        support = rng.choice(site.supports)
        job = self.jobs.get(SUPPORTS[site.supports.index(support)][3])
        hours = Decimal(rng.choice([20, 24, 26, 26, 30, 35]))
        return data.add(
            Contract(
                person=person,
                structure=site.structure,
                production_support=support,
                kind=ContractKind.CDDI,
                rome_job=job,
                job_label=job.label if job else support.name,
                start=start,
                initial_end=planned_end,
                end=planned_end,
                initial_weekly_hours=hours,
                weekly_hours=hours,
                hourly_pay=Decimal("12.10"),
                trial_period_end=contract_rules.trial_period_end(start=start, end=planned_end),
                created_by=site.director,
            )
        )

    def _plan_candidate(self, site: Site, person: Person) -> None:
        rng = self.rng
        referred_on = self.today - timedelta(days=rng.randint(1, 200))
        partner = rng.choice(site.partners) if rng.random() < 0.85 else None
        steps = rng.choice(CANDIDATE_PATHS)
        self._plan_referral(site, person, partner, referred_on, steps, self.today)
        if rng.random() < 0.9:
            self._plan_diagnosis(site, person, partner, referred_on - timedelta(days=rng.randint(0, 15)))

    def _plan_referral(self, site, person, partner, referred_on: date, steps, last_day: date) -> None:
        rng, data = self.rng, self.data
        state = steps[-1] if steps else ReferralState.RECEIVED
        refusal = RefusalReason.NOT_INTERESTED if state == ReferralState.REFUSED else ""
        referral = data.add(
            Referral(
                structure=site.structure,
                person=person,
                partner=partner,
                referent_name="Référent·e du prescripteur" if partner else "",
                referred_on=referred_on,
                reason="Projet professionnel dans le secteur de l'ACI ; besoin d'une reprise d'activité encadrée.",
                state=state,
                refusal_reason=refusal,
                created_by=site.counsellor,
            )
        )
        span = max((last_day - referred_on).days, 0)
        previous = None
        for number, step in enumerate([ReferralState.RECEIVED, *steps]):
            day = referred_on + timedelta(days=span * number // max(len(steps), 1))
            data.add(
                ReferralTransition(
                    referral=referral,
                    from_state=previous,
                    to_state=step,
                    actor=site.counsellor,
                    at=_at(day, rng),
                    refusal_reason=RefusalReason.NOT_INTERESTED if step == ReferralState.REFUSED else "",
                )
            )
            if previous:
                data.updates.append((referral, {"state": [previous, step]}, day, site.counsellor))
            previous = step

    def _plan_diagnosis(self, site: Site, person: Person, partner: Partner | None, made_on: date) -> None:
        data = self.data
        kind = AuthorKind.PRESCRIBER if partner else AuthorKind.EMPLOYER
        diagnosis = data.add(
            EligibilityDiagnosis(
                person=person,
                author_kind=kind,
                author_partner=partner,
                author_name="Référent·e du prescripteur" if partner else "CIP de l'ACI",
                made_on=made_on,
                expires_on=eligibility_rules.diagnosis_expiry(kind, made_on),
                created_by=site.counsellor,
            )
        )
        if person.rsa:
            criteria = [Criterion.RSA]
        elif self.rng.random() < 0.9:
            criteria = [Criterion.DELD, Criterion.LOW_EDUCATION, Criterion.MOBILITY]
        else:
            criteria = [Criterion.DELD, Criterion.MOBILITY]  # does not meet the ACI rule
        for criterion in criteria:
            data.add(DiagnosisCriterion(diagnosis=diagnosis, criterion=criterion))

    # The audit trail: what auditlog writes on post_save, which bulk_create does not send.

    def _audit_trail(self) -> list[LogEntry]:
        data, rng, entries = self.data, self.rng, []
        types = {model: ContentType.objects.get_for_model(model) for model in data.rows}
        for model, rows in data.rows.items():
            for obj in rows:
                day, actor = self._when_and_who(obj)
                entries.append(
                    self._entry(
                        types[model], obj, LogEntry.Action.CREATE, model_instance_diff(None, obj), day, actor, rng
                    )
                )
        for obj, changes, day, actor in data.updates:
            entries.append(self._entry(types[type(obj)], obj, LogEntry.Action.UPDATE, changes, day, actor, rng))
        return entries

    @staticmethod
    def _when_and_who(obj) -> tuple[date, User | None]:
        if isinstance(obj, Person):
            return obj.job_seeker_since + timedelta(days=120), obj.counsellor
        if isinstance(obj, Referral):
            return obj.referred_on, obj.created_by
        if isinstance(obj, ReferralTransition):
            return timezone.localdate(obj.at), obj.actor
        if isinstance(obj, EligibilityDiagnosis):
            return obj.made_on, obj.created_by
        if isinstance(obj, DiagnosisCriterion):
            return obj.diagnosis.made_on, obj.diagnosis.created_by
        if isinstance(obj, Approval | Contract):
            return obj.start - timedelta(days=3), obj.created_by
        if isinstance(obj, Amendment):
            return obj.previous_end - timedelta(days=10), obj.created_by
        if isinstance(obj, Exit):
            return obj.exit_date, obj.created_by
        if isinstance(obj, FollowUp):
            return obj.exit.exit_date, obj.exit.created_by
        return timezone.localdate() - timedelta(days=800), None

    @staticmethod
    def _entry(content_type, obj, action, changes, day, actor, rng) -> LogEntry:
        return LogEntry(
            content_type=content_type,
            object_pk=str(obj.pk),
            object_id=obj.pk,
            object_repr=str(obj),
            action=action,
            changes=changes,
            changes_text="",
            actor=actor,
            actor_email=actor.email if actor else None,
            remote_addr="192.0.2.10",
            timestamp=_at(min(day, timezone.localdate()), rng),
            additional_data=obj.get_additional_data(),
        )
