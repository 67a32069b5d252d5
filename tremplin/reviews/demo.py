"""Demo data of the reviews app (idempotent), called by core.demo.seed_demo: an entry review for
each hired person, an intermediate review for some (technical part written and signed by the
supervisor), a signed exit review for the people who have exited."""

from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from tremplin.contracts.models import Contract, Exit

from . import services
from .enums import ReviewKind
from .models import Review

SUPERVISORS = {"val-vert": "encadrant@demo.tremplin.fr", "table-du-val": "encadrante.cuisine@demo.tremplin.fr"}
PROJECTS = {
    "A1203": (
        "Devenir agent·e d'entretien des espaces verts dans une collectivité ou une entreprise du paysage ; "
        "passer le CACES tondeuse autoportée.",
        ["A1203"],
    ),
    "A1414": (
        "Travailler en maraîchage ou en pépinière, en saison puis en CDI ; découvrir la vente directe.",
        ["A1414", "D1106"],
    ),
    "G1602": (
        "Préparer le titre professionnel d'agent·e de restauration collective et viser un poste en cuisine centrale.",
        ["G1602", "G1603"],
    ),
}
NEXT_STEPS = {
    ReviewKind.ENTRY: "Rendez-vous individuels toutes les deux semaines ; inscription à l'atelier CV du mois prochain.",
    ReviewKind.INTERMEDIATE: "Une PMSMP de deux semaines chez un employeur du secteur ; mise à jour du CV.",
    ReviewKind.EXIT: "Suivi à 3 et 6 mois après la sortie ; contact avec le nouvel employeur si besoin.",
}
TECHNICAL = {
    ReviewKind.INTERMEDIATE: "Gestes du métier bien acquis sur les tâches courantes ; ponctualité en net progrès. "
    "À travailler : l'organisation du poste et la sécurité avec les machines.",
    ReviewKind.EXIT: "Autonome sur l'ensemble des tâches du chantier ; sait transmettre les consignes aux nouveaux. "
    "Attitude professionnelle exemplaire.",
}


def _at(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(16, 30)))


def seed(*, structures, users, partners, today) -> None:
    counsellor = users["cip@demo.tremplin.fr"]
    for key, structure in structures.items():
        supervisor = users[SUPERVISORS[key]]
        contracts = Contract.objects.filter(structure=structure).select_related("person", "rome_job").order_by("pk")
        for index, contract in enumerate(contracts):
            person = contract.person
            if Review.objects.filter(person=person).exists():
                continue
            code = contract.rome_job.code if contract.rome_job else "A1203"
            project, targets = PROJECTS.get(code, PROJECTS["G1602" if code.startswith("G") else "A1203"])
            entry_day = min(contract.start + timedelta(days=14), today)
            entry = services.review_create(
                actor=counsellor,
                person=person,
                kind=ReviewKind.ENTRY,
                held_on=entry_day,
                professional_project=f"À l'entrée : {project[0].lower()}{project[1:]}",
                target_codes=targets[:1],
                next_steps=NEXT_STEPS[ReviewKind.ENTRY],
                today=today,
            )
            if entry_day <= today - timedelta(days=3):
                services.review_sign(actor=counsellor, review=entry, now=_at(entry_day))
            exit_ = Exit.objects.filter(contract=contract).first()
            middle = contract.start + relativedelta(months=6)
            if index % 2 == 0 and middle <= min(today, contract.effective_end or today):
                _review(
                    ReviewKind.INTERMEDIATE,
                    person,
                    middle,
                    project,
                    targets,
                    counsellor,
                    supervisor,
                    today,
                    sign=index % 4 == 0,
                )
            if exit_:
                _review(
                    ReviewKind.EXIT, person, exit_.exit_date, project, targets, counsellor, supervisor, today, sign=True
                )


def _review(kind, person, day, project, targets, counsellor, supervisor, today, *, sign: bool) -> None:
    review = services.review_create(
        actor=counsellor,
        person=person,
        kind=kind,
        held_on=day,
        professional_project=project,
        target_codes=targets,
        next_steps=NEXT_STEPS[kind],
        today=today,
    )
    services.review_technical_update(actor=supervisor, review=review, technical_assessment=TECHNICAL[kind])
    services.review_technical_sign(actor=supervisor, review=review, now=_at(day - timedelta(days=1)))
    if sign:
        services.review_sign(actor=counsellor, review=review, now=_at(day))
