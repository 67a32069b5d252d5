from datetime import date
from decimal import Decimal

from .models import SmicRate

NO_SMIC = "Aucun SMIC horaire n'est connu au {day} : ajoutez la valeur en vigueur dans les données de référence."


def smic_on(day: date) -> Decimal | None:
    """The hourly SMIC in force on `day`, or None when the table has no row that early."""
    rate = SmicRate.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    return rate.hourly_amount if rate else None
