from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("bilans/", views.review_list, name="list"),
    path("personnes/<int:pk>/bilans/nouveau/", views.review_create, name="create"),
    path("bilans/<int:pk>/", views.review_detail, name="detail"),
    path("bilans/<int:pk>/modifier/", views.review_update, name="update"),
    path("bilans/<int:pk>/signer/", views.review_sign, name="sign"),
    path("bilans/<int:pk>/partie-technique/", views.technical_update, name="technical_update"),
    path("bilans/<int:pk>/partie-technique/signer/", views.technical_sign, name="technical_sign"),
    path("bilans/<int:pk>/bilan.pdf", views.review_pdf, name="pdf"),
]
