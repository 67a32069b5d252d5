"""The role-aware navigation: one declarative table. Items of later issues say "bientôt"."""

from dataclasses import dataclass

from django.urls import reverse

from tremplin.accounts.enums import STAFF_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    icon: str
    roles: frozenset
    url_name: str | None = None  # None: announced, not built yet ("bientôt")

    def url(self, scope) -> str | None:
        if self.url_name is None:
            return None
        if self.url_name == "organisations:structure_detail":
            return reverse(self.url_name, args=[scope.structure.pk])
        return reverse(self.url_name)


ALL_ROLES = frozenset(Role)
NAVIGATION = [
    NavItem("Accueil", "house", ALL_ROLES, "core:home"),
    NavItem("Personnes", "people", frozenset(STAFF_ROLES), "people:list"),
    NavItem("Échéancier", "bell", frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF}), "core:alerts"),
    NavItem(
        "Orientations",
        "send",
        frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF}),
        "recruitment:list",
    ),
    NavItem("Mes orientations", "send", frozenset({Role.PRESCRIBER}), "recruitment:prescriber_list"),
    NavItem("Ateliers et chantiers", "tools", frozenset(STAFF_ROLES), "organisations:support_list"),
    NavItem("Heures", "clock", frozenset({Role.DIRECTOR, Role.SUPERVISOR, Role.ADMIN_STAFF}), "worktime:week"),
    NavItem("Financements", "bank", frozenset({Role.DIRECTOR, Role.ADMIN_STAFF, Role.FUNDER}), "funding:home"),
    NavItem(
        "Indicateurs", "bar-chart", frozenset({Role.DIRECTOR, Role.ADMIN_STAFF, Role.FUNDER}), "reporting:dashboard"
    ),
    NavItem("L'ACI", "building", frozenset(STAFF_ROLES), "organisations:structure_detail"),
    NavItem("Journal d'audit", "journal-text", frozenset({Role.DIRECTOR}), "audit:log"),
]


def navigation_for(scope, current_path: str) -> list[dict]:
    if scope.role is None:
        return []
    items = []
    for item in NAVIGATION:
        if scope.role not in item.roles:
            continue
        url = item.url(scope)
        items.append({"label": item.label, "icon": item.icon, "url": url, "soon": url is None, "active": False})
    # The longest matching address only: on /supports/1/, "Ateliers et chantiers", not also "Accueil".
    matching = [
        i
        for i in items
        if i["url"] and (current_path == i["url"] or (i["url"] != "/" and current_path.startswith(i["url"])))
    ]
    if matching:
        max(matching, key=lambda i: len(i["url"]))["active"] = True
    return items
