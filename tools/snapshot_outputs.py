"""Write every file the app makes from the plan, so that two versions of the code can be compared.

A change that should not alter what a user gets (a move, a split, a clean-up) is checked by
running this before and after it and comparing the two folders::

    python -m tools.snapshot_outputs /tmp/before
    # … the change …
    python -m tools.snapshot_outputs /tmp/after
    diff -r /tmp/before /tmp/after && echo unchanged

It writes, for all initiatives and for a free-text filter, in Swedish and English: the HTML map
(each colouring), the report PDF and a place sheet with their text, the printed map PNG, the
timeline's figure as JSON (each colouring), the CSV and the XLSX's cells and column widths.
Dates are fixed and folium's random element ids are numbered in order of appearance, so the
same code writes the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from soderort import paths
from soderort.exports import initiatives_table
from soderort.filters import FilterState, filter_initiatives
from soderort.loading import PlanData, load_plan_data
from soderort.render.map_file import standalone_html
from soderort.render.map_layers import build_map_layers
from soderort.render.place_pdf import build_place_pdf
from soderort.render.print_map import render_map_png
from soderort.render.report_pdf import build_report_pdf
from soderort.render.spreadsheet_files import to_csv_bytes, to_xlsx_bytes
from soderort.render.timeline_chart import build_timeline_figure

DAY = dt.date(2026, 1, 2)
VIEWS = {"all": FilterState(), "text": FilterState(text="Farsta")}
LANGUAGES = ("sv", "en")
# Folium names each element with a random 32-digit hex id.
_ELEMENT_ID = re.compile(r"[0-9a-f]{32}")


def _numbered_ids(html: str) -> str:
    numbers: dict[str, str] = {}
    return _ELEMENT_ID.sub(lambda match: numbers.setdefault(match[0], f"id{len(numbers)}"), html)


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _xlsx_cells(xlsx: bytes) -> str:
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
    cells = [[str(cell.value) for cell in row] for row in sheet.iter_rows()]
    widths = {key: sheet.column_dimensions[key].width for key in sheet.column_dimensions}
    return json.dumps({"cells": cells, "widths": widths}, ensure_ascii=False, indent=1)


def write_snapshot(
    folder: Path,
    data: PlanData,
    views: Sequence[str] = tuple(VIEWS),
    languages: Sequence[str] = LANGUAGES,
) -> list[Path]:
    """Write the app's files for each view and language into `folder`; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes | str] = {}
    place = data.place_order[0]
    for view in views:
        initiatives = filter_initiatives(data, VIEWS[view])
        for language in languages:
            stem = f"{view}-{language}"
            for colour_by in ("count", "theme", "follow_up"):
                layers = build_map_layers(data, initiatives, language=language, colour_by=colour_by)
                html = standalone_html(data, layers, title="Söderort 2030", lines=[stem])
                files[f"map-{stem}-{colour_by}.html"] = _numbered_ids(html)
            png = render_map_png(data, initiatives, language=language)
            files[f"map-{stem}.png"] = png
            report = build_report_pdf(
                data, initiatives, [stem], map_png=png, language=language, printed=DAY
            )
            files[f"report-{stem}.pdf"] = report
            files[f"report-{stem}.txt"] = _pdf_text(report)
            place_png = render_map_png(data, initiatives, place_id=place, language=language)
            sheet = build_place_pdf(data, place, initiatives, map_png=place_png, language=language)
            files[f"place-{stem}.pdf"] = sheet
            files[f"place-{stem}.txt"] = _pdf_text(sheet)
            for colour_by in ("theme", "committee"):
                figure = build_timeline_figure(
                    data, initiatives, colour_by=colour_by, language=language, today=DAY
                )
                files[f"timeline-{stem}-{colour_by}.json"] = figure.to_json()
            table = initiatives_table(data, initiatives, language=language)
            files[f"table-{stem}.csv"] = to_csv_bytes(table)
            files[f"table-{stem}.xlsx.json"] = _xlsx_cells(to_xlsx_bytes(table))
    written = []
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Write the snapshot of the plan in ``geodata/`` (or `--data`) into the folder given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--data", type=Path, default=paths.GEODATA_DIR)
    args = parser.parse_args(argv)
    written = write_snapshot(args.folder, load_plan_data(args.data))
    print(f"{len(written)} files in {args.folder}")


if __name__ == "__main__":
    main()
