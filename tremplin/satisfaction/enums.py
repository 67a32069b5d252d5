from django.db import models


class Question(models.TextChoices):
    """The fixed questions of the satisfaction questionnaire (seed 002: "recueillir l'avis et les
    impressions des salariés"). The values are stored in the answers: never rename one."""

    WELCOME = "welcome", "L'accueil à votre arrivée"
    SUPERVISION = "supervision", "L'encadrement technique sur le chantier ou l'atelier"
    SUPPORT = "support", "L'accompagnement par votre conseiller·ère (CIP)"
    TRAINING = "training", "Les formations proposées"
    TEAM_SPIRIT = "team_spirit", "L'ambiance dans l'équipe"
    CONDITIONS = "conditions", "Les conditions de travail (horaires, matériel, sécurité)"
    PROJECT = "project", "L'utilité du parcours pour votre projet professionnel"


class Level(models.IntegerChoices):
    """The 4-level scale, without a middle: the person leans one way or the other."""

    VERY_UNSATISFIED = 1, "Pas du tout satisfait·e"
    UNSATISFIED = 2, "Plutôt pas satisfait·e"
    SATISFIED = 3, "Plutôt satisfait·e"
    VERY_SATISFIED = 4, "Très satisfait·e"


LEVEL_ICONS = {1: "emoji-angry", 2: "emoji-frown", 3: "emoji-smile", 4: "emoji-laughing"}
