from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "tremplin.portability"
    label = "portability"
    verbose_name = "Exports et portabilité des données"
