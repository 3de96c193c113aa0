"""Validation of a data file's records, with problems naming the file, the record and the field."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from soderort.errors import DataError, Problem
from soderort.parsing import (
    MAX_QUOTED_CHARS,
    quoted,
)


def describe_error(error: dict[str, Any]) -> str:
    """Say in Swedish what one of pydantic's errors means, quoting the value briefly."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    messages = {
        "missing": "saknas men krävs",
        "extra_forbidden": "okänt fält (stavfel?)",
        "string_type": "ska vara text",
        "string_too_short": "får inte vara tom",
        "too_short": "måste ha minst ett värde",
        "list_type": "ska vara en lista",
        "model_type": "ska vara en mappning (nyckel: värde)",
        "dict_type": "ska vara en mappning (nyckel: värde)",
        "bool_type": "ska vara true eller false",
        "bool_parsing": "ska vara true eller false",
        "float_type": "ska vara ett tal",
        "float_parsing": "ska vara ett tal",
        "finite_number": "ska vara ett ändligt tal",
    }
    if kind in messages:
        return messages[kind]
    # Values are quoted with `quoted`, never repr(): a value from a hostile file can be huge.
    shown = quoted(value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"ska vara ett heltal, inte {shown}"
    if isinstance(value, float) and math.isnan(value):
        return "ska vara ett tal, inte NaN"  # NaN compares false with both bounds
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        if "ge" in ctx or "gt" in ctx:
            return f"värdet {shown} är för litet (minst {ctx.get('ge', ctx.get('gt'))})"
        return f"värdet {shown} är för stort (högst {ctx.get('le', ctx.get('lt'))})"
    if kind == "string_too_long":
        return f"är för lång (högst {ctx.get('max_length')} tecken)"
    if kind == "string_pattern_mismatch":
        return f"{shown} är inget giltigt id (små bokstäver a–z, siffror och bindestreck)"
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return f"{shown} är inget giltigt värde; giltiga är {expected}"
    if kind.startswith("date"):
        return f"{shown} är inget giltigt datum (ÅÅÅÅ-MM-DD)"
    if kind == "value_error":
        return shortened(str(ctx.get("error", error["msg"])))
    return shortened(str(error["msg"]))


def shortened(text: str, limit: int = 4 * MAX_QUOTED_CHARS) -> str:
    """Cut a message's text at `limit` characters, marked with " …"."""
    return text if len(text) <= limit else text[:limit] + " …"


def record_label(raw_items: Any, index: int, noun: str, id_key: str = "id") -> str:
    """Name a record for a message: by its id where it has one, and by its number."""
    item_id = None
    if (
        isinstance(raw_items, list)
        and index < len(raw_items)
        and isinstance(raw_items[index], dict)
    ):
        item_id = raw_items[index].get(id_key)
    if isinstance(item_id, str) and item_id:
        return f"{noun} {quoted(item_id)} (nr {index + 1})"
    return f"{noun} nr {index + 1}"


def problems_from(
    err: ValidationError,
    file: str,
    raw: Any,
    list_key: str | None,
    noun: str,
    id_key: str = "id",
) -> list[Problem]:
    """Turn a validation error into problems naming the file, the record and the field."""
    problems = []
    for error in err.errors():
        loc = list(error["loc"])
        record = None
        if list_key and len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
            items = raw.get(list_key) if isinstance(raw, dict) else None
            record = record_label(items, loc[1], noun, id_key)
            loc = loc[2:]
        field = ".".join(
            f"[{p + 1}]" if isinstance(p, int) else str(p)[:MAX_QUOTED_CHARS] for p in loc
        )
        field = field.replace(".[", "[") or None
        problems.append(Problem(file, describe_error(error), record, field))
    return problems


def validate_records(model: type[BaseModel], raw: Any, file: str, list_key: str, noun: str) -> Any:
    """Validate a file's parsed content as `model`, or raise every problem found."""
    if not isinstance(raw, dict):
        raise DataError([Problem(file, f"filen ska börja med nyckeln '{list_key}:'")])
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        raise DataError(problems_from(err, file, raw, list_key, noun)) from None


def duplicate_problems(ids: Iterable[str], file: str, noun: str) -> list[Problem]:
    """Return a problem for each id given again, naming where it was first."""
    seen: dict[str, int] = {}
    problems = []
    for position, item_id in enumerate(ids, start=1):
        if item_id in seen:
            problems.append(
                Problem(
                    file,
                    f"id '{item_id}' förekommer redan som nr {seen[item_id]}",
                    f"{noun} nr {position}",
                    "id",
                )
            )
        else:
            seen[item_id] = position
    return problems
