from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("indicateurs/", views.dashboard, name="dashboard"),
    path("indicateurs/bilan.xlsx", views.review_download_xlsx, name="review_xlsx"),
    path("indicateurs/bilan.csv", views.review_download_csv, name="review_csv"),
    path("indicateurs/bilan.pdf", views.review_download_pdf, name="review_pdf"),
    path("indicateurs/bilans/", views.report_create, name="report_create"),
    path("indicateurs/bilans/<int:pk>/", views.report_detail, name="report_detail"),
    path("indicateurs/bilans/<int:pk>/fichier/", views.report_download, name="report_download"),
    path("indicateurs/dialogue-de-gestion/", views.dialogue, name="dialogue"),
    path("indicateurs/dialogue-de-gestion.xlsx", views.dialogue_xlsx, name="dialogue_xlsx"),
    path("indicateurs/dialogue-de-gestion.pdf", views.dialogue_pdf, name="dialogue_pdf"),
    path("indicateurs/rsa/", views.rsa_list, name="rsa_list"),
    path("indicateurs/rsa.xlsx", views.rsa_list_xlsx, name="rsa_xlsx"),
]
