from django.db import models


class EntryKind(models.TextChoices):
    """What the hours of a timesheet line are: hours worked, or an absence by type. An absence
    carries the hours the person would have worked (the planned hours), so that the monthly
    statement gives absences in hours."""

    WORKED = "worked", "Heures travaillées"
    PAID_LEAVE = "paid_leave", "Congés payés"
    PUBLIC_HOLIDAY = "public_holiday", "Jour férié"
    TRAINING = "training", "Formation"
    PMSMP = "pmsmp", "PMSMP (immersion en entreprise)"
    SICK_LEAVE = "sick_leave", "Arrêt maladie"
    WORK_ACCIDENT = "work_accident", "Accident du travail"
    AUTHORISED_ABSENCE = "authorised_absence", "Absence autorisée non rémunérée"
    UNJUSTIFIED_ABSENCE = "unjustified_absence", "Absence injustifiée"
    SUSPENSION = "suspension", "Suspension du contrat"


# Paid hours (domain.md section 12, `hours_paid`): worked, paid leave, public holiday, training,
# PMSMP inside the contract. Not paid: sick leave, work accident, unjustified or unpaid absence,
# suspension.
PAID_KINDS = frozenset(
    {EntryKind.WORKED, EntryKind.PAID_LEAVE, EntryKind.PUBLIC_HOLIDAY, EntryKind.TRAINING, EntryKind.PMSMP}
)
UNPAID_KINDS = frozenset(set(EntryKind) - PAID_KINDS)
# Every kind but "worked", in the order of the columns of the statements.
ABSENCE_KINDS = tuple(kind for kind in EntryKind if kind != EntryKind.WORKED)


class Weekday(models.IntegerChoices):
    MONDAY = 0, "lundi"
    TUESDAY = 1, "mardi"
    WEDNESDAY = 2, "mercredi"
    THURSDAY = 3, "jeudi"
    FRIDAY = 4, "vendredi"
    SATURDAY = 5, "samedi"
    SUNDAY = 6, "dimanche"
