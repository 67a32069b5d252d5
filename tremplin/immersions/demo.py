"""Demo data of the immersions app (idempotent), called by core.demo.seed_demo: a small directory
of Hérault host companies per ACI (fictitious names, SIRET with valid checksums), and PMSMP on
hired demo people: one evaluated and followed by a hire, one renewed, one in progress, one planned."""

from datetime import date, timedelta
from decimal import Decimal

from stdnum import luhn

from tremplin.contracts.models import Contract
from tremplin.reference.models import RomeJob

from . import services
from .enums import CddiDuring, ImmersionStatus, Objective, Outcome
from .models import HostCompany


def siret(siren8: str, nic4: str) -> str:
    """A SIRET with valid checksums: the SIREN's Luhn key, then the key of the 14 digits."""
    siren = siren8 + luhn.calc_check_digit(siren8)
    body = siren + nic4
    return body + luhn.calc_check_digit(body)


HOSTS = {
    "val-vert": [
        ("Paysages Méditerranée", siret("48213057", "0002"), "12 avenue de l'Europe", "34970", "Lattes",
         "Création et entretien de parcs et jardins", "81.30Z"),
        ("Pépinières du Pic Saint-Loup", siret("51377420", "0001"), "1450 route de Ganges", "34980",
         "Saint-Gély-du-Fesc", "Production de plants, arbres et arbustes", "01.30Z"),
        ("Mas des Jasses – maraîchage bio", siret("80264519", "0003"), "Chemin des Jasses", "34130", "Mauguio",
         "Maraîchage biologique et vente directe", "01.13Z"),
    ],
    "table-du-val": [
        ("Brasserie du Port", siret("53119846", "0001"), "8 quai Général Durand", "34200", "Sète",
         "Restauration traditionnelle", "56.10A"),
        ("Thau Réceptions Traiteur", siret("79450213", "0004"), "Zone d'activités des Clauzes", "34140", "Mèze",
         "Traiteur, organisation de réceptions", "56.21Z"),
    ],
}  # fmt: skip

SCHEDULE = "Du lundi au vendredi, 8 h – 12 h et 13 h 30 – 16 h 30 (35 h par semaine)."
FOLLOW_UP = "Point téléphonique du référent avec le tuteur en milieu de période, bilan à trois le dernier jour."

# (ACI, host index, objective, ROME, first day and last day relative to today, status, extras)
PLANS = [
    ("val-vert", 1, Objective.DISCOVER, "A1414", -50, -39, ImmersionStatus.DONE, "hired"),
    ("val-vert", 0, Objective.CONFIRM, "A1203", -45, -34, ImmersionStatus.DONE, "renewed"),
    ("val-vert", 2, Objective.RECRUIT, "A1414", 10, 21, ImmersionStatus.PLANNED, ""),
    ("table-du-val", 0, Objective.DISCOVER, "G1603", -3, 8, ImmersionStatus.IN_PROGRESS, ""),
    ("table-du-val", 1, Objective.RECRUIT, "G1602", -40, -29, ImmersionStatus.DONE, "not_hired"),
]


def seed(*, structures, users, partners, today) -> None:
    counsellor = users["cip@demo.tremplin.fr"]
    hosts = {key: [_host(structures[key], row, counsellor) for row in rows] for key, rows in HOSTS.items()}
    for key, structure in structures.items():
        plans = [plan for plan in PLANS if plan[0] == key]
        for contract, plan in zip(_current_contracts(structure, today), plans, strict=False):
            if contract.person.immersions.exists():
                continue
            _immersion(contract, hosts[key][plan[1]], plan, counsellor, today)


def _host(structure, row, actor) -> HostCompany:
    name, number, address, postal_code, city, activity, naf = row
    return HostCompany.objects.filter(structure=structure, siret=number).first() or services.host_company_create(
        actor=actor,
        structure=structure,
        name=name,
        siret=number,
        address=address,
        postal_code=postal_code,
        city=city,
        activity=activity,
        naf_code=naf,
    )


def _current_contracts(structure, today: date) -> list[Contract]:
    """Contracts that started two months ago at least and run five weeks more at least."""
    contracts = Contract.objects.filter(structure=structure, start__lte=today - timedelta(days=60)).select_related(
        "person"
    )
    return [
        c
        for c in contracts.order_by("person__last_name", "pk")
        if c.effective_end and c.effective_end >= today + timedelta(days=35)
    ]


def _immersion(contract, host, plan, actor, today: date) -> None:
    _, _, objective, rome, first, last, status, extra = plan
    common = {
        "actor": actor,
        "person": contract.person,
        "contract": contract,
        "host": host,
        "tutor_name": "Sébastien Roques" if host.structure.name.startswith("Val") else "Nadia Ferrand",
        "tutor_function": "Chef d'équipe" if host.structure.name.startswith("Val") else "Cheffe de cuisine",
        "tutor_phone": "04 67 12 34 56",
        "tutor_email": "tutorat@exemple.fr",
        "objective": objective,
        "rome_job": RomeJob.objects.get(code=rome),
        "activities": f"Observation puis participation encadrée aux tâches du poste ({host.activity.lower()}).",
        "place": f"{host.address}, {host.postal_code} {host.city}",
        "weekly_schedule": SCHEDULE,
        "total_hours": Decimal(70),
        "cddi_during": CddiDuring.CONTINUES,
        "protective_equipment": "Chaussures de sécurité, gants, vêtements de travail fournis par l'ACI.",
        "risks": "Port de charges, outils coupants : consignes données par le tuteur le premier jour.",
        "follow_up_arrangements": FOLLOW_UP,
    }
    start, end = today + timedelta(days=first), today + timedelta(days=last)
    immersion = services.immersion_create(start=start, end=end, status=status, **common)
    if extra == "renewed":
        renewal = services.immersion_create(
            start=end + timedelta(days=3),
            end=end + timedelta(days=14),
            status=ImmersionStatus.DONE,
            renewal_of=immersion,
            **common,
        )
        _evaluate(renewal, levels="3333", text="Projet confirmé : à l'aise sur les chantiers de création.")
    elif extra == "hired":
        _evaluate(immersion, levels="4344", text="Très bonne intégration, ponctuelle, apprend vite. Nous la recrutons.")
        services.immersion_record_outcome(
            immersion=immersion, outcome=Outcome.HIRED_CDD, outcome_date=end + timedelta(days=6)
        )
    elif extra == "not_hired":
        _evaluate(immersion, levels="3232", text="Motivée ; le rythme du service du midi reste à acquérir.")
        services.immersion_record_outcome(
            immersion=immersion, outcome=Outcome.NOT_HIRED, outcome_date=end + timedelta(days=3)
        )


def _evaluate(immersion, *, levels: str, text: str) -> None:
    services.immersion_evaluate(
        immersion=immersion,
        evaluated_on=immersion.end,
        punctuality=levels[0],
        integration=levels[1],
        skills=levels[2],
        autonomy=levels[3],
        safety="3",
        evaluation_text=text,
    )
