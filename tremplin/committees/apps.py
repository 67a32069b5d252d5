from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "tremplin.committees"
    label = "committees"
    verbose_name = "Comités de suivi et de pilotage"
