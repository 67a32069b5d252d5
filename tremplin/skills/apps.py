from django.apps import AppConfig


class SkillsConfig(AppConfig):
    name = "tremplin.skills"
    label = "skills"
    verbose_name = "Évaluations des compétences"
