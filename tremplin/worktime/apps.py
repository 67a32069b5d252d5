from django.apps import AppConfig


class WorktimeConfig(AppConfig):
    name = "tremplin.worktime"
    label = "worktime"
    verbose_name = "Temps de travail"
