from django.db import models


class MeasureKind(models.TextChoices):
    TIG = "tig", "TIG (travail d'intérêt général)"
    TIG_PEDAGOGICAL = "tig_pedagogical", "TIG pédagogique"
    OUTSIDE_PLACEMENT = "outside_placement", "Placement extérieur"
    OTHER_ADJUSTMENT = "other_adjustment", "Autre aménagement de peine"


# Measures counted in hours (ordered by the court, done at the ACI); the others have a period.
HOURS_KINDS = frozenset({MeasureKind.TIG, MeasureKind.TIG_PEDAGOGICAL})


class Offence(models.TextChoices):
    DELIT = "delit", "Délit"
    CONTRAVENTION = "contravention", "Contravention"


class MeasureStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "En cours"
    COMPLETED = "completed", "Exécutée"
    INTERRUPTED = "interrupted", "Interrompue"


class Activity(models.TextChoices):
    TIG_WORK = "tig_work", "Travail d'intérêt général sur le chantier"
    SOA_SESSION = "soa_session", "Session d'orientation approfondie (SOA)"
    TIG_WORKSHOP = "tig_workshop", "Atelier de TIG pédagogique"


class SessionKind(models.TextChoices):
    SOA = "soa", "Session d'orientation approfondie (SOA)"
    TIG_WORKSHOP = "tig_workshop", "Atelier de TIG pédagogique"


# The activity of the hours a present person gets from a session of each kind.
SESSION_ACTIVITY = {SessionKind.SOA: Activity.SOA_SESSION, SessionKind.TIG_WORKSHOP: Activity.TIG_WORKSHOP}


class Presence(models.TextChoices):
    PRESENT = "present", "Présent·e"
    EXCUSED = "excused", "Absent·e excusé·e"
    ABSENT = "absent", "Absent·e"
