"""The annual review (bilan) as rows a person reads: each indicator of indicators.py with its
French label, its unit and its value rounded for display only (money to the cent, ETP to 2
decimals, rates to 1 decimal; domain.md section 12). The page, the XLSX and the PDF read these
same rows, so the three always show the same figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tremplin.contracts.enums import ExitCategory
from tremplin.people.enums import Sex
from tremplin.support.enums import ObstacleCategory

COUNT, ETP, HOURS, MONEY, RATE, MONTHS = "count", "etp", "hours", "money", "rate", "months"
PLACES = {COUNT: 0, ETP: 2, HOURS: 2, MONEY: 2, RATE: 1, MONTHS: 1}
UNITS = {COUNT: "", ETP: "ETP", HOURS: "h", MONEY: "EUR", RATE: "%", MONTHS: "mois"}

AGE_BAND_LABELS = {"under_26": "Moins de 26 ans", "26_49": "26 à 49 ans", "50_plus": "50 ans et plus"}
CRITERIA_LABELS = {
    "rsa": "Bénéficiaires du RSA",
    "ass": "Allocataires de l'ASS",
    "aah": "Allocataires de l'AAH",
    "rqth": "Travailleurs handicapés (RQTH)",
    "qpv": "Résidents d'un QPV",
    "zrr": "Résidents d'une ZRR",
    "under_26": "Moins de 26 ans (critère)",
    "over_50": "50 ans et plus (critère)",
    "deld": "Demandeurs d'emploi de 12 à 23 mois (DELD)",
    "detld": "Demandeurs d'emploi de 24 mois et plus (DETLD)",
    "low_education": "Niveau CAP/BEP ou infra",
}


@dataclass(frozen=True)
class Row:
    section: str
    name: str  # the stable name, with the sub-key: "exits_by_category.durable"
    label: str
    kind: str
    value: Decimal | int | None

    @property
    def rounded(self) -> Decimal | int | None:
        if self.value is None or self.kind == COUNT:
            return self.value
        return Decimal(self.value).quantize(Decimal(1).scaleb(-PLACES[self.kind]), rounding=ROUND_HALF_UP)

    @property
    def unit(self) -> str:
        return UNITS[self.kind]

    @property
    def text(self) -> str:
        """French display: 1 234,56 ; "–" when the figure does not exist (a rate without exits)."""
        if self.rounded is None:
            return "–"
        places = PLACES[self.kind]
        text = f"{self.rounded:,.{places}f}".replace(",", "\u202f").replace(".", ",")
        return f"{text} {self.unit}".strip()


def review_rows(indicators: dict) -> list[Row]:
    i = indicators
    public = "Public accueilli"
    rows = [
        Row(public, "headcount", "Salarié·es en parcours (présent·es au moins un jour)", COUNT, i["headcount"]),
        Row(public, "new_hires", "Nouvelles embauches", COUNT, i["new_hires"]),
        *[
            Row(public, f"people_by_sex.{sex.value}", f"{sex.label}s", COUNT, i["people_by_sex"].get(sex.value, 0))
            for sex in Sex
        ],
        *[
            Row(public, f"people_by_age_band.{band}", label, COUNT, i["people_by_age_band"][band])
            for band, label in AGE_BAND_LABELS.items()
        ],
        *[
            Row("Critères d'éligibilité", f"criteria_counts.{key}", label, COUNT, i["criteria_counts"][key])
            for key, label in CRITERIA_LABELS.items()
        ],
    ]
    activity = "Activité et financement"
    rows += [
        Row(activity, "etp_conventioned", "ETP conventionnés (moyenne sur la période)", ETP, i["etp_conventioned"]),
        Row(activity, "etp_realised", "ETP réalisés", ETP, i["etp_realised"]),
        Row(activity, "hours_paid", "Heures rémunérées", HOURS, i["hours_paid"]),
        Row(activity, "aide_au_poste_earned", "Aide au poste acquise (estimation)", MONEY, i["aide_au_poste_earned"]),
        Row(
            activity,
            "rsa_cofinanced_months",
            "Mois co-financés par le Département (RSA)",
            MONTHS,
            i["rsa_cofinanced_months"],
        ),
        Row(activity, "rsa_cofinancing_amount", "Co-financement RSA (88 % du RSA)", MONEY, i["rsa_cofinancing_amount"]),
    ]
    rows += support_rows(i, "Accompagnement, immersions et formation")
    exits = "Sorties"
    rows += [
        Row(exits, "exits_total", "Sorties de la période", COUNT, i["exits_total"]),
        Row(exits, "exits_counted", "Sorties prises en compte (plus de 3 mois de parcours)", COUNT, i["exits_counted"]),
        *[
            Row(
                exits,
                f"exits_by_category.{category.value}",
                category.label,
                COUNT,
                i["exits_by_category"][category.value],
            )
            for category in ExitCategory
        ],
        Row(exits, "dynamic_exit_rate", "Taux de sorties dynamiques", RATE, i["dynamic_exit_rate"]),
        Row(exits, "dynamic_exit_target", "Objectif de la convention", RATE, i["dynamic_exit_target"]),
        Row(
            exits,
            "average_pathway_months",
            "Durée moyenne des parcours des sortant·es",
            MONTHS,
            i["average_pathway_months"],
        ),
    ]
    return rows


TREATMENTS = {"internal": "traités en interne", "external": "traités en externe", "both": "en interne et en externe"}


def obstacle_rows(i: dict, section: str) -> list[Row]:
    """Per category: identified, then treated internally / externally / both (ASP counts these)."""
    rows = []
    for category in ObstacleCategory:
        counts = i["obstacles_by_category"][category.value]
        rows.append(
            Row(
                section,
                f"obstacles_by_category.{category.value}.identified",
                category.label,
                COUNT,
                counts["identified"],
            )
        )
        rows += [
            Row(
                section,
                f"obstacles_by_category.{category.value}.{key}",
                f"{category.label} : {label}",
                COUNT,
                counts[key],
            )
            for key, label in TREATMENTS.items()
        ]
    return rows


def support_rows(i: dict, section: str) -> list[Row]:
    totals = {key: sum(c[key] for c in i["obstacles_by_category"].values()) for key in ("identified", *TREATMENTS)}
    return [
        Row(
            section,
            "obstacles_by_category.identified",
            "Freins identifiés (toutes catégories)",
            COUNT,
            totals["identified"],
        ),
        *[
            Row(section, f"obstacles_by_category.{key}", f"Freins {label}", COUNT, totals[key])
            for key, label in TREATMENTS.items()
        ],
        Row(section, "pmsmp_count", "Immersions en entreprise (PMSMP)", COUNT, i["pmsmp_count"]),
        Row(
            section,
            "pmsmp_hired",
            "Immersions suivies d'une embauche par l'entreprise d'accueil",
            COUNT,
            i["pmsmp_hired"],
        ),
        Row(section, "trainings_count", "Actions de formation", COUNT, i["trainings_count"]),
        Row(section, "certifications_passed", "Certifications obtenues", COUNT, i["certifications_passed"]),
    ]


AXES = (
    "Axe 1 – Accueil et intégration dans l'emploi",
    "Axe 2 – Accompagnement social et professionnel",
    "Axe 3 – Formation",
    "Axe 4 – Contribution économique et territoriale",
)


def dialogue_rows(indicators: dict, activity) -> list[Row]:
    """The dialogue de gestion file with the DDETS on its four axes (domain.md section 10): the same
    indicators as the review, grouped by axis, and what the ACI produced for its territory
    (`selectors.TerritorialActivity`)."""
    i = indicators
    by_name = {row.name: row for row in review_rows(i)}

    def axis(number: int, names: list[str]) -> list[Row]:
        return [Row(AXES[number], by_name[n].name, by_name[n].label, by_name[n].kind, by_name[n].value) for n in names]

    rows = axis(
        0,
        [
            "headcount",
            "new_hires",
            *[f"people_by_sex.{sex.value}" for sex in Sex],
            *[f"people_by_age_band.{band}" for band in AGE_BAND_LABELS],
            *[f"criteria_counts.{key}" for key in CRITERIA_LABELS],
            "etp_conventioned",
            "etp_realised",
        ],
    )
    rows += obstacle_rows(i, AXES[1])
    rows += axis(
        1,
        [
            "pmsmp_count",
            "pmsmp_hired",
            "exits_total",
            "exits_counted",
            *[f"exits_by_category.{category.value}" for category in ExitCategory],
            "dynamic_exit_rate",
            "dynamic_exit_target",
            "average_pathway_months",
        ],
    )
    rows += axis(2, ["trainings_count", "certifications_passed"])
    fourth = AXES[3]
    rows += [
        *axis(3, ["hours_paid"]),
        Row(
            fourth,
            "activity.worked_hours",
            "Heures de production sur les ateliers et chantiers",
            HOURS,
            activity.worked_hours,
        ),
        Row(fourth, "activity.worksites", "Chantiers en activité sur la période", COUNT, activity.worksites),
        Row(fourth, "activity.workshops", "Ateliers en activité sur la période", COUNT, activity.workshops),
        Row(fourth, "activity.clients", "Clients et donneurs d'ordre servis", COUNT, activity.clients),
        *axis(3, ["aide_au_poste_earned"]),
        Row(
            fourth,
            "activity.annex_amount",
            "Montant des annexes financières de la période",
            MONEY,
            activity.annex_amount,
        ),
        *axis(3, ["rsa_cofinancing_amount"]),
        Row(fourth, "activity.grants_amount", "Subventions des autres financeurs", MONEY, activity.grants_amount),
    ]
    return rows


def review_title(structures) -> str:
    if len(structures) > 1:
        return f"Bilan de {structures[0].organisation.name} ({len(structures)} ACI)"
    return f"Bilan de {structures[0].name}"


def sections(rows: list[Row]) -> list[tuple[str, list[Row]]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.section, []).append(row)
    return list(grouped.items())
