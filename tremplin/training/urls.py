from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("formations/", views.training_list, name="list"),
    path("personnes/<int:pk>/formations/nouvelle/", views.training_create, name="create"),
    path("formations/<int:pk>/modifier/", views.training_update, name="update"),
    path("formations/programmes/", views.programme_list, name="programme_list"),
    path("formations/programmes/nouveau/", views.programme_create, name="programme_create"),
    path("formations/programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("formations/programmes/<int:pk>/modifier/", views.programme_update, name="programme_update"),
    path("formations/programmes/<int:pk>/phases/nouvelle/", views.phase_add, name="phase_add"),
    path("formations/programmes/<int:pk>/inscrire/", views.enrol, name="enrol"),
    path("formations/phases/<int:pk>/supprimer/", views.phase_delete, name="phase_delete"),
    path("formations/inscriptions/<int:pk>/modifier/", views.enrolment_update, name="enrolment_update"),
]
