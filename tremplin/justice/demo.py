"""Demo data of the justice app (idempotent), called by core.demo.seed_demo: one TIG of 140 h
(délit) for a hired person of Val Vert, supervised by the SPIP de l'Hérault, about 80 h done on
the chantier and in a SOA session. No referral is added: the demo prescriber acts for France
Travail, so the SPIP's read-only view is shown by the tests only."""

from datetime import timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from tremplin.contracts.models import Contract

from . import services
from .enums import Activity, MeasureKind, Offence, Presence, SessionKind
from .models import JusticeMeasure, OrientationAttendance, OrientationSession

SPIP = "SPIP de l'Hérault"
PREFERRED = ("Mehdi", "Cherif")
SESSION_TITLE = "SOA « mobilisation vers l'emploi »"
WORK_DAYS = 11  # Saturdays on the chantier, 7 h each


def seed(*, structures, users, partners, today) -> None:
    structure = structures["val-vert"]
    counsellor = users["cip@demo.tremplin.fr"]
    contracts = Contract.objects.filter(structure=structure, start__lte=today, ended_on__isnull=True, end__gte=today)
    contract = (
        contracts.filter(person__first_name=PREFERRED[0], person__last_name=PREFERRED[1]).first()
        or contracts.order_by("pk").first()
    )
    if contract is None or SPIP not in partners:
        return
    person = contract.person
    measure = JusticeMeasure.objects.filter(person=person, kind=MeasureKind.TIG).first()
    if measure is None:
        ordered_on = today - relativedelta(months=7)
        measure = services.measure_create(
            actor=counsellor,
            person=person,
            kind=MeasureKind.TIG,
            offence=Offence.DELIT,
            ordered_on=ordered_on,
            hours_ordered=140,
            spip=partners[SPIP],
            referent_name="Camille Vidal",
            referent_phone="04 67 12 34 56",
            referent_email="camille.vidal@justice.fr",
            notes="TIG effectué le samedi sur le chantier des Berges du Lez, en dehors des heures du CDDI.",
        )
        saturday = ordered_on + timedelta(days=30 + (5 - (ordered_on + timedelta(days=30)).weekday()) % 7)
        for week in range(WORK_DAYS):
            services.attendance_record(
                actor=counsellor,
                measure=measure,
                day=saturday + timedelta(weeks=2 * week),
                hours=Decimal(7),
                activity=Activity.TIG_WORK,
            )
    session = OrientationSession.objects.filter(structure=structure, title=SESSION_TITLE).first()
    if session is None:
        day = today - timedelta(days=14)
        session = services.session_create(
            actor=counsellor,
            structure=structure,
            kind=SessionKind.SOA,
            day=day - timedelta(days=(day.weekday() - 3) % 7),  # a Thursday
            title=SESSION_TITLE,
            place="Salle de formation, 12 chemin des Jardins, Montpellier",
            facilitator="Léa Fournier, CIP",
            hours=Decimal(3),
        )
    if not OrientationAttendance.objects.filter(session=session, measure=measure).exists():
        services.session_record_presence(actor=counsellor, session=session, measure=measure, presence=Presence.PRESENT)
