from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("financements/", views.funding_home, name="home"),
    path("financements/conventions/nouvelle/", views.convention_create, name="convention_create"),
    path("financements/conventions/<int:pk>/annexe/", views.annex_create, name="annex_create"),
    path("financements/annexes/<int:pk>/", views.annex_detail, name="annex_detail"),
    path("financements/annexes/<int:pk>/avenant/", views.annex_amend, name="annex_amend"),
    path("financements/subventions/nouvelle/", views.grant_create, name="grant_create"),
    path("financements/subventions/<int:pk>/supprimer/", views.grant_delete, name="grant_delete"),
]
