from django.db import models


class SupportKind(models.TextChoices):
    WORKSHOP = "workshop", "Atelier"
    WORKSITE = "worksite", "Chantier"


class ActivitySector(models.TextChoices):
    GREEN_SPACES = "green_spaces", "Espaces verts et naturels"
    BUILDING = "building", "Bâtiment, second œuvre"
    MARKET_GARDENING = "market_gardening", "Maraîchage"
    CATERING = "catering", "Restauration collective"
    CAR_MECHANICS = "car_mechanics", "Mécanique automobile"
    RECYCLING = "recycling", "Recyclage, réemploi"
    CLEANING = "cleaning", "Propreté, nettoyage"
    PERSONAL_SERVICES = "personal_services", "Services à la personne"
    DIGITAL = "digital", "Numérique, web"
    OTHER = "other", "Autre"
