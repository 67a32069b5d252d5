from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "tremplin.reference"
    label = "reference"
