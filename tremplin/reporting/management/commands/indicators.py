"""manage.py indicators --structure SIRET | --organisation SIREN --from YYYY-MM-DD --to YYYY-MM-DD:
the indicators of the period as JSON (domain.md section 12)."""

import json
from datetime import date, datetime
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from tremplin.organisations.models import Organisation, Structure
from tremplin.reference.tables import MissingReference
from tremplin.reporting.indicators import compute_indicators

ONE_TARGET = "Indiquez soit --structure SIRET, soit --organisation SIREN (l'un des deux, pas les deux)."
MISSING_DATE = "Indiquez la période avec --from et --to (dates au format AAAA-MM-JJ)."
BAD_DATE = "Date invalide pour {option} : « {value} » (format attendu AAAA-MM-JJ, par exemple 2025-01-31)."
UNKNOWN_STRUCTURE = "Aucun ACI n'a le SIRET « {siret} »."
UNKNOWN_ORGANISATION = "Aucune structure porteuse n'a le SIREN « {siren} »."
NO_STRUCTURE = "La structure porteuse « {name} » (SIREN {siren}) n'a aucun ACI."


def as_json(value):
    if isinstance(value, Decimal):
        # The same text on both databases (PostgreSQL keeps "7.00", SQLite gives "7"): no
        # trailing zeros, never an exponent.
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "") else text
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} n'est pas sérialisable en JSON")


class Command(BaseCommand):
    help = "Affiche en JSON les indicateurs d'un ACI ou d'une structure porteuse sur une période."

    def add_arguments(self, parser):
        parser.add_argument("--structure", metavar="SIRET", help="SIRET de l'ACI")
        parser.add_argument("--organisation", metavar="SIREN", help="SIREN de la structure porteuse (tous ses ACI)")
        parser.add_argument("--from", dest="start", metavar="AAAA-MM-JJ", help="premier jour de la période")
        parser.add_argument("--to", dest="end", metavar="AAAA-MM-JJ", help="dernier jour de la période")

    def handle(self, *args, structure=None, organisation=None, start=None, end=None, **options):
        if bool(structure) == bool(organisation):
            raise CommandError(ONE_TARGET)
        if not start or not end:
            raise CommandError(MISSING_DATE)
        first, last = self._date("--from", start), self._date("--to", end)
        structures = self._structures(structure, organisation)
        try:
            indicators = compute_indicators(structures, first, last)
        except (ValueError, MissingReference) as error:
            raise CommandError(str(error)) from error
        output = {
            "start": first,
            "end": last,
            "structures": [s.siret for s in structures],
            "indicators": indicators,
        }
        self.stdout.write(json.dumps(output, default=as_json, ensure_ascii=False, indent=2))

    @staticmethod
    def _date(option: str, value: str) -> date:
        try:
            return datetime.strptime(value, "%Y-%m-%d").date()
        except ValueError:
            raise CommandError(BAD_DATE.format(option=option, value=value)) from None

    @staticmethod
    def _structures(siret: str | None, siren: str | None) -> list[Structure]:
        if siret:
            found = Structure.objects.filter(siret=siret.replace(" ", "")).first()
            if found is None:
                raise CommandError(UNKNOWN_STRUCTURE.format(siret=siret))
            return [found]
        organisation = Organisation.objects.filter(siren=siren.replace(" ", "")).first()
        if organisation is None:
            raise CommandError(UNKNOWN_ORGANISATION.format(siren=siren))
        structures = list(organisation.structures.order_by("siret"))
        if not structures:
            raise CommandError(NO_STRUCTURE.format(name=organisation.name, siren=organisation.siren))
        return structures
