from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "tremplin.reviews"
    label = "reviews"
    verbose_name = "Bilans du parcours"
