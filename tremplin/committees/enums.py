from django.db import models


class CommitteeKind(models.TextChoices):
    """A comité de suivi looks at each beneficiary by name; a comité de pilotage steers the action
    with the funders and sees the beneficiaries anonymised."""

    FOLLOW_UP = "follow_up", "Comité de suivi"
    STEERING = "steering", "Comité de pilotage"


class CommitteeMoment(models.TextChoices):
    """When in the convention (or the action) the committee meets: start, middle and end of the
    prestation (seed 002), or another time."""

    START = "start", "Début"
    MIDDLE = "middle", "Mi-parcours"
    END = "end", "Fin"
    OTHER = "other", "Autre"
