"""The indicators of a period (reporting/indicators.py, domain.md section 12), with the names of
the reporting issue. Read by the roles of the dashboard (direction, HR, funder: aggregates, no
name); the perimeter is the ACI of the context, or the whole structure porteuse for its director
(reporting/selectors.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from tremplin.kernel.errors import raise_if
from tremplin.reference.tables import MissingReference
from tremplin.reporting import rules as reporting_rules
from tremplin.reporting import selectors
from tremplin.reporting.access import READ_ROLES
from tremplin.reporting.indicators import compute_indicators

from .common import answers, deny_unless

router = Router(tags=["Indicateurs"])


class IndicatorQuery(Schema):
    start: date | None = Field(None, description="Premier jour de la période (par défaut le 1er janvier).")
    end: date | None = Field(None, description="Dernier jour de la période (par défaut aujourd'hui).")
    perimeter: Literal["aci", "organisation"] = Field(
        "aci", description="organisation : tous les ACI de la structure porteuse (sa direction seulement)."
    )


class IndicatorsOut(Schema):
    start: date
    end: date
    structure_ids: list[int]
    headcount: int
    new_hires: int
    people_by_sex: dict[str, int]
    people_by_age_band: dict[str, int]
    criteria_counts: dict[str, int]
    etp_conventioned: Decimal
    etp_realised: Decimal
    hours_paid: Decimal
    exits_total: int
    exits_counted: int
    exits_by_category: dict[str, int]
    dynamic_exit_rate: Decimal | None = Field(description="En pourcentage (60 signifie 60 %).")
    dynamic_exit_target: Decimal | None = Field(description="En pourcentage.")
    average_pathway_months: Decimal | None
    rsa_cofinanced_months: Decimal
    rsa_cofinancing_amount: Decimal
    aide_au_poste_earned: Decimal


@router.get("/indicators", response=answers(200, IndicatorsOut), url_name="indicators")
def indicators(request, query: Query[IndicatorQuery]):
    """Les indicateurs de la période (direction, administratif/RH, financeur)."""
    scope = request.auth
    deny_unless(scope.role in READ_ROLES)
    today = timezone.localdate()
    start, end = query.start or date(today.year, 1, 1), query.end or today
    raise_if("end", reporting_rules.check_period(start, end))
    raise_if("end", reporting_rules.check_period_length(start, end))
    structures = selectors.structures_of(scope, query.perimeter)
    try:
        figures = compute_indicators(structures, start, end)
    except MissingReference as error:
        raise ValidationError(str(error)) from error
    return {"start": start, "end": end, "structure_ids": [s.pk for s in structures], **figures}
