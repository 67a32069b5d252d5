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
SUPPORT_READERS = frozenset({Role.DIRECTOR, Role.COUNSELLOR})
DIRECTION_HR = frozenset({Role.DIRECTOR, Role.ADMIN_STAFF})
CIP_DIRECTION_HR = frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.ADMIN_STAFF})


@dataclass(frozen=True)
class NavGroup:
    """A menu of the bar (a dropdown); shown as a plain link when the role sees one item of it."""

    label: str
    icon: str
    items: tuple[NavItem, ...]


NAVIGATION = [
    NavItem("Accueil", "house", ALL_ROLES, "core:home"),
    NavItem("Personnes", "people", frozenset(STAFF_ROLES), "people:list"),
    NavItem("Échéancier", "bell", CIP_DIRECTION_HR, "core:alerts"),
    NavItem("Orientations", "send", frozenset(STAFF_ROLES), "recruitment:list"),
    NavItem("Mes orientations", "send", frozenset({Role.PRESCRIBER}), "recruitment:prescriber_list"),
    NavGroup(
        "Accompagnement",
        "compass",
        (
            NavItem(
                "Bilans", "journal-check", frozenset({Role.DIRECTOR, Role.COUNSELLOR, Role.SUPERVISOR}), "reviews:list"
            ),
            NavItem("Compétences", "clipboard-check", frozenset(STAFF_ROLES), "skills:list"),
            NavItem("Immersions (PMSMP)", "briefcase", frozenset(STAFF_ROLES), "immersions:list"),
            NavItem("Formations", "mortarboard", frozenset(STAFF_ROLES), "training:list"),
            NavItem("Justice", "shield-lock", SUPPORT_READERS, "justice:list"),
            NavItem("Partenaires", "signpost-split", SUPPORT_READERS, "support:partner_list"),
            NavItem("Satisfaction", "emoji-smile", CIP_DIRECTION_HR, "satisfaction:results"),
        ),
    ),
    NavGroup(
        "Production",
        "tools",
        (
            NavItem("Ateliers et chantiers", "tools", frozenset(STAFF_ROLES), "organisations:support_list"),
            NavItem("Heures", "clock", frozenset({Role.DIRECTOR, Role.SUPERVISOR, Role.ADMIN_STAFF}), "worktime:week"),
        ),
    ),
    NavGroup(
        "Pilotage",
        "bar-chart",
        (
            NavItem("Financements", "bank", frozenset({Role.DIRECTOR, Role.ADMIN_STAFF, Role.FUNDER}), "funding:home"),
            NavItem(
                "Indicateurs",
                "bar-chart",
                frozenset({Role.DIRECTOR, Role.ADMIN_STAFF, Role.FUNDER}),
                "reporting:dashboard",
            ),
            NavItem("Comités", "people-fill", CIP_DIRECTION_HR, "committees:list"),
        ),
    ),
    NavGroup(
        "Gestion",
        "gear",
        (
            NavItem("L'ACI", "building", frozenset(STAFF_ROLES), "organisations:structure_detail"),
            NavItem("Imports", "upload", CIP_DIRECTION_HR, "imports:list"),
            NavItem("Exports", "download", DIRECTION_HR, "portability:home"),
            NavItem("Journal d'audit", "journal-text", frozenset({Role.DIRECTOR}), "audit:log"),
        ),
    ),
]
# A role that sees this many links or fewer gets them all in the bar, without menus.
FLAT_UP_TO = 7


def _link(item: NavItem, scope) -> dict:
    url = item.url(scope)
    return {"label": item.label, "icon": item.icon, "url": url, "soon": url is None, "active": False, "children": []}


def navigation_for(scope, current_path: str) -> list[dict]:
    """The bar of the role: links, and menus of links (`children`)."""
    if scope.role is None:
        return []
    entries = []
    for entry in NAVIGATION:
        if isinstance(entry, NavGroup):
            children = [_link(item, scope) for item in entry.items if scope.role in item.roles]
            if len(children) == 1:
                entries.append(children[0])
            elif children:
                group = _link(NavItem(entry.label, entry.icon, ALL_ROLES), scope)
                entries.append({**group, "children": children})
        elif scope.role in entry.roles:
            entries.append(_link(entry, scope))
    links = [link for entry in entries for link in (entry["children"] or [entry])]
    if len(links) <= FLAT_UP_TO:
        entries = links
    # The longest matching address only: on /supports/1/, "Ateliers et chantiers", not also "Accueil".
    matching = [
        link
        for link in links
        if link["url"]
        and (current_path == link["url"] or (link["url"] != "/" and current_path.startswith(link["url"])))
    ]
    if matching:
        max(matching, key=lambda link: len(link["url"]))["active"] = True
    for entry in entries:
        entry["active"] = entry["active"] or any(child["active"] for child in entry["children"])
    return entries
