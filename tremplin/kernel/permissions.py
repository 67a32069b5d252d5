"""What the templates may ask of the acting user: `{% if can.edit_structure %}`.

Each app names, in its `access.py`, the predicates a template may ask (`TEMPLATE_PREDICATES =
{"edit_structure": can_edit_structure}`): the same functions its views and selectors use, so
that no page decides who may do what by comparing `scope.role` itself. They are gathered from
the installed apps on first use; a name asked by a template that no app declares is an error."""

from functools import cache

from .registry import contributions


@cache
def template_predicates() -> dict:
    predicates: dict = {}
    for declared in contributions("access", "TEMPLATE_PREDICATES"):
        for name, predicate in declared.items():
            if name in predicates:
                raise ValueError(f"Le prédicat de gabarit « {name} » est déclaré deux fois.")
            predicates[name] = predicate
    return predicates


class Permissions:
    """Answers `can.<name>` for one request's scope, each predicate asked at most once."""

    def __init__(self, scope):
        self._scope = scope
        self._answers: dict[str, bool] = {}

    def __getattr__(self, name: str) -> bool:
        if name.startswith("_"):
            raise AttributeError(name)
        predicates = template_predicates()
        if name not in predicates:
            raise AttributeError(f"Aucune app ne déclare le prédicat de gabarit « {name} ».")
        if name not in self._answers:
            self._answers[name] = bool(predicates[name](self._scope))
        return self._answers[name]


def permissions(request):
    """Context processor: `can`, the access predicates of the acting user."""
    scope = getattr(request, "scope", None)
    return {"can": Permissions(scope)} if scope is not None else {}
