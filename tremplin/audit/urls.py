from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("journal/", views.audit_log, name="log"),
    path("journal/lectures-sensibles/", views.sensitive_reads, name="sensitive_reads"),
]
