from django.db import models


class CriterionGroup(models.TextChoices):
    SOFT = "soft", "Savoir-être"
    TRADE = "trade", "Savoir-faire"


class Level(models.IntegerChoices):
    """The level reached on a criterion; no rating (null) means "non évalué"."""

    NOT_ACQUIRED = 1, "Non acquis"
    IN_PROGRESS = 2, "En cours d'acquisition"
    ACQUIRED = 3, "Acquis"
    MASTERED = 4, "Maîtrisé"


# The levels that the skills certificate shows to a future employer.
CERTIFIED_LEVELS = frozenset({Level.ACQUIRED, Level.MASTERED})
