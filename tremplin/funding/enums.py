from django.db import models


class GrantFunder(models.TextChoices):
    """Funders other than the State's aide au poste (domain.md section 10)."""

    DEPARTEMENT = "departement", "Département"
    REGION = "region", "Région"
    COMMUNE = "commune", "Commune ou intercommunalité"
    LANDLORD = "landlord", "Bailleur social"
    FOUNDATION = "foundation", "Fondation"
    PLIE = "plie", "PLIE"
    FSE = "fse", "FSE+"
    FDI = "fdi", "FDI (fonds de développement de l'inclusion)"
    OTHER = "other", "Autre financeur"
