"""Reading a data file as text and parsing it as YAML or JSON, within limits.

A file too large, not UTF-8, changing while it is read, or empty is refused before it is
parsed; YAML and JSON are parsed strictly (a key given twice, an impossible date, a number too
long, nesting too deep), each way of failing a `DataError` that names the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from soderort import datafiles
from soderort.errors import DataError, Problem

# Room for a plan of 10,000 initiatives (about 10 MB of YAML); larger is refused unread.
MAX_FILE_BYTES = 20_000_000


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


def parse_yaml_file(path: Path) -> Any:
    """Read and parse one YAML data file (`read_text`, then `parse_yaml_text`)."""
    return parse_yaml_text(read_text(path), path.name)


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
    """Parse a data file's JSON text as `parse_yaml_text` parses YAML, failing with a `DataError`.

    Refused: a syntax error, a key given twice in one object (plain json.loads keeps the last
    silently), a number too long to read, nesting too deep to read.
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
