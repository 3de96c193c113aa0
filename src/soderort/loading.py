"""Loading and validation of the data files: the action plan, the registries and the geodata.

Each loader reads one file and returns typed records (or a GeoDataFrame); `load_plan_data` reads
them all and checks the references between them. Anything wrong raises `DataError` with every
problem found, each naming the file, the record and the field in plain words.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import yaml
from pydantic import BaseModel, ValidationError
from shapely.geometry import shape
from shapely.validation import explain_validity

from soderort import datafiles, paths, simplify
from soderort.errors import DataError, Problem
from soderort.memo import per_plan
from soderort.model import (
    ActionPlan,
    AreaProperties,
    Committee,
    CommitteeRegistry,
    Document,
    FollowUpEntry,
    FollowUpFile,
    Initiative,
    PlaceProperties,
    Theme,
    ThemeRegistry,
)

# Room for a plan of 10,000 initiatives (about 10 MB of YAML); larger is refused unread.
MAX_FILE_BYTES = 20_000_000
# Sweden with a margin: a coordinate outside this box is a sign of swapped axes or the wrong CRS.
SWEDEN_BOUNDS = (10.0, 55.0, 25.0, 69.5)
_WGS84_NAMES = ("CRS84", "EPSG::4326", "EPSG:4326")
# A value quoted in a message is cut to this many characters: a message must stay readable, and
# a hostile file must not make it large (a YAML alias can make a tiny file's value enormous).
MAX_QUOTED_CHARS = 80
# Python refuses to turn longer digit strings into ints; no data file needs numbers that long.
MAX_INT_DIGITS = 100
# libyaml's parser reads a large plan many times faster than the pure-Python one; both build the
# same values (the constructor is the same safe one) and report problems with line and column.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a data file as UTF-8 text, refusing what a person could not have meant.

    Parameters
    ----------
    path : Path
        The file.
    max_bytes : int
        Larger files are refused rather than read into memory.

    Returns
    -------
    str
        The file's text.

    Raises
    ------
    DataError
        When the file is missing, too large, empty, starts with a byte order mark, or is not UTF-8;
        `soderort.datafiles.FileChangedError` when it changed while it was read.
    """
    name = path.name
    if not path.is_file():
        # Only the name: the message reaches the app's public error page, which must not show
        # the server's folders (the command line names the folder it checked).
        raise DataError([Problem(name, "filen finns inte")])
    raw = b""
    try:
        before = path.stat()
        size = before.st_size
        if size <= max_bytes:
            # Read at most one byte past the limit: a file that grows while it is read, or
            # whose size the file system misreports, is still refused without reading it all.
            with path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)
                after = os.fstat(handle.fileno())
            size = max(size, len(raw))
            # A file written in place can be read between two writes: half a file that may
            # still parse (cut at a record boundary). Its size or time shows it changing.
            if datafiles.FileVersion.of(before) != datafiles.FileVersion.of(after) or (
                len(raw) != after.st_size and len(raw) <= max_bytes
            ):
                raise datafiles.changed_error(name)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise DataError([Problem(name, f"filen kan inte läsas: {reason}")]) from None
    if size > max_bytes:
        raise DataError(
            [Problem(name, f"filen är {size:,} byte, större än gränsen {max_bytes:,} byte")]
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(
            [
                Problem(
                    name, "filen börjar med en BOM (byte order mark); spara den som UTF-8 utan BOM"
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [
                Problem(
                    name,
                    f"filen är inte UTF-8 (ogiltig byte 0x{raw[err.start]:02x} på rad {line}); "
                    "spara den som UTF-8",
                )
            ]
        ) from None
    if not text.strip():
        raise DataError([Problem(name, "filen är tom")])
    return text


def quoted(value: Any) -> str:
    """Describe a value from a data file for a message: short, and never costly to make.

    Parameters
    ----------
    value : Any
        A value as the YAML or JSON parser returned it.

    Returns
    -------
    str
        Text and numbers quoted as they stand (text cut at `MAX_QUOTED_CHARS` characters);
        lists, mappings and other values by kind and size. Never the whole structure: a YAML
        alias can make a few bytes expand into billions of items.
    """
    if value is None or isinstance(value, bool | float):
        return repr(value)
    if isinstance(value, int):
        # repr() of an int with more than 4300 digits raises ValueError.
        return repr(value) if value.bit_length() <= 64 else "ett tal med för många siffror"
    if isinstance(value, str):
        if len(value) > MAX_QUOTED_CHARS:
            return repr(value[:MAX_QUOTED_CHARS]) + f" … ({len(value):,} tecken)"
        return repr(value)
    if isinstance(value, list | tuple):
        return f"en lista med {len(value)} {'värde' if len(value) == 1 else 'värden'}"
    if isinstance(value, dict):
        return f"en mappning med {len(value)} {'nyckel' if len(value) == 1 else 'nycklar'}"
    return f"ett värde av typen {type(value).__name__}"


class _DataLoader(_YAML_LOADER):
    """The safe loader, made strict where it would lose data silently or crash.

    A key given twice in one mapping is refused (the plain safe loader keeps the last value and
    drops the first without a word); an impossible date or a number too long to convert
    becomes a YAML error with its line, instead of a bare ValueError.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # "<<: *defaults" may be overridden by the keys beside it
                key = self.construct_object(key_node, deep=True)
                try:
                    repeated = key in seen
                except TypeError:
                    continue  # unhashable: the base class reports it with its line
                if repeated:
                    raise yaml.constructor.ConstructorError(
                        "i en mappning",
                        node.start_mark,
                        f"nyckeln {quoted(key)} förekommer två gånger",
                        key_node.start_mark,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def _strictly(self, node: yaml.ScalarNode, construct: Any, what: str) -> Any:
        try:
            return construct(self, node)
        except (ValueError, OverflowError):
            raise yaml.constructor.ConstructorError(
                None, None, f"{quoted(node.value)} är {what}", node.start_mark
            ) from None

    def construct_strict_timestamp(self, node: yaml.ScalarNode) -> Any:
        """Build a date or time, or say which value is not one (2010-02-30)."""
        return self._strictly(
            node, yaml.SafeLoader.construct_yaml_timestamp, "inget giltigt datum (ÅÅÅÅ-MM-DD)"
        )

    def construct_strict_int(self, node: yaml.ScalarNode) -> Any:
        """Build an int, refusing one with more than `MAX_INT_DIGITS` characters."""
        if len(str(node.value)) > MAX_INT_DIGITS:
            raise yaml.constructor.ConstructorError(
                None, None, f"talet har fler än {MAX_INT_DIGITS} siffror", node.start_mark
            )
        return self._strictly(node, yaml.SafeLoader.construct_yaml_int, "inget heltal")


_DataLoader.add_constructor("tag:yaml.org,2002:timestamp", _DataLoader.construct_strict_timestamp)
_DataLoader.add_constructor("tag:yaml.org,2002:int", _DataLoader.construct_strict_int)


def parse_yaml_text(text: str, name: str) -> Any:
    """Parse a data file's YAML text, turning every way it can fail into a `DataError`.

    Parameters
    ----------
    text : str
        The file's text.
    name : str
        The file's name, for the messages.

    Returns
    -------
    Any
        What the YAML holds (plain dicts, lists, strings, numbers, dates).

    Raises
    ------
    DataError
        On a syntax error, a key given twice in one mapping, an impossible date, a number too
        long to read, or nesting too deep to read.
    """
    try:
        datafiles.check_yaml_cost(text, name)
        return yaml.load(text, Loader=_DataLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (rad {mark.line + 1}, kolumn {mark.column + 1})" if mark else ""
        problem = getattr(err, "problem", None) or "okänt fel"
        message = f"filen går inte att läsa som YAML: {problem}{where}"
        raise DataError([Problem(name, message)]) from None
    except RecursionError:
        raise DataError([Problem(name, "filen är för djupt nästlad för att läsas")]) from None


def _parse_yaml(path: Path) -> Any:
    return parse_yaml_text(read_text(path), path.name)


def _describe_error(error: dict[str, Any]) -> str:
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
        return _shortened(str(ctx.get("error", error["msg"])))
    return _shortened(str(error["msg"]))


def _shortened(text: str, limit: int = 4 * MAX_QUOTED_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + " …"


def _record_label(raw_items: Any, index: int, noun: str, id_key: str = "id") -> str:
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


def _problems_from(
    err: ValidationError,
    file: str,
    raw: Any,
    list_key: str | None,
    noun: str,
    id_key: str = "id",
) -> list[Problem]:
    problems = []
    for error in err.errors():
        loc = list(error["loc"])
        record = None
        if list_key and len(loc) >= 2 and loc[0] == list_key and isinstance(loc[1], int):
            items = raw.get(list_key) if isinstance(raw, dict) else None
            record = _record_label(items, loc[1], noun, id_key)
            loc = loc[2:]
        field = ".".join(
            f"[{p + 1}]" if isinstance(p, int) else str(p)[:MAX_QUOTED_CHARS] for p in loc
        )
        field = field.replace(".[", "[") or None
        problems.append(Problem(file, _describe_error(error), record, field))
    return problems


def _validate(model: type[BaseModel], raw: Any, file: str, list_key: str, noun: str) -> Any:
    if not isinstance(raw, dict):
        raise DataError([Problem(file, f"filen ska börja med nyckeln '{list_key}:'")])
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        raise DataError(_problems_from(err, file, raw, list_key, noun)) from None


def _duplicates(ids: Iterable[str], file: str, noun: str) -> list[Problem]:
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


def load_action_plan(path: Path = paths.ACTION_PLAN_FILE) -> ActionPlan:
    """Load and validate the action plan file on its own (no cross references).

    Parameters
    ----------
    path : Path
        The YAML file.

    Returns
    -------
    ActionPlan
        The document and its initiatives, in the source's order.

    Raises
    ------
    DataError
        With every problem found in the file.
    """
    raw = _parse_yaml(path)
    plan = _validate(ActionPlan, raw, path.name, "initiatives", "initiativ")
    problems = _duplicates((i.id for i in plan.initiatives), path.name, "initiativ")
    if problems:
        raise DataError(problems)
    return plan


def load_follow_ups(
    path: Path, initiative_ids: Iterable[str], plan_date: dt.date | None = None
) -> dict[str, tuple[FollowUpEntry, ...]]:
    """Load the follow-up file and check that every entry belongs to an initiative of the plan.

    Parameters
    ----------
    path : Path
        The YAML file (follow_up.yaml).
    initiative_ids : iterable of str
        The plan's initiative ids.
    plan_date : datetime.date, optional
        The plan's date: an entry must say what happened after it (a year or month that
        includes the date is accepted).

    Returns
    -------
    dict of str to tuple of FollowUpEntry
        By initiative id, each initiative's entries oldest first (a year before the days in it,
        equal dates in the file's order).

    Raises
    ------
    DataError
        With every problem found: an entry without a source, an unknown status, a date that is
        not one, an initiative the plan does not have, an initiative given twice, an entry
        dated before the plan.
    """
    raw = _parse_yaml(path)
    name = path.name
    if not isinstance(raw, dict):
        raise DataError([Problem(name, "filen ska börja med nyckeln 'follow_ups:'")])
    try:
        loaded = FollowUpFile.model_validate(raw)
    except ValidationError as err:
        raise DataError(
            _problems_from(err, name, raw, "follow_ups", "uppföljning för", "initiative")
        ) from None
    known = set(initiative_ids)
    problems = []
    seen: dict[str, int] = {}
    for position, item in enumerate(loaded.follow_ups, start=1):
        label = f"uppföljning för {quoted(item.initiative)} (nr {position})"
        if item.initiative not in known:
            problems.append(
                Problem(
                    name,
                    f"okänt initiativ {quoted(item.initiative)} (finns inte i action_plan.yaml)",
                    label,
                    "initiative",
                )
            )
        elif item.initiative in seen:
            problems.append(
                Problem(
                    name,
                    f"initiativet har redan uppföljning som nr {seen[item.initiative]}; "
                    "lägg posterna där",
                    label,
                    "initiative",
                )
            )
        seen.setdefault(item.initiative, position)
        for number, entry in enumerate(item.entries, start=1):
            if plan_date is not None and entry.period_end < plan_date:
                problems.append(
                    Problem(
                        name,
                        f"datumet {entry.date} ligger före planens datum ({plan_date}); "
                        "en uppföljning säger vad som hänt efter planen",
                        label,
                        f"entries[{number}].date",
                    )
                )
    if problems:
        raise DataError(problems)
    return {
        item.initiative: tuple(sorted(item.entries, key=lambda entry: entry.sort_key))
        for item in loaded.follow_ups
    }


def load_committees(path: Path = paths.COMMITTEES_FILE) -> dict[str, Committee]:
    """Load the registry of committees.

    Parameters
    ----------
    path : Path
        The YAML file.

    Returns
    -------
    dict of str to Committee
        By id, in the file's order.
    """
    raw = _parse_yaml(path)
    registry = _validate(CommitteeRegistry, raw, path.name, "committees", "nämnd")
    problems = _duplicates((c.id for c in registry.committees), path.name, "nämnd")
    if problems:
        raise DataError(problems)
    return {c.id: c for c in registry.committees}


def load_themes(path: Path = paths.THEMES_FILE) -> dict[str, Theme]:
    """Load the controlled vocabulary of themes.

    Parameters
    ----------
    path : Path
        The YAML file.

    Returns
    -------
    dict of str to Theme
        By id, in the file's order.
    """
    raw = _parse_yaml(path)
    registry = _validate(ThemeRegistry, raw, path.name, "themes", "tema")
    problems = _duplicates((t.id for t in registry.themes), path.name, "tema")
    if problems:
        raise DataError(problems)
    return {t.id: t for t in registry.themes}


def _coordinates(geometry_json: Any) -> list[tuple[float, float]]:
    # Walked with a stack, not recursion: a hostile file may nest as deep as the parser allows.
    found: list[tuple[float, float]] = []
    pending: list[Any] = [geometry_json]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            pending.append(node.get("coordinates"))
            if isinstance(node.get("geometries"), list):
                pending.extend(node["geometries"])
        elif (
            isinstance(node, list)
            and len(node) >= 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in node[:2])
        ):
            found.append((float(node[0]), float(node[1])))
        elif isinstance(node, list):
            pending.extend(node)
    return found


def _geometry_problem(geometry_json: Any) -> tuple[str | None, Any]:
    """Return (what is wrong, shapely geometry) for one feature's geometry member."""
    if geometry_json is None:
        return "geometri saknas (null)", None
    try:
        geometry = shape(geometry_json)
    except Exception as err:  # shapely raises many kinds for malformed GeoJSON
        return f"geometrin går inte att läsa: {_shortened(str(err))}", None
    if geometry.is_empty:
        return "geometrin är tom", None
    if geometry.geom_type in ("Point", "MultiPoint"):
        # A point has no area to colour, and Leaflet's default marker needs images the app does
        # not serve; a place drawn from one coordinate is a circle around it (kind point_buffer).
        return (
            f"geometrin är en punkt ({geometry.geom_type}), men en plats eller ett område ritas "
            "som en yta; ge den en yta, t.ex. en cirkel runt punkten (kind: point_buffer)",
            None,
        )
    coordinates = _coordinates(geometry_json)
    if any(not (math.isfinite(x) and math.isfinite(y)) for x, y in coordinates):
        return "geometrin har koordinater som inte är tal", None
    if any(abs(x) > 180 or abs(y) > 90 for x, y in coordinates):
        return (
            "koordinaterna ligger utanför WGS84 (lon −180–180, lat −90–90); "
            "är filen i ett annat koordinatsystem, t.ex. SWEREF 99?",
            None,
        )
    west, south, east, north = SWEDEN_BOUNDS
    inside = [west <= x <= east and south <= y <= north for x, y in coordinates]
    swapped = [south <= x <= north and west <= y <= east for x, y in coordinates]
    if not all(inside):
        if all(swapped):
            return "koordinaterna verkar omkastade (lat, lon i stället för lon, lat)", None
        return "geometrin ligger utanför Sverige; kontrollera koordinaterna", None
    if not geometry.is_valid:
        return f"ogiltig geometri: {explain_validity(geometry)}", None
    return None, geometry


class _JsonRefusedError(ValueError):
    """Raised inside json.loads by the hooks of `parse_json_text`."""


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JsonRefusedError(f"nyckeln {quoted(key)} förekommer två gånger i samma objekt")
        result[key] = value
    return result


def _bounded_int(digits: str) -> int:
    if len(digits) > MAX_INT_DIGITS:
        raise _JsonRefusedError(f"ett tal har fler än {MAX_INT_DIGITS} siffror")
    return int(digits)


def parse_json_text(text: str, name: str) -> Any:
    """Parse a data file's JSON text, turning every way it can fail into a `DataError`.

    Parameters
    ----------
    text : str
        The file's text.
    name : str
        The file's name, for the messages.

    Returns
    -------
    Any
        What the JSON holds.

    Raises
    ------
    DataError
        On a syntax error, a key given twice in one object (plain json.loads keeps the last
        silently), a number too long to read, or nesting too deep to read.
    """
    datafiles.check_json_cost(text, name)
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicate_keys, parse_int=_bounded_int)
    except json.JSONDecodeError as err:
        message = f"filen är inte giltig JSON: {err.msg} (rad {err.lineno}, kolumn {err.colno})"
    except _JsonRefusedError as err:
        message = f"filen går inte att använda: {err}"
    except RecursionError:
        message = "filen är för djupt nästlad för att läsas"
    raise DataError([Problem(name, message)])


def _load_features(path: Path, properties_model: type[BaseModel], noun: str) -> gpd.GeoDataFrame:
    name = path.name
    data = parse_json_text(read_text(path), name)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        kind = quoted(data.get("type")) if isinstance(data, dict) else quoted(data)
        raise DataError([Problem(name, f"filen är ingen GeoJSON FeatureCollection (typ: {kind})")])
    crs = data.get("crs")
    if crs is not None:
        crs_properties = crs.get("properties") if isinstance(crs, dict) else None
        crs_name = crs_properties.get("name") if isinstance(crs_properties, dict) else None
        if not (isinstance(crs_name, str) and crs_name.endswith(_WGS84_NAMES)):
            raise DataError(
                [
                    Problem(
                        name,
                        f"fel koordinatsystem ({quoted(crs_name or crs)}); "
                        "filen ska vara i WGS84 (EPSG:4326)",
                        field="crs",
                    )
                ]
            )
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise DataError([Problem(name, "filen har inga features", field="features")])

    problems: list[Problem] = []
    records: list[dict[str, Any]] = []
    geometries = []
    for index, feature in enumerate(features):
        label = _record_label(
            [f.get("properties") if isinstance(f, dict) else None for f in features], index, noun
        )
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(Problem(name, "är ingen GeoJSON Feature", label, "type"))
            continue
        try:
            properties = properties_model.model_validate(feature.get("properties") or {})
        except ValidationError as err:
            problems.extend(
                Problem(
                    name,
                    _describe_error(e),
                    label,
                    "properties." + ".".join(str(p)[:MAX_QUOTED_CHARS] for p in e["loc"]),
                )
                for e in err.errors()
            )
            properties = None
        problem, geometry = _geometry_problem(feature.get("geometry"))
        if problem:
            problems.append(Problem(name, problem, label, "geometry"))
        if properties is not None and geometry is not None:
            records.append(properties.model_dump(mode="json"))
            geometries.append(geometry)
    problems.extend(_duplicates((r["id"] for r in records), name, noun))
    if problems:
        raise DataError(problems)
    frame = gpd.GeoDataFrame(records, geometry=geometries, crs="EPSG:4326")
    return simplify.for_screen(frame.set_index("id", drop=False))


def load_places(path: Path = paths.PLACES_FILE) -> gpd.GeoDataFrame:
    """Load the named places of the action plan.

    Parameters
    ----------
    path : Path
        A GeoJSON FeatureCollection in WGS84.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per place, indexed by id, with the properties of `PlaceProperties`.
    """
    return _load_features(path, PlaceProperties, "plats")


def load_areas(path: Path) -> gpd.GeoDataFrame:
    """Load a context layer: Söderort's outline, its stadsdelsområden or its stadsdelar.

    Parameters
    ----------
    path : Path
        A GeoJSON FeatureCollection in WGS84 whose features have an id and a name.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per feature, indexed by id.
    """
    return _load_features(path, AreaProperties, "område")


@dataclass(frozen=True)
class PlanData:
    """Everything the dashboard shows, loaded, validated and joined."""

    document: Document
    initiatives: tuple[Initiative, ...]
    committees: dict[str, Committee]
    themes: dict[str, Theme]
    places: gpd.GeoDataFrame
    districts: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    outline: gpd.GeoDataFrame
    # Initiative id to its follow-up entries, oldest first; none when the folder has no file.
    follow_ups: dict[str, tuple[FollowUpEntry, ...]] = field(default_factory=dict)

    # The data never changes once loaded, so lookups that every rerun makes many times (a name
    # per card, the place order per filter) are computed once, in the plan's `per_plan` cache.
    @property
    def _place_order(self) -> tuple[str, ...]:
        def compute() -> tuple[str, ...]:
            named = [p for initiative in self.initiatives for p in initiative.places]
            return tuple(dict.fromkeys([*named, *self.places.index]))

        return per_plan(self, "place_order", compute)

    @property
    def _by_id(self) -> dict[str, Initiative]:
        def compute() -> dict[str, Initiative]:
            found: dict[str, Initiative] = {}
            for item in self.initiatives:
                found.setdefault(item.id, item)
            return found

        return per_plan(self, "by_id", compute)

    @property
    def _place_names(self) -> dict[str, dict[str, str]]:
        # A dict lookup instead of GeoDataFrame.loc, which costs ~50 µs a call.
        return per_plan(
            self,
            "place_names",
            lambda: {
                column: {str(k): str(v) for k, v in self.places[column].items()}
                for column in ("name", "name_en")
            },
        )

    @property
    def place_order(self) -> list[str]:
        """Place ids in the order the action plan first names them, then any others."""
        return list(self._place_order)

    def initiative(self, initiative_id: str) -> Initiative:
        """Return the initiative with the given id (KeyError when there is none)."""
        return self._by_id[initiative_id]

    def follow_up_entries(self, initiative_id: str) -> tuple[FollowUpEntry, ...]:
        """Return an initiative's follow-up entries, oldest first (empty when it has none)."""
        return self.follow_ups.get(initiative_id, ())

    def latest_follow_up(self, initiative_id: str) -> FollowUpEntry | None:
        """Return an initiative's latest follow-up entry, or None when none is recorded."""
        entries = self.follow_ups.get(initiative_id, ())
        return entries[-1] if entries else None

    def committee_name(self, committee_id: str) -> str:
        """Return the registry's name for a body, or the id itself when the registry lacks it."""
        committee = self.committees.get(committee_id)
        return committee.name if committee is not None else committee_id

    def place_name(self, place_id: str, language: str = "sv") -> str:
        """Return the place's name in the given language (KeyError for an unknown id)."""
        return self._place_names["name_en" if language == "en" else "name"][place_id]

    def place_name_or_id(self, place_id: str, language: str = "sv") -> str:
        """Return the place's name in the given language, or the id itself for an unknown id."""
        return self._place_names["name_en" if language == "en" else "name"].get(place_id, place_id)

    def theme_name(self, theme_id: str, language: str = "sv") -> str:
        """Return the theme's name in the given language, or the id itself for an unknown id."""
        theme = self.themes.get(theme_id)
        if theme is None:
            return theme_id
        return theme.name_en if language == "en" else theme.name


def cross_reference_problems(
    plan: ActionPlan,
    committees: dict[str, Committee],
    themes: dict[str, Theme],
    place_ids: set[str],
    file: str,
) -> list[Problem]:
    """List the initiatives' references to places, committees and themes that do not exist.

    Parameters
    ----------
    plan : ActionPlan
        The loaded plan.
    committees, themes : dict
        The registries, by id.
    place_ids : set of str
        The ids in places.geojson.
    file : str
        The plan file's name, for the messages.

    Returns
    -------
    list of Problem
        Empty when every reference resolves.
    """
    problems = []
    for position, item in enumerate(plan.initiatives, start=1):
        label = f"initiativ '{item.id}' (nr {position})"
        for index, place in enumerate(item.places, start=1):
            if place not in place_ids:
                problems.append(
                    Problem(
                        file,
                        f"okänd plats '{place}' (finns inte i places.geojson)",
                        label,
                        f"places[{index}]",
                    )
                )
        for index, ref in enumerate(item.committees, start=1):
            if ref.id not in committees:
                problems.append(
                    Problem(
                        file,
                        f"okänd nämnd '{ref.id}' (finns inte i committees.yaml)",
                        label,
                        f"committees[{index}].id",
                    )
                )
        for index, theme in enumerate(item.themes, start=1):
            if theme not in themes:
                problems.append(
                    Problem(
                        file,
                        f"okänt tema '{theme}' (finns inte i themes.yaml)",
                        label,
                        f"themes[{index}]",
                    )
                )
    return problems


def load_plan_data(data_dir: Path = paths.GEODATA_DIR) -> PlanData:
    """Load every data file in a folder, validate each, and check the references between them.

    Parameters
    ----------
    data_dir : Path
        The folder holding action_plan.yaml, committees.yaml, themes.yaml and the GeoJSON files.

    Returns
    -------
    PlanData
        The joined data.

    Raises
    ------
    DataError
        With every problem found in every file; a broken file never yields part of the data.
    """
    data_dir = Path(data_dir)
    loaders = {
        "plan": (load_action_plan, data_dir / paths.ACTION_PLAN_FILE.name),
        "committees": (load_committees, data_dir / paths.COMMITTEES_FILE.name),
        "themes": (load_themes, data_dir / paths.THEMES_FILE.name),
        "places": (load_places, data_dir / paths.PLACES_FILE.name),
        "districts": (load_areas, data_dir / paths.DISTRICTS_FILE.name),
        "areas": (load_areas, data_dir / paths.AREAS_FILE.name),
        "outline": (load_areas, data_dir / paths.OUTLINE_FILE.name),
    }
    loaded: dict[str, Any] = {}
    problems: list[Problem] = []
    changed = False
    for key, (loader, path) in loaders.items():
        try:
            loaded[key] = datafiles.load_once(loader, path)
        except DataError as err:
            problems.extend(err.problems)
            changed = changed or isinstance(err, datafiles.FileChangedError)
    if problems:
        raise (datafiles.FileChangedError if changed else DataError)(problems)
    plan: ActionPlan = loaded["plan"]
    problems = cross_reference_problems(
        plan,
        loaded["committees"],
        loaded["themes"],
        set(loaded["places"].index),
        paths.ACTION_PLAN_FILE.name,
    )
    if problems:
        raise DataError(problems)
    follow_up_path = data_dir / paths.FOLLOW_UP_FILE.name
    follow_ups = (
        load_follow_ups(follow_up_path, (item.id for item in plan.initiatives), plan.document.date)
        if follow_up_path.exists()
        else {}
    )
    return PlanData(
        document=plan.document,
        initiatives=tuple(plan.initiatives),
        committees=loaded["committees"],
        themes=loaded["themes"],
        places=loaded["places"],
        districts=loaded["districts"],
        areas=loaded["areas"],
        outline=loaded["outline"],
        follow_ups=follow_ups,
    )
