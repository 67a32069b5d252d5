from django.apps import AppConfig


class ImmersionsConfig(AppConfig):
    name = "tremplin.immersions"
    label = "immersions"
    verbose_name = "Immersions (PMSMP)"
