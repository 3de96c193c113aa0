"""Command line: `python -m soderort validate [PATH]` and `python -m soderort publish EDITED`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from soderort import paths, published, publishing
from soderort.errors import DataError
from soderort.validate import validate_path


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Parameters
    ----------
    argv : list of str, optional
        The arguments; the process's own when None.

    Returns
    -------
    int
        0 when the data is valid, 1 when it is not, 2 for a usage error.
    """
    parser = argparse.ArgumentParser(prog="python -m soderort", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="kontrollera datafilerna")
    validate.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=paths.GEODATA_DIR,
        help="en datamapp eller en enskild datafil (standard: projektets geodata/)",
    )
    publish = commands.add_parser(
        "publish",
        help="kontrollera en redigerad datamapp och publicera den med ett manifest",
    )
    publish.add_argument("path", type=Path, help="den redigerade datamappen")
    publish.add_argument(
        "--to",
        type=Path,
        default=None,
        help="mappen som appen läser (standard: SODERORT_DATA_DIR eller projektets geodata/)",
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "publish":
            target = args.to if args.to is not None else paths.app_data_dir()
            names = publishing.publish(args.path, target, published.DATA_FILES)
            print(f"Publicerat till {target}: {', '.join(names)} och {publishing.MANIFEST_FILE}")
        else:
            print(validate_path(args.path))
    except DataError as err:
        print(f"{len(err.problems)} fel i {', '.join(err.files)} ({args.path}):", file=sys.stderr)
        for problem in err.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
