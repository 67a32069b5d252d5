"""Demo data of the support app (idempotent), called by core.demo.seed_demo: for each hired demo
person, an entry diagnosis with varied obstacles (and a re-assessment for the longer pathways),
an action plan with one overdue objective, a few appointments (one sensitive health note) and
one or two referrals to partners. A person who already has a diagnosis is left as it is."""

from datetime import date, timedelta

from tremplin.partners.enums import PartnerKind
from tremplin.partners.models import Partner
from tremplin.partners.services import partner_create
from tremplin.people.models import Person

from . import services
from .enums import Confidentiality, DiagnosisKind, ReferralNeed, ReferralOutcome
from .enums import ObstacleCategory as C
from .models import Diagnosis

SUPPORT_PARTNERS = {
    "housing": ("Soliha Hérault", PartnerKind.HOUSING_BODY),
    "debt": ("Point conseil budget Crésus Hérault", PartnerKind.DEBT_ADVICE),
    "driving": ("Auto-école solidaire Mobil'Emploi", PartnerKind.DRIVING_SCHOOL),
    "health": ("CMP Montpellier Nord", PartnerKind.HEALTH_CENTRE),
    "childcare": ("Relais petite enfance de Sète", PartnerKind.CHILDCARE),
    "mobility": ("Plateforme mobilité Wimoov Hérault", PartnerKind.MOBILITY),
}

# (category, level, treatment, partner key or None, actions), and the referrals (partner key, need).
PROFILES = [
    (
        [
            (C.MOBILITY, "strong", "both", "driving", "Pas de permis, dépend des bus : inscription au code."),
            (C.HOUSING, "medium", "external", "housing", "Hébergé chez un tiers ; demande de logement social."),
            (C.DIGITAL, "low", "internal", None, "Atelier numérique : messagerie, espace France Travail."),
        ],
        [("driving", ReferralNeed.DRIVING_LICENCE), ("housing", ReferralNeed.HOUSING)],
    ),
    (
        [
            (C.ILLITERACY, "strong", "internal", None, "Ateliers sociolinguistiques deux fois par semaine."),
            (C.ADMINISTRATIVE, "medium", "both", None, "Renouvellement du titre de séjour, ouverture de la CSS."),
            (C.AVAILABILITY, "medium", "external", "childcare", "Deux enfants en bas âge : place en crèche."),
        ],
        [("childcare", ReferralNeed.CHILDCARE)],
    ),
    (
        [
            (C.DEBT, "strong", "external", "debt", "Dossier de surendettement à constituer."),
            (C.MOBILITY, "medium", "internal", None, "Aide au financement d'un vélo à assistance électrique."),
            (C.FAMILY, "low", "internal", None, "Séparation récente, soutien au quotidien."),
        ],
        [("debt", ReferralNeed.DEBT_ADVICE), ("mobility", ReferralNeed.MOBILITY)],
    ),
    (
        [
            (C.HEALTH, "medium", "external", "health", "Suivi médical régulier, horaires aménagés les jeudis."),
            (C.ADMINISTRATIVE, "low", "internal", None, "Mise à jour du dossier CAF."),
            (C.HOUSING, "strong", "both", "housing", "Logement insalubre : accompagnement vers un relogement."),
        ],
        [("housing", ReferralNeed.HOUSING)],
    ),
    (
        [
            (C.DIGITAL, "medium", "internal", None, "Pas d'ordinateur : accès à l'espace numérique de l'ACI."),
            (C.MOBILITY, "low", "internal", None, "Trajets en covoiturage avec l'équipe."),
        ],
        [("mobility", ReferralNeed.MOBILITY)],
    ),
]

OBJECTIVES = [
    ("Créer son espace personnel France Travail", 30, 25),
    ("Constituer le dossier de demande de logement social", 60, None),
    ("Obtenir le code de la route", 150, None),
    ("Réaliser deux enquêtes métier pour définir le projet", 200, None),
]

APPOINTMENTS = [
    (3, "individual", 60, "Accueil : présentation du parcours, du règlement intérieur et du rôle de la CIP."),
    (10, "individual", 90, "Diagnostic d'entrée réalisé ensemble ; premières pistes de projet."),
    (40, "phone", 15, "Point rapide sur les démarches en cours, rendez-vous confirmé."),
    (70, "collective", 120, "Atelier CV et lettre de motivation en groupe."),
    (100, "individual", 45, "Bilan des objectifs : le plan d'action est ajusté."),
]
HEALTH_NOTE = "Fatigue importante évoquée ; suivi au CMP en cours, un aménagement des horaires est convenu."


def _partners(organisation, partners) -> dict:
    found = {}
    for key, (name, kind) in SUPPORT_PARTNERS.items():
        found[key] = Partner.objects.filter(organisation=organisation, name=name).first() or partner_create(
            organisation=organisation, name=name, kind=kind
        )
    return found


def _day(start: date, offset: int, limit: date) -> date | None:
    day = start + timedelta(days=offset)
    return day if day <= limit else None


def seed(*, structures, users, partners, today) -> None:
    counsellor = users["cip@demo.tremplin.fr"]
    directory = None
    health_note_given = False
    for structure in structures.values():
        directory = directory or _partners(structure.organisation, partners)
        people = Person.objects.filter(structure=structure, contracts__isnull=False).distinct().order_by("pk")
        for index, person in enumerate(people):
            contracts = list(person.contracts.all())
            start = min(c.start for c in contracts)
            ends = [c.effective_end for c in contracts]
            limit = today if None in ends else min(today, max(ends))
            if start > today - timedelta(days=14) or Diagnosis.objects.filter(person=person).exists():
                continue
            lines, referrals = PROFILES[index % len(PROFILES)]
            entry_on = start + timedelta(days=10)
            services.diagnosis_create(
                actor=counsellor,
                person=person,
                kind=DiagnosisKind.ENTRY,
                assessed_on=min(entry_on, limit),
                obstacles=[
                    {"category": c, "level": lv, "treatment": t, "partner": directory.get(p), "actions": a}
                    for c, lv, t, p, a in lines
                ],
            )
            review_on = _day(start, 120, limit)
            if review_on and review_on > entry_on:
                lifted = lines[0]
                services.diagnosis_create(
                    actor=counsellor,
                    person=person,
                    kind=DiagnosisKind.REVIEW,
                    assessed_on=review_on,
                    obstacles=[
                        {
                            "category": c,
                            "level": lv,
                            "treatment": t,
                            "partner": directory.get(p),
                            "actions": a,
                            "lifted_on": review_on - timedelta(days=7) if (c, lv) == lifted[:2] else None,
                        }
                        for c, lv, t, p, a in lines
                    ],
                )
            # The action plan: one objective due 10 days ago stays open (overdue in the échéancier).
            for number, (title, due_in, done_in) in enumerate(OBJECTIVES[: 2 + index % 3]):
                due_on = today - timedelta(days=10) if number == 1 else start + timedelta(days=due_in)
                objective = services.objective_create(person=person, title=title, due_on=due_on, owner=counsellor)
                done_on = _day(start, done_in, limit) if done_in else None
                if done_on:
                    services.objective_close(objective=objective, status="done", done_on=done_on)
            for offset, kind, minutes, notes in APPOINTMENTS[: 3 + index % 3]:
                held_on = _day(start, offset, limit)
                if held_on:
                    services.appointment_create(
                        actor=counsellor,
                        person=person,
                        held_on=held_on,
                        kind=kind,
                        duration_minutes=minutes,
                        notes=notes,
                    )
            if not health_note_given and lines[0][0] == C.HEALTH:
                services.appointment_create(
                    actor=counsellor,
                    person=person,
                    held_on=min(start + timedelta(days=20), limit),
                    kind="individual",
                    duration_minutes=45,
                    notes=HEALTH_NOTE,
                    confidentiality=Confidentiality.SENSITIVE,
                    topic="health",
                )
                health_note_given = True
            for number, (key, need) in enumerate(referrals):
                referred_on = min(start + timedelta(days=12 + 20 * number), limit)
                outcome_on = _day(referred_on, 21, limit)
                services.partner_referral_create(
                    person=person,
                    partner=directory[key],
                    need=need,
                    referred_on=referred_on,
                    outcome=ReferralOutcome.ACCEPTED if outcome_on else ReferralOutcome.PENDING,
                    outcome_on=outcome_on,
                )
