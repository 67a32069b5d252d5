from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("aci/<int:pk>/", views.structure_detail, name="structure_detail"),
    path("aci/<int:pk>/modifier/", views.structure_update, name="structure_update"),
    path("supports/", views.support_list, name="support_list"),
    path("supports/nouveau/", views.support_create, name="support_create"),
    path("supports/<int:pk>/modifier/", views.support_update, name="support_update"),
]
