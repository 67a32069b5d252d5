from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("contexte/", views.switch_context, name="switch_context"),
]
