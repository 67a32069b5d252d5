from django.urls import path

from . import views

app_name = "eligibility"
urlpatterns = [
    path("personnes/<int:pk>/diagnostic/", views.diagnosis_create, name="diagnosis_create"),
    path("diagnostics/<int:pk>/justificatifs/", views.diagnosis_proofs, name="diagnosis_proofs"),
    path("personnes/<int:pk>/pass-iae/", views.approval_create, name="approval_create"),
    path("pass-iae/<int:pk>/prolongation/", views.approval_prolong, name="approval_prolong"),
    path("pass-iae/<int:pk>/suspension/", views.approval_suspend, name="approval_suspend"),
    path("justificatifs/<int:pk>/", views.proof_download, name="proof_download"),
]
