"""The downloads' measures: the report and place sheet PDFs, built as a click builds them."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from benchmarks.plan import N_PLACES, SEED, Plan, log
from benchmarks.table import Row, Table
from soderort import paths
from soderort.loading import load_plan_data

# The worst case: this many initiatives, every one naming the same place.
ONE_PLACE_SIZE = 5_000
ONE_PLACE = "hogdalen"
ONE_PLACE_LABEL = f"{ONE_PLACE_SIZE:,} at one place"
# A PDF of thousands of initiatives takes seconds: fewer repeats than the reruns.
PDF_REPEATS_MAX = 3


def one_place_folder(target: Path, size: int = ONE_PLACE_SIZE, seed: int = SEED) -> Path:
    """Generate a plan of `size` initiatives that all name `ONE_PLACE` and no other."""
    import yaml

    from benchmarks.synthetic import generate_data_folder

    generate_data_folder(target, size, n_places=N_PLACES, seed=seed)
    plan_file = target / paths.ACTION_PLAN_FILE.name
    plan = yaml.load(plan_file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for record in plan["initiatives"]:
        record["places"] = [ONE_PLACE]
    text = yaml.dump(plan, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    plan_file.write_text(text, encoding="utf-8")
    return target


def pdf_times(data_dir: Path, repeats: int) -> tuple[list[float], list[float]]:
    """Seconds to build the report and the busiest place's sheet, as a download does.

    The app's own cached builders (`ui.exporting`) are timed with their caches cleared, map
    included; the plan is loaded (and its search prepared) before the clock starts.
    """
    from soderort.facts import count_by_place
    from soderort.filters import FilterState, filter_initiatives
    from ui.exporting import filter_key, place_pdf, report_pdf

    data = load_plan_data(data_dir)
    filters = FilterState()
    counts = count_by_place(data, filter_initiatives(data, filters))
    place = max(data.place_order, key=lambda p: counts.get(p, 0))
    key = filter_key(filters)
    reports, places = [], []
    for _ in range(repeats):
        report_pdf.clear()
        place_pdf.clear()
        gc.collect()
        start = time.perf_counter()
        report_pdf(data, key, "sv", "2026-11-30")
        reports.append(time.perf_counter() - start)
        start = time.perf_counter()
        place_pdf(data, key, place, "sv")
        places.append(time.perf_counter() - start)
    return reports, places


def measure_downloads(table: Table, folders: dict[str, Path], plan: Plan, workdir: Path) -> None:
    """Measure the PDF rows: the real plan, each generated size, 5,000 initiatives at one place."""
    section = "Downloads (PDF built when clicked, map included)"
    found = dict(folders)
    if 1_000 in plan.sizes:
        log(f"downloads: generating {ONE_PLACE_LABEL}")
        found[ONE_PLACE_LABEL] = one_place_folder(workdir / "plan-one-place")
    repeats = min(plan.repeats, PDF_REPEATS_MAX)
    for label, folder in found.items():
        if label == "10,000":
            continue  # the report of 10,000 is a book: 5,000 at one place is the worst case asked
        log(f"downloads: {label}")
        reports, places = pdf_times(folder, repeats)
        target, limit = {"real": ("< 1.5 s", 1.5), "1,000": ("< 10 s", 10.0)}.get(label, ("", None))
        table.add(Row(section, "Report PDF", label, "s", reports, target, limit))
        table.add(
            Row(section, "Place sheet PDF (the busiest place)", label, "s", places, target, limit)
        )
