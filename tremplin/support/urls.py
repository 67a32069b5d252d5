from django.urls import path

from . import views

app_name = "support"
urlpatterns = [
    path("personnes/<int:pk>/accompagnement/", views.person_support, name="person"),
    path("personnes/<int:pk>/accompagnement/diagnostic/", views.diagnosis_create, name="diagnosis_create"),
    path("personnes/<int:pk>/accompagnement/objectif/", views.objective_create, name="objective_create"),
    path("personnes/<int:pk>/accompagnement/entretien/", views.appointment_create, name="appointment_create"),
    path("personnes/<int:pk>/accompagnement/orientation/", views.partner_referral_create, name="referral_create"),
    path("entretiens/<int:pk>/correction/", views.appointment_edit, name="appointment_edit"),
    path("objectifs/<int:pk>/cloture/", views.objective_close, name="objective_close"),
    path("orientations-partenaires/<int:pk>/suite/", views.partner_referral_outcome, name="referral_outcome"),
    path("annuaire-partenaires/", views.partner_list, name="partner_list"),
    path("annuaire-partenaires/<int:pk>/modifier/", views.partner_edit, name="partner_edit"),
]
