from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Tremplin : administration technique"
admin.site.site_title = "Tremplin"
# The admin has no login form of its own: it goes through allauth (throttling, second factor).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("tremplin.core.urls")),
    path("", include("tremplin.accounts.urls")),
    path("", include("tremplin.organisations.urls")),
    path("", include("tremplin.audit.urls")),
    path("", include("tremplin.people.urls")),
    path("", include("tremplin.contracts.urls")),
    path("", include("tremplin.eligibility.urls")),
    path("", include("tremplin.recruitment.urls")),
    path("", include("tremplin.worktime.urls")),
    path("", include("tremplin.funding.urls")),
    path("", include("tremplin.reporting.urls")),
    path("", include("tremplin.support.urls")),
    path("", include("tremplin.skills.urls")),
    path("", include("tremplin.reviews.urls")),
    path("", include("tremplin.immersions.urls")),
    path("", include("tremplin.training.urls")),
    path("", include("tremplin.justice.urls")),
    path("", include("tremplin.committees.urls")),
    path("", include("tremplin.satisfaction.urls")),
    path("", include("tremplin.portability.urls")),
    path("", include("tremplin.imports.urls")),
    path("", include("tremplin.api.urls")),  # token pages, and the REST API at api/v1/
    path("comptes/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "tremplin.core.views.error_400"
handler403 = "tremplin.core.views.error_403"
handler404 = "tremplin.core.views.error_404"
handler500 = "tremplin.core.views.error_500"
