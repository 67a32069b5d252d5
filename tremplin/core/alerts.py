"""The échéancier: the alerts of every domain for the current ACI, sorted by date. Each domain
app contributes through a `due_alerts(scope, *, today)` function in its `selectors.py` (found
there by kernel.registry), returning kernel.alerts.Alert items."""

from tremplin.kernel.registry import contributions


def alerts_for(scope, *, today) -> list:
    alerts = []
    for due_alerts in contributions("selectors", "due_alerts"):
        alerts.extend(due_alerts(scope, today=today))
    return sorted(alerts, key=lambda alert: (alert.day, alert.person.last_name))
