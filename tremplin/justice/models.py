"""Justice measures carried out at the ACI (TIG, TIG pédagogique, placement extérieur...), the
hours done on them, and the collective sessions (SOA, TIG pédagogique workshops). Sensitive:
see access.py for who may read them, and decision 0016."""

from django.conf import settings
from django.db import models

from tremplin.organisations.models import Structure
from tremplin.partners.enums import PartnerKind
from tremplin.partners.models import Partner
from tremplin.people.models import Person

from .enums import HOURS_KINDS, SESSION_ACTIVITY, Activity, MeasureKind, MeasureStatus, Offence, Presence, SessionKind

_HOURS = models.Q(kind__in=sorted(HOURS_KINDS))  # sorted: a stable migration


class JusticeMeasure(models.Model):
    """A measure decided by the court or the juge de l'application des peines and carried out at
    the ACI. A TIG counts hours (`hours_ordered`, to be done by `deadline`); a placement
    extérieur or another adjustment has a period (`start`, `end`) and no hours."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="justice_measures")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="justice_measures", verbose_name="personne"
    )
    kind = models.CharField("mesure", max_length=30, choices=MeasureKind)
    offence = models.CharField("infraction", max_length=20, choices=Offence, default=Offence.DELIT)
    ordered_on = models.DateField("prononcée le")
    hours_ordered = models.PositiveSmallIntegerField("heures ordonnées", null=True, blank=True)
    deadline = models.DateField("à exécuter avant le", null=True, blank=True)
    start = models.DateField("début", null=True, blank=True)
    end = models.DateField("fin", null=True, blank=True)
    spip = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="justice_measures",
        verbose_name="SPIP",
        limit_choices_to={"kind": PartnerKind.SPIP},
    )
    referent_name = models.CharField("conseiller·e pénitentiaire référent·e", max_length=200, blank=True)
    referent_phone = models.CharField("téléphone du ou de la référent·e", max_length=20, blank=True)
    referent_email = models.EmailField("e-mail du ou de la référent·e", blank=True)
    status = models.CharField("état", max_length=20, choices=MeasureStatus, default=MeasureStatus.IN_PROGRESS)
    notes = models.TextField("notes", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "mesure de justice"
        verbose_name_plural = "mesures de justice"
        ordering = ["-ordered_on", "-pk"]
        indexes = [models.Index(fields=["structure", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=(_HOURS & models.Q(hours_ordered__isnull=False, deadline__isnull=False, start__isnull=True))
                | (~_HOURS & models.Q(hours_ordered__isnull=True, deadline__isnull=True, start__isnull=False)),
                name="justice_measure_hours_or_period",
                violation_error_message=(
                    "Un TIG a des heures ordonnées et une échéance ; "
                    "un aménagement de peine a une période, sans heures."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(hours_ordered__isnull=True)
                | models.Q(hours_ordered__gte=20, hours_ordered__lte=400, offence=Offence.DELIT)
                | models.Q(hours_ordered__gte=20, hours_ordered__lte=120, offence=Offence.CONTRAVENTION),
                name="justice_measure_hours_within_law",
                violation_error_message="Un TIG est de 20 à 400 heures pour un délit, 20 à 120 pour une contravention.",
            ),
            models.CheckConstraint(
                condition=models.Q(deadline__isnull=True) | models.Q(deadline__gte=models.F("ordered_on")),
                name="justice_measure_deadline_after_order",
                violation_error_message="L'échéance suit la date de la décision.",
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="justice_measure_end_after_start",
                violation_error_message="La fin de la mesure suit son début.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} du {self.ordered_on:%d/%m/%Y}"

    @property
    def counts_hours(self) -> bool:
        return self.kind in HOURS_KINDS

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id, "person_id": self.person_id}


class JusticeAttendance(models.Model):
    """Hours done on a measure on one day (work on the chantier, a SOA session, a workshop)."""

    measure = models.ForeignKey(
        JusticeMeasure, on_delete=models.PROTECT, related_name="attendances", verbose_name="mesure"
    )
    day = models.DateField("jour")
    hours = models.DecimalField("heures", max_digits=4, decimal_places=2)
    activity = models.CharField("activité", max_length=20, choices=Activity)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="saisie par"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "présence sur une mesure de justice"
        verbose_name_plural = "présences sur les mesures de justice"
        ordering = ["-day", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0, hours__lte=10),
                name="justice_attendance_hours_0_to_10",
                violation_error_message="Une journée compte de 0 à 10 heures.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_activity_display()} le {self.day:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.measure.structure_id, "person_id": self.measure.person_id}


class OrientationSession(models.Model):
    """A collective session of the justice programme: SOA or TIG pédagogique workshop. A present
    person's measure gets the session's hours."""

    structure = models.ForeignKey(Structure, on_delete=models.PROTECT, related_name="orientation_sessions")
    kind = models.CharField("type de session", max_length=20, choices=SessionKind, default=SessionKind.SOA)
    day = models.DateField("jour")
    title = models.CharField("intitulé", max_length=200)
    place = models.CharField("lieu", max_length=300)
    facilitator = models.CharField("animée par", max_length=200)
    hours = models.DecimalField("durée (heures)", max_digits=4, decimal_places=2)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "session collective (SOA, TIG pédagogique)"
        verbose_name_plural = "sessions collectives (SOA, TIG pédagogique)"
        ordering = ["-day", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0, hours__lte=10),
                name="orientation_session_hours_0_to_10",
                violation_error_message="Une session dure de 0 à 10 heures.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} du {self.day:%d/%m/%Y}"

    @property
    def activity(self) -> str:
        return SESSION_ACTIVITY[SessionKind(self.kind)]

    def get_additional_data(self) -> dict:
        return {"structure_id": self.structure_id}


class OrientationAttendance(models.Model):
    """Whether a measure's person came to a session. Present: `attendance` holds the hours
    added to the measure."""

    session = models.ForeignKey(
        OrientationSession, on_delete=models.PROTECT, related_name="attendances", verbose_name="session"
    )
    measure = models.ForeignKey(
        JusticeMeasure, on_delete=models.PROTECT, related_name="session_attendances", verbose_name="mesure"
    )
    presence = models.CharField("présence", max_length=20, choices=Presence)
    attendance = models.OneToOneField(
        JusticeAttendance,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="session_attendance",
        verbose_name="heures comptées",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "présence à une session collective"
        verbose_name_plural = "présences aux sessions collectives"
        constraints = [
            models.UniqueConstraint(fields=["session", "measure"], name="orientation_attendance_once"),
            models.CheckConstraint(
                condition=models.Q(presence=Presence.PRESENT, attendance__isnull=False)
                | (~models.Q(presence=Presence.PRESENT) & models.Q(attendance__isnull=True)),
                name="orientation_attendance_hours_iff_present",
                violation_error_message="Seule une présence compte des heures.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_presence_display()} · {self.session}"

    def get_additional_data(self) -> dict:
        return {"structure_id": self.session.structure_id, "person_id": self.measure.person_id}
