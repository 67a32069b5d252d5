from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "tremplin.imports"
    label = "imports"
    verbose_name = "Imports de fichiers"
