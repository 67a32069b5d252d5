from django.urls import path

from . import views

app_name = "skills"
urlpatterns = [
    path("competences/", views.evaluation_list, name="list"),
    path("competences/grilles/", views.grid_list, name="grid_list"),
    path("competences/grilles/nouvelle/", views.grid_create, name="grid_create"),
    path("competences/grilles/<int:pk>/modifier/", views.grid_update, name="grid_update"),
    path("competences/evaluations/<int:pk>/", views.evaluation_detail, name="evaluation_detail"),
    path("competences/evaluations/<int:pk>/modifier/", views.evaluation_update, name="evaluation_update"),
    path("personnes/<int:pk>/competences/evaluer/", views.evaluation_create, name="evaluation_create"),
    path("personnes/<int:pk>/attestation-competences.pdf", views.certificate_pdf, name="certificate"),
]
