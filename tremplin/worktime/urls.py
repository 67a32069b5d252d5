from django.urls import path

from . import views

app_name = "worktime"
urlpatterns = [
    path("heures/", views.week, name="week"),
    path("heures/confirmer/", views.confirm, name="confirm"),
    path("heures/saisir/", views.record, name="record"),
    path("heures/planning/", views.planning, name="planning"),
    path("heures/mois/", views.current_month, name="current_month"),
    path("heures/mois/<str:month>/", views.month, name="month"),
    path("heures/mois/<str:month>/valider/", views.month_validate, name="month_validate"),
    path("heures/mois/<str:month>/releve.csv", views.statement_csv, name="statement_csv"),
    path("heures/mois/<str:month>/releve.xlsx", views.statement_xlsx, name="statement_xlsx"),
    path("heures/mois/<str:month>/paie.csv", views.payroll_csv, name="payroll_csv"),
    path("supports/<int:pk>/", views.support_detail, name="support_detail"),
    path("supports/<int:pk>/synthese.pdf", views.support_summary_pdf, name="support_summary_pdf"),
]
