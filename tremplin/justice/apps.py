from django.apps import AppConfig


class JusticeConfig(AppConfig):
    name = "tremplin.justice"
    label = "justice"
    verbose_name = "Mesures de justice"
