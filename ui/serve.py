"""Start the dashboard: `python -m ui.serve [streamlit run options]` runs app.py with Streamlit.

Plain `streamlit run app.py` sees the `pages/` folder next to app.py and runs the first session's
first script in its legacy pages-folder mode (`PagesManager.uses_pages_directory`, decided once per
process): a deep link such as `/omrade?place=farsta` then shows "Page not found" over the right
page, the sidebar lists raw file names for a moment, and that session's first widget change is
thrown away (its widgets were made under the legacy page's id). app.py navigates with
`st.navigation`, which turns the mode off on its first call; this turns it off before the first
session instead.
"""

from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from soderort import paths

APP_FILE = paths.PROJECT_ROOT / "app.py"


def main(options: list[str]) -> None:
    """Run app.py with Streamlit, passing `options` (e.g. `--server.port 8502`) through."""
    PagesManager.uses_pages_directory = False
    cli.main(["run", str(APP_FILE), *options], prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
