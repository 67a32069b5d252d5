from django.db import models


class ImportKind(models.TextChoices):
    PEOPLE_REFERRALS = "people_referrals", "Personnes et orientations (modèle Tremplin)"
    LES_EMPLOIS = "les_emplois", "Candidatures exportées de les emplois de l'inclusion"
    TIMESHEETS = "timesheets", "Heures (paie ou badgeuse)"


class ImportStatus(models.TextChoices):
    ANALYSING = "analysing", "Analyse en cours"
    PREVIEWED = "previewed", "Aperçu prêt"
    QUEUED = "queued", "En attente d'import"
    RUNNING = "running", "Import en cours"
    APPLIED = "applied", "Importé"
    FAILED = "failed", "Échec"


class ImportMode(models.TextChoices):
    ALL_OR_NOTHING = "all_or_nothing", "Tout ou rien"
    VALID_ROWS_ONLY = "valid_rows_only", "Seulement les lignes valides"


class RowStatus(models.TextChoices):
    CREATED = "created", "Création"
    UPDATED = "updated", "Mise à jour"
    UNCHANGED = "unchanged", "Inchangée"
    ERROR = "error", "Erreur"


# While one of these, a task or a request is working on the batch: the page polls it.
BUSY_STATUSES = frozenset({ImportStatus.ANALYSING, ImportStatus.QUEUED, ImportStatus.RUNNING})
