"""Demo data of the committees app (idempotent), called by core.demo.seed_demo: the three
committees of the current convention of Val Vert, the first one held with its minutes and
decisions."""

from datetime import timedelta

from tremplin.funding.models import Convention

from . import services
from .enums import CommitteeKind, CommitteeMoment
from .models import Committee

MINUTES = """Ouverture par la direction, présentation de l'équipe permanente et des deux chantiers
(Berges du Lez, pépinière et maraîchage).
Point sur les recrutements : les premiers postes sont pourvus, les orientations de France Travail
et de la Mission locale se poursuivent.
Les partenaires demandent un point spécifique sur l'accès à la formation qualifiante et sur la mobilité des salarié·es.
Prochain comité à mi-parcours."""

DECISIONS = [
    ("Organiser une information collective par trimestre avec France Travail et la Mission locale.", "CIP", 90),
    ("Présenter au prochain comité le plan de formation (CACES, certificat de qualification).", "Direction", 180),
    ("Étudier avec le PLIE une aide au permis de conduire pour les salarié·es sans véhicule.", "CIP", 120),
]


def seed(*, structures, users, partners, today) -> None:
    structure = structures["val-vert"]
    director = users["direction@demo.tremplin.fr"]
    convention = Convention.objects.filter(structure=structure, start__lte=today, end__gte=today).first()
    if convention is None:
        return
    services.committees_plan(actor=director, convention=convention, kind=CommitteeKind.STEERING)
    first = Committee.objects.get(convention=convention, kind=CommitteeKind.STEERING, moment=CommitteeMoment.START)
    if first.held_on is not None:
        return
    held_on = first.planned_on + timedelta(days=14)  # the 1st of January is a public holiday
    names = [
        "France Travail Montpellier Est",
        "Mission locale Montpellier Méditerranée",
        "PLIE de Montpellier",
        "Département de l'Hérault – pôle insertion",
    ]
    first = services.committee_update(
        actor=director,
        committee=first,
        convention=convention,
        kind=first.kind,
        moment=first.moment,
        planned_on=first.planned_on,
        held_on=held_on,
        place="Salle du conseil, 12 chemin des Jardins, Montpellier",
        participants=[partners[name] for name in names if name in partners],
        other_participants="DDETS de l'Hérault – service insertion par l'activité économique\n"
        "Claire Martin, directrice\nKarim Benali, CIP",
        minutes=MINUTES,
    )
    for text, owner, days in DECISIONS:
        services.decision_add(
            actor=director, committee=first, text=text, owner=owner, due_on=held_on + timedelta(days=days)
        )
