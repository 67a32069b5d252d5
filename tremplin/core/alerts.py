"""The échéancier: the alerts of every domain for the current ACI, sorted by date. Each domain
app contributes through a selector listed here (same pattern as the person timeline)."""

from importlib import import_module

ALERT_SOURCES = [
    ("tremplin.contracts.selectors", "contract_alerts"),
]


def alerts_for(scope, *, today) -> list:
    alerts = []
    for module, name in ALERT_SOURCES:
        alerts.extend(getattr(import_module(module), name)(scope, today=today))
    return sorted(alerts, key=lambda alert: (alert.day, alert.person.last_name))
