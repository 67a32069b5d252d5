from django.db import models


class Territory(models.TextChoices):
    """The aide au poste socle differs for Mayotte (domain.md section 10)."""

    MAINLAND = "mainland", "Métropole et outre-mer (hors Mayotte)"
    MAYOTTE = "mayotte", "Mayotte"
