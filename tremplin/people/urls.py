from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("personnes/", views.person_list, name="list"),
    path("personnes/nouvelle/", views.person_create, name="create"),
    path("personnes/<int:pk>/", views.person_detail, name="detail"),
    path("personnes/<int:pk>/modifier/", views.person_update, name="update"),
    path("personnes/<int:pk>/pieces/", views.document_upload, name="document_upload"),
    path("pieces/<int:pk>/", views.document_download, name="document_download"),
]
