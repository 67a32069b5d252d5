"""Architecture floors, checked on every `make test` (as Zulip's lint rules and les emplois'
test_consistency.py do): the pages, the API's endpoints and the forms read case data only
through an app's access layer or selectors, never with `Model.objects` themselves."""

import ast
import re
from pathlib import Path

from tremplin.audit.registry import AUDITED_MODELS

ROOT = Path(__file__).resolve().parents[2]  # tremplin/

# Case data: every audited model (audit/registry.py is the one list of them).
CASE_MODELS = frozenset(label.split(".")[1] for label in AUDITED_MODELS)

# The modules that serve a request or shape its input: they call access functions and selectors.
EDGE_MODULES = ("views.py", "forms.py")
EDGE_PACKAGES = ("views", "endpoints")


def edge_modules() -> list[Path]:
    paths = []
    for path in sorted(ROOT.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        if path.name in EDGE_MODULES or path.parent.name in EDGE_PACKAGES:
            paths.append(path)
    return paths


def direct_queries(source: str) -> list[tuple[int, str]]:
    """(line, "Model.objects.method") for each query of a case-data model written in `source`;
    `Model.objects.none()` (an empty choice, no query) is allowed."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "objects"
            and isinstance(node.value.value, ast.Name)
            and node.value.value.id in CASE_MODELS
            and node.attr != "none"
        ):
            found.append((node.lineno, f"{node.value.value.id}.objects.{node.attr}"))
    return found


def test_the_check_finds_a_direct_query():
    source = (
        "def view(request):\n    return Person.objects.filter(pk=1), Partner.objects.none(), RomeJob.objects.all()\n"
    )
    assert direct_queries(source) == [(2, "Person.objects.filter")]


def test_views_endpoints_and_forms_read_case_data_through_the_access_layer():
    modules = edge_modules()
    assert any(p.name == "views.py" for p in modules) and any(p.parent.name == "endpoints" for p in modules)
    offences = [
        f"{path.relative_to(ROOT.parent)}:{line}: {query}"
        for path in modules
        for line, query in direct_queries(path.read_text())
    ]
    assert not offences, (
        "Requêtes directes sur des données de parcours dans une vue, un point d'API ou un formulaire ; "
        "passez par access.py ou selectors.py de l'app :\n" + "\n".join(offences)
    )


TEMPLATES = sorted(ROOT.rglob("templates/**/*.html"))
CAN = re.compile(r"\bcan\.(\w+)")


def test_templates_ask_access_predicates_instead_of_comparing_roles():
    assert TEMPLATES
    comparing = [str(p.relative_to(ROOT.parent)) for p in TEMPLATES if "scope.role" in p.read_text()]
    assert not comparing, "Demandez `can.<prédicat>` (access.py de l'app) au lieu de `scope.role` : " + ", ".join(
        comparing
    )


def test_every_predicate_a_template_asks_is_declared_by_an_app():
    from tremplin.kernel.permissions import template_predicates

    asked = {name for path in TEMPLATES for name in CAN.findall(path.read_text())}
    assert asked, "no template asks `can.` any more: this test guards nothing"
    assert asked <= set(template_predicates()), sorted(asked - set(template_predicates()))


def test_can_answers_with_the_apps_predicate(director, make_member, structure):
    from tremplin.accounts.enums import Role
    from tremplin.accounts.scope import build_scope
    from tremplin.kernel.permissions import Permissions

    funder = make_member(Role.FUNDER, structure)
    assert Permissions(build_scope(director, None)).read_named_lists is True
    assert Permissions(build_scope(funder, None)).read_named_lists is False


def test_every_collected_test_has_its_own_node_id(request):
    """pytest-xdist schedules by node id: two tests with one id would run once (conftest.py)."""
    ids = [item.nodeid for item in request.session.items]
    assert len(set(ids)) == len(ids), sorted({i for i in ids if ids.count(i) > 1})[:5]


def test_each_app_contributes_its_own_functions_once():
    """The registry finds what each app defines in its own module: the pathway's apps in pathway
    order, and a function one app imports from another is not counted twice (worktime imports
    selectors of contracts)."""
    from tremplin.kernel.registry import contributions

    timeline = contributions("selectors", "timeline_events")
    modules = [f.__module__ for f in timeline]
    assert len(modules) == len(set(modules))
    assert modules[:3] == [
        "tremplin.recruitment.selectors",
        "tremplin.eligibility.selectors",
        "tremplin.contracts.selectors",
    ]
    assert "tremplin.committees.selectors" not in modules
    sections = {f.__module__ for f in contributions("selectors", "person_section")}
    assert {
        "tremplin.contracts.selectors",
        "tremplin.recruitment.selectors",
        "tremplin.eligibility.selectors",
    } <= sections
    alerts = {f.__module__.split(".")[1] for f in contributions("selectors", "due_alerts")}
    assert alerts == {"contracts", "eligibility", "support", "justice"}
