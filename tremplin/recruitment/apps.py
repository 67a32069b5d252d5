from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "tremplin.recruitment"
    label = "recruitment"
