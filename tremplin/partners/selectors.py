from django.db.models import QuerySet

from .models import Partner


def active_partners(organisation_id: int) -> QuerySet[Partner]:
    """The directory of a structure porteuse (for the choice of a prescriber)."""
    return Partner.objects.filter(organisation_id=organisation_id, is_active=True).order_by("name")
