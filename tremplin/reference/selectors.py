from collections import defaultdict
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .models import AidePosteRate, AnnualReferenceHours, RsaAmount, SmicRate

NO_SMIC = "Aucun SMIC horaire n'est connu au {day} : ajoutez la valeur en vigueur dans les données de référence."


def smic_on(day: date) -> Decimal | None:
    """The hourly SMIC in force on `day`, or None when the table has no row that early."""
    rate = SmicRate.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    return rate.hourly_amount if rate else None


def annual_reference_hours_on(day: date) -> Decimal | None:
    """The annual hours of a full-time post in force on `day`, or None when the table has no row that early."""
    row = AnnualReferenceHours.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    return row.hours if row else None


def annual_reference_hours_table() -> list[tuple[date, Decimal]]:
    """Every row, oldest first: (valid_from, hours). For computations over many days (one query)."""
    return list(AnnualReferenceHours.objects.order_by("valid_from").values_list("valid_from", "hours"))


def aide_poste_socle_tables() -> dict[str, list[tuple[date, Decimal]]]:
    """Territory -> every row of the aide au poste socle, oldest first (one query)."""
    tables: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    rows = AidePosteRate.objects.order_by("valid_from").values_list("territory", "valid_from", "socle")
    for territory, valid_from, socle in rows:
        tables[territory].append((valid_from, socle))
    return dict(tables)


def rsa_cofinancing_table() -> list[tuple[date, Fraction]]:
    """(valid from, the monthly amount the Département co-finances: its share x the RSA for a
    single person), oldest first (one query)."""
    rows = RsaAmount.objects.order_by("valid_from").values_list(
        "valid_from", "single_person_amount", "cofinancing_percent"
    )
    return [(valid_from, Fraction(amount) * Fraction(percent) / 100) for valid_from, amount, percent in rows]
