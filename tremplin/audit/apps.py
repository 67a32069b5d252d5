from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tremplin.audit"
    label = "audit"
    verbose_name = "Journal d'audit"

    def ready(self):
        from .registry import register_audited_models

        register_audited_models()
