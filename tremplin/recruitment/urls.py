from django.urls import path

from . import views

app_name = "recruitment"
urlpatterns = [
    path("orientations/", views.referral_list, name="list"),
    path("orientations/nouvelle/", views.referral_create, name="create"),
    path("orientations/<int:pk>/", views.referral_detail, name="detail"),
    path("orientations/<int:pk>/modifier/", views.referral_edit, name="edit"),
    path("orientations/<int:pk>/etape/", views.referral_transition, name="transition"),
    path("orientations/<int:pk>/pieces/", views.attachment_upload, name="attachment_upload"),
    path("pieces-orientation/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("informations-collectives/", views.session_list, name="session_list"),
    path("informations-collectives/<int:pk>/", views.session_detail, name="session_detail"),
    path("mes-orientations/", views.prescriber_referrals, name="prescriber_list"),
    path("mes-orientations/nouvelle/", views.prescriber_referral_create, name="prescriber_create"),
]
