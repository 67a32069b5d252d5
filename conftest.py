"""pytest plumbing for the whole suite (the shared fixtures are in tremplin/conftest.py)."""

import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Node ids that pytest-xdist can schedule. With pytest 9.2, pytest-xdist 3.8 marks the tests
    of an `xdist_group` (`--dist loadgroup`) by writing `item._nodeid`, which pytest no longer
    reads (a node id is now `item._id`), so every group was spread over the workers. This sets
    the same `<nodeid>@<group>` through the new attribute; with it the demo tests and the browser
    tests run on one worker, which seeds the demo once (tremplin/core/tests/snapshot.py). Remove
    it when pytest-xdist handles pytest 9."""
    from _pytest.nodeid import NodeId

    # Schemathesis (4.x) builds one item per API operation whose node id, on pytest 9.2, lacks the
    # operation ("test_x" for every "test_x[GET /api/v1/people]"): xdist's scopes are keyed by
    # node id, so all but one of them would silently not run under --dist loadgroup. Give each the
    # id of its name.
    for item in items:
        if "[" in item.name and not item.nodeid.endswith(item.name):
            parent, _, _ = item.nodeid.rpartition("::")
            item._id = NodeId.parse(f"{parent}::{item.name}")
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in item.iter_markers("xdist_group")
        }
        suffix = "@" + "_".join(sorted(names))
        if names and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)
