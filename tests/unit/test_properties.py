"""Property-based tests: whatever the data files hold, the loaders answer with a DataError or data,
and whatever the user chooses, the filters answer with a list.

The loaders get random bytes, random YAML-like text, random YAML and JSON structures, and the
real files with one value replaced, removed or doubled. Nothing may raise but
`soderort.errors.DataError`, and every problem must name the file and stay short enough to read.
The filters get random filter states and random text queries and must never raise.

Example counts are modest (two cores); `PROFILE_EXAMPLES` scales them all.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from soderort import geo_files, loading, paths, plan_files
from soderort.errors import DataError
from soderort.facts import count_by_place, group_by_place
from soderort.filters import (
    FilterState,
    filter_initiatives,
    fold,
    matches,
    search_text,
    year_span,
)
from soderort.model import Status
from soderort.validate import validate_path

# Scale every example count at once, e.g. PROFILE_EXAMPLES=10 for a long hunt.
SCALE = float(os.environ.get("PROFILE_EXAMPLES", "1"))
# A problem longer than this is not read by anyone (and was a sign of a value dumped whole).
MAX_PROBLEM_CHARS = 400


def examples(count: int) -> settings:
    return settings(
        max_examples=max(1, int(count * SCALE)),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# ----------------------------------------------------------------------------- what a loader is

LOADERS: dict[str, Callable[[Path], Any]] = {
    "action_plan.yaml": plan_files.load_action_plan,
    "committees.yaml": plan_files.load_committees,
    "themes.yaml": plan_files.load_themes,
    "places.geojson": geo_files.load_places,
    "stadsdelar.geojson": geo_files.load_areas,
}


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    # One folder per module, each example overwrites its file: hypothesis runs the body many
    # times within one test, and a function-scoped tmp_path would be shared by them anyway.
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def assert_loads_or_refuses(
    loader: Callable[[Path], Any], path: Path, files: set[str] | None = None
) -> Any:
    """Run a loader; the only exception allowed is a DataError whose problems name the file
    (for a folder: one of `files`)."""
    try:
        return loader(path)
    except DataError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.file in (files or {path.name}), str(problem)
            assert problem.message.strip(), str(problem)
            assert len(str(problem)) < MAX_PROBLEM_CHARS, str(problem)[:1000]
        return None


# --------------------------------------------------------------------------------- strategies

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(max_size=600),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(["hogdalen", "farsta", "kommunstyrelsen", "planned", "lead", "kluster"]),
)
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(["Feature", "FeatureCollection", "Polygon", "Point", "hogdalen"]),
)


def trees(leaves: st.SearchStrategy[Any], keys: st.SearchStrategy[str]) -> st.SearchStrategy:
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=5),
            st.dictionaries(keys, children, max_size=5),
        ),
        max_leaves=25,
    )


# Keys the loaders look for, so that random structures reach past the first check.
KEYS = st.one_of(
    st.sampled_from(
        [
            "document",
            "initiatives",
            "committees",
            "themes",
            "id",
            "name",
            "name_en",
            "kind",
            "places",
            "timeline",
            "start",
            "target",
            "milestones",
            "status",
            "rubrik",
            "type",
            "features",
            "properties",
            "geometry",
            "coordinates",
            "crs",
        ]
    ),
    st.text(max_size=8),
)
YAML_TREES = trees(scalars, KEYS)
JSON_TREES = trees(json_scalars, KEYS)

# Characters that mean something to YAML, and a few that trouble decoders.
YAML_ALPHABET = st.sampled_from(
    list("abcdeåäö019 :-[]{},&*!|>'\"#%@?\n\t\\") + ["\ufeff", "\u202e", "\x00", "\x85", "𝔸"]
)


# ------------------------------------------------------------------------- loaders: raw input


@examples(60)
@given(name=st.sampled_from(sorted(LOADERS)), content=st.binary(max_size=400))
@example(name="action_plan.yaml", content=b"\xef\xbb\xbf")
@example(name="places.geojson", content=b"\xff\xfe{}")
@example(name="committees.yaml", content=b"committees: [\x00]")
def test_random_bytes_never_crash_a_loader(workdir, name, content) -> None:
    assert_loads_or_refuses(LOADERS[name], write(workdir, name, content))


@examples(80)
@given(
    name=st.sampled_from(["action_plan.yaml", "committees.yaml", "themes.yaml"]),
    content=st.text(YAML_ALPHABET, max_size=200),
)
@example(name="action_plan.yaml", content="a: 2010-02-30")
@example(name="action_plan.yaml", content="a: &x [*x]")
@example(name="themes.yaml", content="themes: [{id: a, id: b}]")
@example(name="committees.yaml", content="committees: !!python/object/apply:os.system [ls]")
@example(name="committees.yaml", content="? [a]\n: b")
def test_random_yaml_text_never_crashes_a_loader(workdir, name, content) -> None:
    assert_loads_or_refuses(LOADERS[name], write(workdir, name, content))


@examples(80)
@given(
    name=st.sampled_from(["action_plan.yaml", "committees.yaml", "themes.yaml"]), tree=YAML_TREES
)
def test_random_yaml_structures_never_crash_a_loader(workdir, name, tree) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True)
    assert_loads_or_refuses(LOADERS[name], write(workdir, name, text))


@examples(80)
@given(
    name=st.sampled_from(["places.geojson", "stadsdelar.geojson"]),
    tree=JSON_TREES,
    wrap=st.booleans(),
)
def test_random_json_structures_never_crash_a_loader(workdir, name, tree, wrap) -> None:
    # Half the time inside a FeatureCollection, so that the feature checks are reached too.
    data = {"type": "FeatureCollection", "features": tree} if wrap else tree
    text = json.dumps(data, ensure_ascii=False)
    assert_loads_or_refuses(LOADERS[name], write(workdir, name, text))


# ------------------------------------------------------------------- loaders: mutated records


@pytest.fixture(scope="module")
def real_plan() -> dict[str, Any]:
    return yaml.safe_load(paths.ACTION_PLAN_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_places() -> dict[str, Any]:
    return json.loads(paths.PLACES_FILE.read_text(encoding="utf-8"))


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a value inside a tree of dicts and lists (coordinates are not walked)."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "coordinates":
                found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


@st.composite
def mutated(draw, original: dict[str, Any], leaves: st.SearchStrategy[Any]) -> dict[str, Any]:
    """The original with one to three values replaced, deleted or doubled."""
    tree = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, 3))):
        inside = _paths(tree)[1:]
        if not inside:  # every value is already gone: nothing left to mutate
            break
        where = draw(st.sampled_from(inside))
        parent = tree
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        action = draw(st.sampled_from(["replace", "delete", "double"]))
        if action == "replace":
            parent[last] = draw(leaves)
        elif action == "delete":
            del parent[last]
        elif isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        else:
            parent[last] = [parent[last], parent[last]]
    return tree


@examples(60)
@given(data=st.data())
def test_mutated_plan_records_never_crash_the_loader(workdir, real_plan, data) -> None:
    tree = data.draw(mutated(real_plan, trees(scalars, KEYS)))
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    assert_loads_or_refuses(plan_files.load_action_plan, write(workdir, "action_plan.yaml", text))


@examples(60)
@given(data=st.data())
def test_mutated_places_never_crash_the_loader(workdir, real_places, data) -> None:
    tree = data.draw(mutated(real_places, trees(json_scalars, KEYS)))
    text = json.dumps(tree, ensure_ascii=False)
    assert_loads_or_refuses(geo_files.load_places, write(workdir, "places.geojson", text))


@pytest.fixture(scope="module")
def data_folder(workdir) -> Path:
    folder = workdir / "geodata"
    folder.mkdir()
    for source in paths.GEODATA_DIR.iterdir():
        if source.is_file():
            write(folder, source.name, source.read_bytes())
    return folder


@examples(30)
@given(data=st.data())
def test_mutated_plans_never_crash_the_whole_load(data_folder, real_plan, data) -> None:
    # The cross-reference checks (places, committees, themes) run only on a plan that loads,
    # so most mutations here leave the structure alone and change an id or a reference.
    leaves = st.one_of(
        st.sampled_from(["hogdalen", "atlantis", "kommunstyrelsen", "kluster", "lead", ""]),
        st.lists(st.sampled_from(["hogdalen", "farsta", "x-y", "kluster"]), max_size=3),
    )
    tree = data.draw(mutated(real_plan, leaves))
    write(data_folder, "action_plan.yaml", yaml.safe_dump(tree, allow_unicode=True))
    files = {path.name for path in data_folder.iterdir()}
    result = assert_loads_or_refuses(loading.load_plan_data, data_folder, files)
    if result is not None:
        # What loads is whole: every reference resolves.
        for item in result.initiatives:
            assert set(item.places) <= set(result.places.index)
            assert set(item.themes) <= set(result.themes)
            assert {ref.id for ref in item.committees} <= set(result.committees)
    assert_loads_or_refuses(validate_path, data_folder / "action_plan.yaml")


# ---------------------------------------------------------------------------------- filters


@st.composite
def filter_states(draw, data) -> FilterState:
    """Any filter state a URL, a widget or a bug could produce: known ids mixed with garbage."""

    def ids(known) -> tuple[str, ...]:
        pool = st.one_of(st.sampled_from(sorted(known)), st.text(max_size=12))
        return tuple(draw(st.lists(pool, max_size=4)))

    low, high = year_span(data)
    year_range = draw(
        st.one_of(
            st.none(),
            st.tuples(st.integers(low - 50, high + 50), st.integers(low - 50, high + 50)),
        )
    )
    return FilterState(
        committees=ids(data.committees),
        lead_only=draw(st.booleans()),
        year_range=year_range,
        include_unknown_years=draw(st.booleans()),
        statuses=ids(s.value for s in Status),
        areas=ids(data.places.index),
        themes=ids(data.themes),
        text=draw(st.text(max_size=60)),
    )


@examples(150)
@given(data=st.data())
def test_filters_never_raise_and_keep_the_source_order(plan_data, data) -> None:
    state = data.draw(filter_states(plan_data))
    shown = filter_initiatives(plan_data, state)
    order = [item.id for item in plan_data.initiatives]
    assert [item.id for item in shown] == [i for i in order if i in {s.id for s in shown}]
    groups = group_by_place(plan_data, shown)
    assert {item.id for _, items in groups for item in items} == {item.id for item in shown}
    counts = count_by_place(plan_data, shown)
    assert sum(counts.values()) == sum(len(item.places) for item in shown)


@examples(150)
@given(
    query=st.one_of(
        st.text(max_size=80),
        st.text(st.characters(codec="utf-8"), max_size=20),
        st.sampled_from(["<script>alert(1)</script>", "'; DROP TABLE x; --", "%00", "\u202e"]),
    )
)
def test_text_queries_never_raise(plan_data, query) -> None:
    shown = filter_initiatives(plan_data, FilterState(text=query))
    if not fold(query).split():
        assert len(shown) == len(plan_data.initiatives)  # blank text filters nothing


@examples(100)
@given(data=st.data())
def test_a_word_from_a_record_finds_that_record(plan_data, data) -> None:
    item = data.draw(st.sampled_from(plan_data.initiatives))
    words = search_text(item, plan_data).split()
    word = data.draw(st.sampled_from(words))
    # The user may type it in any case; the fold makes it match.
    typed = data.draw(st.sampled_from([word, word.upper(), word.title()]))
    assert matches(item, FilterState(text=typed), plan_data)
