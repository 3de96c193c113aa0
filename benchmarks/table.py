"""The benchmark's table: its rows, their figures, and the table as Markdown and JSON."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Row:
    """One line of the table: a measure, the data it ran on, and its samples."""

    section: str
    measure: str
    data: str
    unit: str
    samples: list[float]
    target: str = ""
    limit: float | None = None

    @property
    def median(self) -> float:
        """The median sample (NaN when there are none)."""
        return statistics.median(self.samples) if self.samples else math.nan

    @property
    def verdict(self) -> str:
        """Return ok or over against the limit (empty without one)."""
        if self.limit is None or not self.samples:
            return ""
        return "ok" if self.median <= self.limit else "**over**"

    def cells(self) -> list[str]:
        """Return the row's cells as the table prints them."""
        if self.samples:
            figures = [_fmt(self.median), _fmt(min(self.samples)), _fmt(max(self.samples))]
        else:
            figures = ["–", "–", "–"]
        runs = str(len(self.samples))
        return [self.measure, self.data, *figures, self.unit, runs, self.target, self.verdict]


@dataclass
class Table:
    """The benchmark's result: the machine it ran on and the rows."""

    machine: dict[str, str]
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        """Append a row and return it."""
        self.rows.append(row)
        return row

    def markdown(self) -> str:
        """Return the machine and the table as Markdown."""
        lines = [f"- {key}: {value}" for key, value in self.machine.items()]
        header = ["Measure", "Data", "Median", "Min", "Max", "Unit", "Runs", "Target", ""]
        lines += ["", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        section = None
        for row in self.rows:
            if row.section != section:
                section = row.section
                lines.append(f"| **{section}** |" + " |" * (len(header) - 1))
            lines.append("| " + " | ".join(row.cells()) + " |")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        """Every sample, for a later look."""
        return {
            "machine": self.machine,
            "rows": [
                {
                    "section": r.section,
                    "measure": r.measure,
                    "data": r.data,
                    "unit": r.unit,
                    "samples": r.samples,
                    "target": r.target,
                }
                for r in self.rows
            ],
        }


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratios(ours: Sequence[float], theirs: Sequence[float]) -> list[float]:
    """Paired ratios of samples taken back to back."""
    return [a / b for a, b in zip(ours, theirs, strict=False) if b > 0]
