from django.urls import path

from . import views

app_name = "immersions"
urlpatterns = [
    path("immersions/", views.immersion_list, name="list"),
    path("immersions/structures-accueil/", views.host_list, name="host_list"),
    path("immersions/structures-accueil/nouvelle/", views.host_create, name="host_create"),
    path("immersions/structures-accueil/<int:pk>/modifier/", views.host_update, name="host_update"),
    path("personnes/<int:pk>/immersions/nouvelle/", views.immersion_create, name="create"),
    path("immersions/<int:pk>/", views.immersion_detail, name="detail"),
    path("immersions/<int:pk>/modifier/", views.immersion_update, name="update"),
    path("immersions/<int:pk>/evaluation/", views.immersion_evaluate, name="evaluate"),
    path("immersions/<int:pk>/suite/", views.immersion_outcome, name="outcome"),
    path("immersions/<int:pk>/convention.pdf", views.convention_pdf, name="convention_pdf"),
]
