"""Demo data of the training app (idempotent), called by core.demo.seed_demo: one or two training
actions for each hired demo person (CACES, Certiphyto and SST on the green spaces; HACCP hygiene,
SST and CléA in the kitchen), and an AQI programme in La Table du Val with its participants.
Dates are placed from each person's first contract; a training still running today stays "in
progress". Natural keys: (person, title) for actions, (structure, name) for the programme."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from tremplin.people.models import Person

from . import services
from .enums import Employment, ExamResult, PhaseKind, TrainingFunder, TrainingKind, TrainingResult
from .models import Enrolment, QualificationProgramme, TrainingAction


@dataclass(frozen=True)
class DemoTraining:
    title: str
    kind: str
    organisation: str
    funder: str
    days: int  # calendar days, both ends included
    hours: str
    certification: str = ""
    outcome: str = TrainingResult.PASSED  # once the training is over


SST = DemoTraining(
    "SST – Sauveteur secouriste du travail",
    TrainingKind.SAFETY,
    "Croix-Rouge Compétences Occitanie",
    TrainingFunder.OPCO,
    2,
    "14",
    "Certificat SST",
)
CLEA = DemoTraining(
    "CléA – socle de connaissances et de compétences",
    TrainingKind.CLEA,
    "GRETA Montpellier",
    TrainingFunder.REGION,
    40,
    "70",
    "Certificat CléA",
    TrainingResult.PARTIAL,
)
REFRESHER = DemoTraining(
    "Remise à niveau français et calcul",
    TrainingKind.REFRESHER,
    "Association Lire et Écrire 34",
    TrainingFunder.REGION,
    30,
    "45",
    outcome=TrainingResult.COMPLETED,
)
GREEN_SPACES = [
    DemoTraining(
        "CACES R482 catégorie A – engins compacts",
        TrainingKind.CACES,
        "AFTRAL Montpellier",
        TrainingFunder.OPCO,
        3,
        "21",
        "CACES R482 A",
    ),
    DemoTraining(
        "Certiphyto – opérateur en travaux et services",
        TrainingKind.OTHER,
        "CFPPA de Montpellier",
        TrainingFunder.OPCO,
        2,
        "14",
        "Certificat individuel produits phytopharmaceutiques",
    ),
    SST,
    DemoTraining(
        "Permis B – code et conduite",
        TrainingKind.DRIVING_LICENCE,
        "Auto-école solidaire Mobil'Emploi",
        TrainingFunder.FRANCE_TRAVAIL,
        90,
        "35",
        "Permis B",
    ),
    REFRESHER,
]
KITCHEN = [
    DemoTraining(
        "Hygiène alimentaire HACCP en restauration collective",
        TrainingKind.OTHER,
        "CCI Hérault Formation",
        TrainingFunder.ACI,
        2,
        "14",
        "Attestation de formation hygiène alimentaire",
    ),
    SST,
    CLEA,
]


def seed(*, structures, users, partners, today) -> None:
    actor = users["direction@demo.tremplin.fr"]
    for key, catalogue in (("val-vert", GREEN_SPACES), ("table-du-val", KITCHEN)):
        _seed_trainings(structures[key], catalogue, actor=actor, today=today)
    _seed_aqi(structures["table-du-val"], actor=actor, today=today)


def _hired(structure) -> list[tuple[Person, date]]:
    people = Person.objects.filter(structure=structure, contracts__isnull=False).distinct().order_by("last_name")
    return [(person, min(c.start for c in person.contracts.all())) for person in people.prefetch_related("contracts")]


def _under_contract(person, today: date) -> bool:
    return any(c.start <= today <= (c.effective_end or today) for c in person.contracts.all())


def _seed_trainings(structure, catalogue, *, actor, today: date) -> None:
    """One training a few weeks after the hire; a second one for every third person, running
    now for those still under contract."""
    for index, (person, first_start) in enumerate(_hired(structure)):
        picks = [catalogue[index % len(catalogue)]]
        if index % 3 == 0:
            picks.append(catalogue[(index + 1) % len(catalogue)])
        for rank, demo in enumerate(picks):
            if TrainingAction.objects.filter(person=person, title=demo.title).exists():
                continue
            start = first_start + timedelta(weeks=3)
            start -= timedelta(days=start.weekday())  # sessions start on a Monday
            if rank == 1:
                start = today - timedelta(days=5) if _under_contract(person, today) else start + timedelta(weeks=6)
            end = start + timedelta(days=demo.days - 1)
            outcome = TrainingResult.IN_PROGRESS
            result_on = None
            if end + timedelta(days=7) <= today:
                outcome = demo.outcome
                result_on = end + timedelta(days=7)
                if (
                    demo.kind == TrainingKind.CACES
                    and not TrainingAction.objects.filter(structure=structure, result=TrainingResult.FAILED).exists()
                ):
                    outcome = TrainingResult.FAILED  # one demo CACES failed (a retake is planned)
            services.training_create(
                actor=actor,
                person=person,
                title=demo.title,
                kind=demo.kind,
                organisation=demo.organisation,
                funder=demo.funder,
                start=start,
                end=end,
                hours=Decimal(demo.hours),
                certification=demo.certification,
                result=outcome,
                result_on=result_on,
            )


AQI_NAME = "AQI – agent de restauration collective"
# (last name, exam result, left early, employment at the end, job)
AQI_PARTICIPANTS = [
    ("Masson", ExamResult.PASSED, False, Employment.YES, "CDI – agent de restauration, cuisine centrale d'EHPAD"),
    ("Vidal", ExamResult.PASSED, False, Employment.YES, "CDD de 8 mois – commis de cuisine, restaurant scolaire"),
    ("Marie-Joseph", ExamResult.PASSED, False, Employment.YES, "Intérim – plonge et préparation froide"),
    ("Koné", ExamResult.PASSED, False, Employment.NO, ""),
    ("Robin", ExamResult.PARTIAL, False, Employment.NO, ""),
    ("Mansouri", ExamResult.PENDING, True, Employment.UNKNOWN, ""),
]


def _seed_aqi(structure, *, actor, today: date) -> None:
    """A session that ended last month: 3 weeks of workshops, 12 weeks at the training centre,
    8 weeks in companies, the titre professionnel exam at the end."""
    if QualificationProgramme.objects.filter(structure=structure, name=AQI_NAME).exists():
        return
    end = today.replace(day=1) - timedelta(days=1)
    start = end - relativedelta(months=7) + timedelta(days=1)
    programme = services.programme_create(
        actor=actor,
        structure=structure,
        name=AQI_NAME,
        certification="Titre professionnel Agent de restauration (niveau 3)",
        start=start,
        end=end,
    )
    for kind, weeks, description in (
        (PhaseKind.WORKSHOPS, 3, "Hygiène, posture professionnelle, techniques de recherche d'emploi"),
        (PhaseKind.TRAINING_CENTRE, 12, "AFPA de Sète : préparation culinaire, service, plonge"),
        (PhaseKind.COMPANY, 8, "Restaurants scolaires et EHPAD du bassin de Thau"),
    ):
        services.phase_add(programme=programme, kind=kind, weeks=weeks, description=description)
    hired = {person.last_name: (person, first_start) for person, first_start in _hired(structure)}
    for last_name, exam, left_early, employment, job in AQI_PARTICIPANTS:
        if last_name not in hired:
            continue
        person, first_start = hired[last_name]
        enrolled_on = max(start, first_start)  # some join the session after it started
        if enrolled_on > end or Enrolment.objects.filter(programme=programme, person=person).exists():
            continue
        enrolment = services.enrolment_create(actor=actor, programme=programme, person=person, enrolled_on=enrolled_on)
        left_on = enrolled_on + relativedelta(months=1) if left_early else end
        services.enrolment_update(
            enrolment=enrolment,
            enrolled_on=enrolled_on,
            exam_result=exam,
            left_on=min(left_on, today),
            left_early=left_early,
            employment=employment,
            job=job,
        )
