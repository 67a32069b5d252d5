"""The échéancier: the alerts of every domain for the current ACI, sorted by date. Each domain
app contributes through a selector listed here (same pattern as the person timeline)."""

from dataclasses import dataclass
from datetime import date
from importlib import import_module

ALERT_SOURCES = [
    ("tremplin.contracts.selectors", "contract_alerts"),
    ("tremplin.eligibility.selectors", "eligibility_alerts"),
    ("tremplin.support.selectors", "support_alerts"),
    ("tremplin.justice.selectors", "justice_alerts"),
]


@dataclass(frozen=True)
class Alert:
    """One dated item of the échéancier, as every domain app gives them."""

    day: date
    kind: str
    person: object  # people.Person
    message: str
    url_name: str = "people:detail"
    url_pk: int | None = None  # defaults to the person

    @property
    def target_pk(self) -> int:
        return self.url_pk or self.person.pk


def alerts_for(scope, *, today) -> list:
    alerts = []
    for module, name in ALERT_SOURCES:
        alerts.extend(getattr(import_module(module), name)(scope, today=today))
    return sorted(alerts, key=lambda alert: (alert.day, alert.person.last_name))
