"""Build the project's geodata/ from the public sources in the shared geodata-sources folder.

Run ``python -m tools.build_geodata [--sources DIR] [--out DIR]`` from the project's root.
The script reads (never writes) the sources folder (default: ``$SODERORT_GEODATA_SOURCES``, else
``../shared/geodata-sources`` beside the project) and writes, into the output folder:

- ``soderort.geojson``: Söderort's outline (one feature);
- ``stadsdelsomraden.geojson``: the five stadsdelsområden of Söderort;
- ``stadsdelar.geojson``: the 52 stadsdelar of Söderort;
- ``places.geojson``: the named places of the action plan, one feature each;
- ``points.geojson``: the sourced points those places were drawn from;
- ``SOURCES.md``: where everything came from, with licences, checksums and output sizes.

All geometry work happens in SWEREF 99 TM (EPSG:3006) so that buffers and tolerances are
in metres; the output is WGS84 lon/lat rounded to 5 decimals (about 1 m). The output
depends only on the input files and the library versions: running twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from soderort import paths
from tools.geodata.build import build
from tools.geodata.sources import DEFAULT_SOURCES_DIR


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (defaults to ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sources",
        type=Path,
        default=DEFAULT_SOURCES_DIR,
        help="geodata-sources folder (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=paths.GEODATA_DIR,
        help="output folder (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        parser.error(f"sources folder not found: {args.sources}")
    sizes = build(args.sources, args.out)
    for name, size in sizes.items():
        print(f"{size:>8}  {args.out / name}")
    geojson_total = sum(size for name, size in sizes.items() if name.endswith(".geojson"))
    print(f"{geojson_total:>8}  total GeoJSON bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
