from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "tremplin.eligibility"
    label = "eligibility"
