from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "tremplin.contracts"
    label = "contracts"
