from django.urls import path

from . import views

app_name = "satisfaction"
urlpatterns = [
    path("satisfaction/", views.results, name="results"),
    path("satisfaction/borne/", views.kiosk, name="kiosk"),
    path("satisfaction/invitations/", views.invitation_list, name="invitations"),
    path("satisfaction/personnes/<int:pk>/inviter/", views.invitation_create, name="invite"),
    path("satisfaction/questionnaire/<str:token>/", views.public_answer, name="answer"),
    path("satisfaction/temoignages/", views.testimonial_list, name="testimonials"),
    path("satisfaction/temoignages/publiables/", views.publishable, name="publishable"),
    path("satisfaction/temoignages/nouveau/", views.testimonial_create, name="testimonial_create"),
    path("satisfaction/temoignages/<int:pk>/", views.testimonial_detail, name="testimonial_detail"),
    path("satisfaction/temoignages/<int:pk>/modifier/", views.testimonial_update, name="testimonial_update"),
    path("satisfaction/temoignages/<int:pk>/publier/", views.testimonial_publish, name="testimonial_publish"),
    path("satisfaction/temoignages/<int:pk>/depublier/", views.testimonial_unpublish, name="testimonial_unpublish"),
    path(
        "satisfaction/temoignages/<int:pk>/retrait-consentement/",
        views.testimonial_revoke,
        name="testimonial_revoke",
    ),
    path("satisfaction/temoignages/<int:pk>/photo/", views.testimonial_photo, name="testimonial_photo"),
]
