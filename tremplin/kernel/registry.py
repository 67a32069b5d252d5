"""What the apps contribute to the pages and tools that gather every domain (the person page and
its timeline, the échéancier, the demo data, the template predicates): each app declares its part
in its own module, found here by name, so that a new app is added in its own folder only.

The order is the order of INSTALLED_APPS (a page that needs another order sorts what it gets)."""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


@cache
def app_modules(module: str) -> tuple:
    """`<app>.<module>` of every installed Tremplin app that has one."""
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("tremplin.") and find_spec(f"{config.name}.{module}") is not None:
            found.append(import_module(f"{config.name}.{module}"))
    return tuple(found)


def contributions(module: str, name: str) -> list:
    """The attribute `name` of `<app>.<module>`, for every installed Tremplin app that defines it
    (a function imported there from another app is that app's, not counted twice)."""
    found = []
    for candidate in app_modules(module):
        value = getattr(candidate, name, None)
        if value is not None and getattr(value, "__module__", candidate.__name__) == candidate.__name__:
            found.append(value)
    return found
