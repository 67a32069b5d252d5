"""Load the reference tables shipped as CSV files in tremplin/reference/data/ (idempotent)."""

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_rows(name: str) -> list[dict]:
    path = DATA / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def load_smic(SmicRate) -> int:
    for row in read_rows("smic.csv"):
        SmicRate.objects.update_or_create(
            valid_from=date.fromisoformat(row["valid_from"]),
            defaults={"hourly_amount": Decimal(row["hourly_amount"]), "source": row["source"]},
        )
    return SmicRate.objects.count()


def load_rome(RomeJob) -> int:
    for row in read_rows("rome.csv"):
        RomeJob.objects.update_or_create(code=row["code"], defaults={"label": row["label"]})
    return RomeJob.objects.count()


def load_annual_hours(AnnualReferenceHours) -> int:
    for row in read_rows("annual_hours.csv"):
        AnnualReferenceHours.objects.update_or_create(
            valid_from=date.fromisoformat(row["valid_from"]),
            defaults={"hours": Decimal(row["hours"]), "source": row["source"]},
        )
    return AnnualReferenceHours.objects.count()


def _amount(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


def load_aide_au_poste(AidePosteRate) -> int:
    for row in read_rows("aide_au_poste.csv"):
        AidePosteRate.objects.update_or_create(
            valid_from=date.fromisoformat(row["valid_from"]),
            territory=row["territory"],
            defaults={
                "socle": Decimal(row["socle"]),
                "support_part": _amount(row["support_part"]),
                "source": row["source"],
            },
        )
    return AidePosteRate.objects.count()


def load_rsa(RsaAmount) -> int:
    # Migration 0006 loads the amounts with a model state that has no share yet (0007 adds it).
    has_share = any(field.name == "cofinancing_percent" for field in RsaAmount._meta.get_fields())
    for row in read_rows("rsa.csv"):
        defaults = {"single_person_amount": Decimal(row["single_person_amount"]), "source": row["source"]}
        if has_share:
            defaults["cofinancing_percent"] = Decimal(row["cofinancing_percent"])
        RsaAmount.objects.update_or_create(valid_from=date.fromisoformat(row["valid_from"]), defaults=defaults)
    return RsaAmount.objects.count()
