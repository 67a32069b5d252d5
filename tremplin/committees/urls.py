from django.urls import path

from . import views

app_name = "committees"
urlpatterns = [
    path("comites/", views.committee_list, name="list"),
    path("comites/nouveau/", views.committee_create, name="create"),
    path("comites/prevoir/", views.committee_plan, name="plan"),
    path("comites/<int:pk>/", views.committee_detail, name="detail"),
    path("comites/<int:pk>/modifier/", views.committee_update, name="update"),
    path("comites/<int:pk>/dossier.pdf", views.committee_file, name="file"),
    path("comites/<int:pk>/decisions/", views.decision_add, name="decision_add"),
    path("comites/decisions/<int:pk>/supprimer/", views.decision_delete, name="decision_delete"),
]
