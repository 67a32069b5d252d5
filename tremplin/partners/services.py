from django.db import transaction

from tremplin.kernel.errors import check_known_fields
from tremplin.organisations.models import Organisation

from .models import Partner


@transaction.atomic
def partner_create(*, organisation: Organisation, name: str, kind: str, **fields) -> Partner:
    partner = Partner(organisation=organisation, name=name, kind=kind, **fields)
    partner.full_clean()
    partner.save()
    return partner


PARTNER_FIELDS = ("name", "kind", "siret", "email", "phone", "is_active")


@transaction.atomic
def partner_update(*, partner: Partner, **fields) -> Partner:
    """Correct a partner of the directory, or set it inactive (it then leaves the choices of new
    referrals and diagnoses; the records that name it keep it)."""
    check_known_fields(fields, PARTNER_FIELDS)
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    for name, value in fields.items():
        setattr(partner, name, value)
    partner.full_clean()
    partner.save()
    return partner
