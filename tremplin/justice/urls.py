from django.urls import path

from . import views

app_name = "justice"
urlpatterns = [
    path("mesures-justice/", views.measure_list, name="list"),
    path("personnes/<int:pk>/mesure-justice/nouvelle/", views.measure_create, name="create"),
    path("mesures-justice/<int:pk>/", views.measure_detail, name="detail"),
    path("mesures-justice/<int:pk>/modifier/", views.measure_update, name="update"),
    path("mesures-justice/<int:pk>/heures/", views.attendance_create, name="attendance_create"),
    path("sessions-orientation/", views.session_list, name="session_list"),
    path("sessions-orientation/<int:pk>/", views.session_detail, name="session_detail"),
]
