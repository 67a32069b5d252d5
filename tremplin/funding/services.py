"""Writes on conventions, financial annexes, amendments and grants, with the rules of
domain.md section 10."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from tremplin.accounts.models import User
from tremplin.kernel.errors import raise_if
from tremplin.kernel.formats import fr
from tremplin.organisations.models import Structure

from . import rules
from .models import AnnexAmendment, Convention, FinancialAnnex, Grant
from .validators import ANNEX_NUMBER, annex_department


@transaction.atomic
def convention_create(
    *, actor: User, structure: Structure, reference: str, start: date, end: date, signed_on: date | None = None
) -> Convention:
    raise_if("end", rules.check_convention_dates(start, end))
    convention = Convention(
        structure=structure, reference=reference.strip(), start=start, end=end, signed_on=signed_on, created_by=actor
    )
    convention.full_clean()
    convention.save()
    return convention


def _check_annex(*, convention: Convention, number: str, start: date, end: date, exclude_pk: int | None) -> None:
    if end < start:
        raise_if("end", rules.ANNEX_END_BEFORE_START.format(start=fr(start), end=fr(end)))
    if ANNEX_NUMBER.match(number):
        department = annex_department(number)
        if department != convention.structure.department:
            raise_if(
                "number",
                rules.ANNEX_WRONG_DEPARTMENT.format(
                    number=number, annex_department=department, department=convention.structure.department
                ),
            )
    if start < convention.start or end > convention.end:
        raise_if("start", rules.ANNEX_OUTSIDE_CONVENTION.format(start=fr(convention.start), end=fr(convention.end)))
    overlapping = (
        FinancialAnnex.objects.select_for_update()
        .filter(structure_id=convention.structure_id, start__lte=end, end__gte=start)
        .exclude(pk=exclude_pk)
        .first()
    )
    if overlapping:
        raise_if(
            "start",
            rules.ANNEX_OVERLAP.format(number=overlapping.number, start=fr(overlapping.start), end=fr(overlapping.end)),
        )


@transaction.atomic
def annex_create(
    *,
    actor: User,
    convention: Convention,
    number: str,
    start: date,
    end: date,
    etp_conventioned: Decimal,
    dynamic_exit_target: Decimal,
    modulated_part: Decimal = Decimal(0),
    amount: Decimal | None = None,
) -> FinancialAnnex:
    number = number.strip().upper()
    annex = FinancialAnnex(
        convention=convention,
        structure_id=convention.structure_id,
        number=number,
        start=start,
        end=end,
        etp_conventioned=etp_conventioned,
        modulated_part=modulated_part,
        dynamic_exit_target=dynamic_exit_target,
        amount=amount,
        created_by=actor,
    )
    annex.full_clean()
    _check_annex(convention=convention, number=number, start=start, end=end, exclude_pk=None)
    annex.save()
    return annex


@transaction.atomic
def annex_amend(
    *,
    actor: User,
    annex: FinancialAnnex,
    effective_from: date,
    reason: str,
    etp_conventioned: Decimal | None = None,
    modulated_part: Decimal | None = None,
    amount: Decimal | None = None,
    signed_on: date | None = None,
) -> AnnexAmendment:
    """An amendment: new figures from `effective_from` (the annex keeps its own for the days before)."""
    if not annex.start <= effective_from <= annex.end:
        raise_if(
            "effective_from",
            rules.AMENDMENT_OUTSIDE_ANNEX.format(start=fr(annex.start), end=fr(annex.end), day=fr(effective_from)),
        )
    if etp_conventioned is None and modulated_part is None and amount is None:
        raise_if(None, rules.AMENDMENT_EMPTY)
    amendment = AnnexAmendment(
        annex=annex,
        effective_from=effective_from,
        signed_on=signed_on,
        etp_conventioned=etp_conventioned,
        modulated_part=modulated_part,
        amount=amount,
        reason=reason.strip(),
        created_by=actor,
    )
    amendment.full_clean()
    amendment.save()
    return amendment


@transaction.atomic
def grant_create(
    *,
    actor: User,
    structure: Structure,
    funder: str,
    funder_name: str,
    amount: Decimal,
    start: date,
    end: date,
    purpose: str,
) -> Grant:
    if end < start:
        raise_if("end", rules.GRANT_END_BEFORE_START.format(start=fr(start), end=fr(end)))
    grant = Grant(
        structure=structure,
        funder=funder,
        funder_name=funder_name.strip(),
        amount=amount,
        start=start,
        end=end,
        purpose=purpose.strip(),
        created_by=actor,
    )
    grant.full_clean()
    grant.save()
    return grant


@transaction.atomic
def grant_delete(*, actor: User, grant: Grant) -> None:
    grant.delete()
