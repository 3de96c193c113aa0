"""The project's own validation error: every problem names the file, the record and the field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file.

    Parameters
    ----------
    file : str
        The file's name as the user knows it (e.g. ``action_plan.yaml``).
    message : str
        What is wrong, in plain Swedish.
    record : str or None
        The initiative or feature: its id where it has one, else its position.
    field : str or None
        The field, as a dotted path (``timeline.target``).
    """

    file: str
    message: str
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.record:
            where.append(self.record)
        if self.field:
            where.append(f"fält {self.field}")
        return f"{': '.join(where)}: {self.message}"


class DataError(Exception):
    """Raised when a data file cannot be used; holds every problem found, not just the first.

    Parameters
    ----------
    problems : list of Problem
        What is wrong, at least one.
    """

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("DataError needs at least one problem")
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def files(self) -> list[str]:
        """The names of the files with problems, each once, in order of appearance."""
        return list(dict.fromkeys(p.file for p in self.problems))
