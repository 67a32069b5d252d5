"""pytest plumbing for the whole suite (the shared fixtures are in tremplin/conftest.py)."""

import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """`--dist loadgroup` with pytest 9.2: pytest-xdist 3.8 marks the tests of an `xdist_group` by
    writing `item._nodeid`, which pytest 9.2 no longer reads (a node id is now `item._id`), so
    every group was spread over the workers. This sets the same `<nodeid>@<group>` through the
    new attribute; with it the demo tests and the browser tests run on one worker, which seeds the
    demo once (tremplin/core/tests/snapshot.py). Remove it when pytest-xdist handles pytest 9."""
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import NodeId

    for item in items:
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in item.iter_markers("xdist_group")
        }
        suffix = "@" + "_".join(sorted(names))
        if names and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)
