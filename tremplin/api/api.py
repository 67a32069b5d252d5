"""The REST API, /api/v1/ (django-ninja): OpenAPI 3.1 schema at /api/v1/openapi.json, the docs
page at /api/v1/docs (swagger-ui served from the app's static files, no CDN). See docs/api.md."""

import copy

from django.contrib.auth.decorators import login_not_required
from ninja import NinjaAPI, Swagger

from . import errors
from .auth import SessionScopeAuth, TokenAuth
from .endpoints import (
    contracts,
    eligibility,
    immersions,
    organisations,
    people,
    recruitment,
    reporting,
    support,
    training,
    worktime,
)
from .parser import CheckedParser


class TremplinAPI(NinjaAPI):
    """The schema is built once per process and path (0,7 s each time otherwise, on every
    request of /api/v1/openapi.json): the routes do not change while the process runs."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        key = (path_prefix, tuple(sorted((path_params or {}).items())))
        cache = self.__dict__.setdefault("_schema_cache", {})
        if key not in cache:
            cache[key] = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return copy.deepcopy(cache[key])  # a caller may change what it is given


api = TremplinAPI(
    title="API Tremplin",
    version="1",
    description=(
        "Le parcours des salariés en insertion des ACI. Authentification par jeton personnel "
        "(`Authorization: Bearer <jeton>`, créé sur la page « Jetons d'API ») ou par la session de "
        "l'application. Chaque jeton agit dans un rôle et un ACI : mêmes droits que les pages, "
        "404 pour ce qui est hors de son périmètre. Erreurs : "
        '`{"detail": [{"field": ..., "message": ...}]}`, message en français.'
    ),
    auth=[TokenAuth(), SessionScopeAuth()],
    parser=CheckedParser(),
    urls_namespace="api:v1",
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": False}),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
for module in (
    organisations,
    people,
    contracts,
    eligibility,
    recruitment,
    worktime,
    support,
    immersions,
    training,
    reporting,
):
    api.add_router("", module.router)


def urlpatterns():
    """The API's URL patterns. They answer without the login redirect: each operation answers a
    401 JSON itself without a valid token or session (Django's LoginRequiredMiddleware would
    otherwise redirect token requests, which carry no session, to the login page)."""
    patterns = api.urls[0]
    for pattern in patterns:
        pattern.callback = login_not_required(pattern.callback)
    return patterns
