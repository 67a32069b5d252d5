from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "tremplin.funding"
    label = "funding"
    verbose_name = "Financements"
