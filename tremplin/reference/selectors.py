from datetime import date
from decimal import Decimal

from .models import AnnualReferenceHours, SmicRate

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
