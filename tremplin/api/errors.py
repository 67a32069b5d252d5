"""Every error of the API has one shape, `{"detail": [{"field": ..., "message": ...}]}`, with
the French message of the rule broken (the services' ValidationError, or the input's shape),
`field` naming the input field concerned (null for the whole request)."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from tremplin.kernel.formats import fr
from tremplin.kernel.query import DATE_MAX, DATE_MIN

from .parser import InputProblems

NOT_FOUND = "Ressource introuvable."
UNAUTHORIZED = (
    "Authentification requise : envoyez l'en-tête « Authorization: Bearer <jeton> » avec un jeton "
    "d'API valide (ni révoqué, ni expiré)."
)
BAD_REQUEST = "Corps de la requête illisible : un objet JSON en UTF-8 est attendu."
CSRF_FAILED = "Jeton CSRF absent ou invalide : les requêtes de session doivent envoyer l'en-tête X-CSRFToken."


class ErrorItem(Schema):
    field: str | None = None
    message: str


class ErrorOut(Schema):
    detail: list[ErrorItem]


# The error answers every operation may give, for the OpenAPI schema.
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut}

# French messages of the input errors (pydantic error types).
INPUT_MESSAGES = {
    "missing": "Ce champ est obligatoire.",
    "date_from_datetime_parsing": "Date invalide : format attendu AAAA-MM-JJ.",
    "date_parsing": "Date invalide : format attendu AAAA-MM-JJ.",
    "date_type": "Date invalide : format attendu AAAA-MM-JJ.",
    "datetime_parsing": "Date et heure invalides : format ISO 8601 attendu (AAAA-MM-JJTHH:MM:SS+01:00).",
    "datetime_from_date_parsing": "Date et heure invalides : format ISO 8601 attendu (AAAA-MM-JJTHH:MM:SS+01:00).",
    "datetime_type": "Date et heure invalides : format ISO 8601 attendu (AAAA-MM-JJTHH:MM:SS+01:00).",
    "int_parsing": "Nombre entier attendu.",
    "int_type": "Nombre entier attendu.",
    "int_from_float": "Nombre entier attendu.",
    "decimal_parsing": "Nombre décimal attendu (ex. 7.5).",
    "decimal_type": "Nombre décimal attendu (ex. 7.5).",
    "decimal_max_digits": "Nombre trop grand.",
    "decimal_max_places": "Trop de décimales.",
    "decimal_whole_digits": "Nombre trop grand.",
    "float_parsing": "Nombre attendu.",
    "bool_parsing": "Booléen attendu (true ou false).",
    "bool_type": "Booléen attendu (true ou false).",
    "string_type": "Texte attendu.",
    "string_too_long": "Texte trop long : {max_length} caractères au plus.",
    "string_too_short": "Texte trop court : {min_length} caractère(s) au moins.",
    "string_pattern_mismatch": "Format invalide.",
    "greater_than_equal": "La valeur doit être supérieure ou égale à {ge}.",
    "greater_than": "La valeur doit être supérieure à {gt}.",
    "less_than_equal": "La valeur doit être inférieure ou égale à {le}.",
    "less_than": "La valeur doit être inférieure à {lt}.",
    "enum": "Valeur inconnue : valeurs possibles {expected}.",
    "literal_error": "Valeur inconnue : valeurs possibles {expected}.",
    "list_type": "Liste attendue.",
    "model_attributes_type": "Objet JSON attendu.",
    "dict_type": "Objet JSON attendu.",
    "json_invalid": "Corps de la requête : JSON invalide.",
    "extra_forbidden": "Champ inconnu.",
    "value_error": "Valeur invalide.",
    "string_nul": "Le caractère nul (\\0) n'est pas admis dans un texte.",
    "date_out_of_range": f"Date hors de la plage admise : du {fr(DATE_MIN)} au {fr(DATE_MAX)}.",
}
LOCATIONS = {"body", "query", "path", "header", "cookie", "form", "file"}


def _field(loc) -> str | None:
    parts = [str(part) for part in loc]
    if parts and parts[0] in LOCATIONS:
        parts = parts[1:]
    if parts and parts[0] in {"payload", "filters", "query"}:
        parts = parts[1:]
    return ".".join(parts) or None


def _input_message(error: dict) -> str:
    template = INPUT_MESSAGES.get(error.get("type", ""), "Valeur invalide.")
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return template


def body(items: list[tuple[str | None, str]]) -> dict:
    return {"detail": [{"field": field, "message": message} for field, message in items]}


def service_error_items(error: DjangoValidationError) -> list[tuple[str | None, str]]:
    if hasattr(error, "error_dict"):
        return [
            (None if field == NON_FIELD_ERRORS else field, message)
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [(None, message) for message in error.messages]


def install(api) -> None:
    def not_found(request, exc):
        return api.create_response(request, body([(None, NOT_FOUND)]), status=404)

    def unauthorized(request, exc):
        response = api.create_response(request, body([(None, UNAUTHORIZED)]), status=401)
        response["WWW-Authenticate"] = 'Bearer realm="tremplin"'
        return response

    def input_error(request, exc: NinjaValidationError | InputProblems):
        items = [(_field(error.get("loc", ())), _input_message(error)) for error in exc.errors]
        return api.create_response(request, body(items), status=422)

    def service_error(request, exc: DjangoValidationError):
        return api.create_response(request, body(service_error_items(exc)), status=422)

    def http_error(request, exc: HttpError):
        if isinstance(exc.__cause__, InputProblems):
            return input_error(request, exc.__cause__)
        message = BAD_REQUEST if exc.status_code == 400 else str(exc)
        return api.create_response(request, body([(None, message)]), status=exc.status_code)

    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(AuthenticationError, unauthorized)
    api.add_exception_handler(NinjaValidationError, input_error)
    api.add_exception_handler(InputProblems, input_error)
    api.add_exception_handler(DjangoValidationError, service_error)
    api.add_exception_handler(HttpError, http_error)
