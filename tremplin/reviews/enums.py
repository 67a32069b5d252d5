from django.db import models


class ReviewKind(models.TextChoices):
    ENTRY = "entry", "Bilan d'entrée"
    INTERMEDIATE = "intermediate", "Bilan intermédiaire"
    EXIT = "exit", "Bilan de sortie"
