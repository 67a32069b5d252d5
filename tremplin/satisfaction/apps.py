from django.apps import AppConfig


class SatisfactionConfig(AppConfig):
    name = "tremplin.satisfaction"
    label = "satisfaction"
    verbose_name = "Satisfaction et témoignages"
