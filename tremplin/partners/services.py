from django.db import transaction

from tremplin.organisations.models import Organisation

from .models import Partner


@transaction.atomic
def partner_create(*, organisation: Organisation, name: str, kind: str, **fields) -> Partner:
    partner = Partner(organisation=organisation, name=name, kind=kind, **fields)
    partner.full_clean()
    partner.save()
    return partner
