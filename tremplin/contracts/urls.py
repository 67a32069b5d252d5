from django.urls import path

from . import views

app_name = "contracts"
urlpatterns = [
    path("personnes/<int:pk>/embauche/", views.hire, name="hire"),
    path("personnes/<int:pk>/derogations/nouvelle/", views.derogation_create, name="derogation_create"),
    path("contrats/<int:pk>/renouveler/", views.renew, name="renew"),
    path("contrats/<int:pk>/duree/", views.change_hours, name="change_hours"),
    path("contrats/<int:pk>/poste/", views.change_job, name="change_job"),
    path("contrats/<int:pk>/suspension/", views.suspend, name="suspend"),
    path("contrats/<int:pk>/fin-anticipee/", views.end_early, name="end_early"),
    path("contrats/<int:pk>/sortie/", views.record_exit, name="exit"),
    path("suivis/<int:pk>/", views.follow_up, name="follow_up"),
]
