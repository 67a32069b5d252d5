from django.urls import path

from . import views

app_name = "portability"
urlpatterns = [
    path("donnees/", views.home, name="home"),
    path("donnees/<slug:name>.csv", views.table_download_csv, name="table_csv"),
    path("donnees/<slug:name>.xlsx", views.table_download_xlsx, name="table_xlsx"),
    path("donnees/archive.zip", views.archive_download, name="archive"),
]
