"""The server's long-lived objects: left out of collections, and freed when a new plan comes."""

import gc
import weakref

import pytest

from soderort import heap


class Plan:
    """A stand-in for a loaded plan: an object in a reference cycle, as pandas' objects are."""

    def __init__(self) -> None:
        self.itself = self


@pytest.fixture
def unfrozen(monkeypatch: pytest.MonkeyPatch):
    """No freeze before the test, and none left after it for the tests that follow."""
    gc.unfreeze()
    monkeypatch.setattr(heap, "_frozen_for", [])
    yield
    gc.unfreeze()


def test_the_plan_is_kept_out_of_collections_until_an_edited_plan_replaces_it(unfrozen):
    plan = Plan()
    plan_alive = weakref.ref(plan)
    assert heap.freeze_long_lived("plan as loaded")
    del plan
    gc.collect()
    assert plan_alive() is not None, "a frozen object was collected"
    assert not heap.freeze_long_lived("plan as loaded"), "the same plan was frozen twice"
    assert heap.freeze_long_lived("plan after an edit")
    assert plan_alive() is None, "the replaced plan stayed in memory"


def test_what_a_run_makes_after_the_freeze_is_still_collected(unfrozen):
    heap.freeze_long_lived("plan as loaded")
    page = Plan()
    page_alive = weakref.ref(page)
    del page
    gc.collect()
    assert page_alive() is None
