"""Interface texts: every key is literal in the code, used, defined once, and no text is repeated.

A key built at run time (``t(f"map.colour.{mode}")``) cannot be found by a search, hides dead
texts and lets a typo through to the user as a crash; two keys with the same text drift apart
when one is reworded. These tests read the code with `ast`, so they need no page to run.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from soderort.i18n import LANGUAGES, STRINGS, common, frontend, outputs, pages, statements
from soderort.paths import PROJECT_ROOT

# Where the interface's code lives: the package, the Streamlit side (the dashboard script
# among it) and the pages.
CODE = ("src", "ui", "pages")

# Texts that two keys honestly share in one language, with why (the other language differs).
SHARED_TEXTS: dict[tuple[str, frozenset[str]], str] = {
    ("sv", frozenset({"status.ongoing", "followup.status.pagar"})): (
        "The plan's status in 2010 and today's follow-up are both 'Pågår'; English names them "
        "apart (Ongoing / Under way), as a card shows both."
    ),
    ("sv", frozenset({"place.count", "place.count.one"})): (
        "English agrees the verb with the number (match / matches); Swedish has one form."
    ),
    ("sv", frozenset({"timeline.chart.x_title", "timeline.chart.hover_years"})): (
        "'År' is singular and plural: the axis says Year, a hover lists the Years."
    ),
    ("en", frozenset({"page.timeline", "column.tidplan"})): (
        "Swedish tells the Tidslinje page from the source's Tidplan column; English says "
        "Timeline for both."
    ),
}


def _code_files() -> list[Path]:
    files: list[Path] = []
    for name in CODE:
        path = PROJECT_ROOT / name
        files.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return files


def _is_lookup(call: ast.Call) -> bool:
    """Whether a call is `t(...)` or `i18n.t(...)`."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id == "t"
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "t"
        and isinstance(func.value, ast.Name)
        and func.value.id == "i18n"
    )


def _literal_keys(node: ast.expr) -> list[str] | None:
    """The keys a key argument can be: a string literal, or a choice between literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literal_keys(node.body), _literal_keys(node.orelse)
        if body is not None and orelse is not None:
            return body + orelse
    return None


def _lookups() -> list[tuple[str, ast.expr]]:
    """Every text lookup in the code: where it is and its key argument."""
    found = []
    for path in _code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_lookup(node):
                key = node.args[0] if node.args else next(k.value for k in node.keywords)
                where = f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"
                found.append((where, key))
    return found


@pytest.fixture(scope="module")
def used_keys() -> dict[str, list[str]]:
    """Each literal key the code looks up, with where."""
    used: dict[str, list[str]] = defaultdict(list)
    for where, key in _lookups():
        for literal in _literal_keys(key) or []:
            used[literal].append(where)
    return used


def test_the_scan_finds_the_lookups() -> None:
    # Guards the scan itself: the app does look texts up in every part of its code.
    places = {where.split("/")[0].split(":")[0] for where, _ in _lookups()}
    assert places == {"src", "ui", "pages"}


def test_every_key_is_a_literal() -> None:
    built = [
        f"{where}: {ast.unparse(key)}" for where, key in _lookups() if _literal_keys(key) is None
    ]
    assert not built, "keys must be string literals (or a choice between them):\n" + "\n".join(
        built
    )


def test_every_key_used_is_defined(used_keys: dict[str, list[str]]) -> None:
    missing = {key: where for key, where in used_keys.items() if key not in STRINGS}
    assert not missing


def test_every_defined_key_is_used(used_keys: dict[str, list[str]]) -> None:
    assert sorted(set(STRINGS) - set(used_keys)) == []


def test_each_key_lives_in_one_table() -> None:
    tables = (common.TEXTS, pages.TEXTS, statements.TEXTS, outputs.TEXTS)
    assert sum(len(table) for table in tables) == len(STRINGS)


def test_no_text_is_repeated_under_another_key() -> None:
    repeated = {}
    for language in LANGUAGES:
        keys_by_text: dict[str, set[str]] = defaultdict(set)
        for key, texts in STRINGS.items():
            keys_by_text[texts[language]].add(key)
        for text, keys in keys_by_text.items():
            if len(keys) > 1 and (language, frozenset(keys)) not in SHARED_TEXTS:
                repeated[(language, text)] = sorted(keys)
    assert repeated == {}


def test_every_shared_text_is_still_shared_and_differs_in_the_other_language() -> None:
    for language, keys in SHARED_TEXTS:
        assert len({STRINGS[key][language] for key in keys}) == 1, keys
        other = next(lang for lang in LANGUAGES if lang != language)
        assert len({STRINGS[key][other] for key in keys}) == len(keys), keys


def test_streamlit_texts_are_translated() -> None:
    tables = (frontend.WORDS, frontend.PREFIXES, frontend.SUFFIXES)
    for table in tables:
        for english, swedish in table.items():
            assert swedish.strip() and swedish != english, english
    # A prefix or suffix keeps the space or dash that joins it to the label.
    for english, swedish in {**frontend.PREFIXES, **frontend.SUFFIXES}.items():
        assert english.strip() != english and swedish.strip() != swedish, english
