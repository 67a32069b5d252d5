from django.urls import include, path

from . import views
from .api import urlpatterns as api_urlpatterns

app_name = "api"
urlpatterns = [
    path("jetons-api/", views.token_list, name="token_list"),
    path("jetons-api/<int:pk>/revoquer/", views.token_revoke, name="token_revoke"),
    path("api/v1/", include((api_urlpatterns(), "v1"))),
]
