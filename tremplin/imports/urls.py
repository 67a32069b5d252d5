from django.urls import path

from . import views

app_name = "imports"

urlpatterns = [
    path("imports/", views.import_list, name="list"),
    path("imports/nouveau/", views.import_create, name="create"),
    path("imports/modele-personnes.csv", views.people_template, name="people_template"),
    path("imports/<int:pk>/", views.import_detail, name="detail"),
    path("imports/<int:pk>/importer/", views.import_apply, name="apply"),
    path("imports/<int:pk>/fichier/", views.import_download, name="download"),
]
